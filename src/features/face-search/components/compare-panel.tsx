// 1:1 (§5.2): two photos side by side, each checked for a face as it is chosen
// (769, so a bad photo is named on its own side), then the score and what it
// means against the usual bands and this device's camera thresholds.
import { SwapOutlined } from '../../../components/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Row, Space, Statistic, Typography } from 'antd';
import { useState } from 'react';
import type { Detection } from '../../../api/protocol/recognition';
import { faceSearchQueries } from '../api/face-search-queries';
import { parseCoordinate } from '../../../api/protocol/face-box';
import { useComparePhotos, useDetectMain } from '../api/recognition';
import { readScore } from '../model/score-reading';
import { useFaceSearchT } from '../messages';
import { ErrorAlert } from './error-alert';
import { FaceAttributes } from './face-attributes';
import { FacePhoto } from '../../../components/face-picker/face-photo';
import { PhotoDrop } from './photo-drop';

type Accepted = { id: number; file: File; face: Detection };

function Slot({
  n,
  title,
  accepted,
  onAccepted,
  pastable,
}: {
  n: number;
  title: string;
  accepted: Accepted | null;
  onAccepted: (a: Accepted) => void;
  pastable: boolean;
}) {
  const t = useFaceSearchT();
  const detect = useDetectMain();
  const box = accepted ? parseCoordinate(accepted.face.coordinate) : null;
  const tried = detect.variables;
  return (
    <Card
      title={
        <span role="heading" aria-level={2}>
          {title}
        </span>
      }
      size="small"
    >
      <Space orientation="vertical" size="middle" className="fs-stack">
        <PhotoDrop
          onFile={(file) => detect.mutate(file, { onSuccess: onAccepted })}
          pastable={pastable}
          label={`${title}: ${accepted ? t('photo.replace') : t('photo.drop')}`}
          compact={accepted !== null}
        />
        {detect.isPending && (
          <Typography.Text role="status" type="secondary">
            {t('photo.checking')}
          </Typography.Text>
        )}
        {detect.isError && (
          <ErrorAlert
            error={detect.error}
            title={t('photo.rejected', { name: tried?.name ?? '' })}
            extra={accepted ? t('photo.kept') : undefined}
          />
        )}
        {accepted && (
          <>
            <FacePhoto file={accepted.file} alt={t('photo.altCompare', { n })} boxes={box ? [{ box, label: '' }] : []} />
            <FaceAttributes attr={accepted.face.attribute} />
          </>
        )}
      </Space>
    </Card>
  );
}

export function ComparePanel() {
  const t = useFaceSearchT();
  const [a, setA] = useState<Accepted | null>(null);
  const [b, setB] = useState<Accepted | null>(null);
  const compare = useComparePhotos();
  const thresholds = useQuery(faceSearchQueries.thresholds());
  const result = compare.data && a && b && compare.data.ids[0] === a.id && compare.data.ids[1] === b.id ? compare.data : null;
  const reading = result ? readScore(result.score, thresholds.data ?? []) : null;

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} md={12}>
        {/* Paste fills the first empty side. */}
        <Slot n={1} title={t('compare.first')} accepted={a} onAccepted={setA} pastable={!a} />
      </Col>
      <Col xs={24} md={12}>
        <Slot n={2} title={t('compare.second')} accepted={b} onAccepted={setB} pastable={Boolean(a) && !b} />
      </Col>
      <Col span={24}>
        <Space orientation="vertical" className="fs-stack">
          <Button
            type="primary"
            icon={<SwapOutlined aria-hidden />}
            disabled={!a || !b}
            loading={compare.isPending}
            onClick={() => a && b && compare.mutate({ a, b })}
          >
            {t('compare.run')}
          </Button>
          {(!a || !b) && <Typography.Text type="secondary">{t('compare.needBoth')}</Typography.Text>}
          {compare.isError && <ErrorAlert error={compare.error} />}
          {result && reading && (
            <Card size="small">
              <div className="fs-score" role="status">
                <Statistic title={t('compare.score')} value={result.score} suffix="/ 100" />
                <div>
                  <Typography.Title level={3} className="fs-score__band">
                    {t(`compare.band.${reading.band}`)}
                  </Typography.Title>
                  <Typography.Paragraph>{t(`compare.explain.${reading.band}`)}</Typography.Paragraph>
                  <Typography.Paragraph>
                    {reading.thresholds
                      ? t(`compare.cameras.${reading.alarms ?? 'none'}`, reading.thresholds)
                      : t('compare.cameras.unknown')}
                  </Typography.Paragraph>
                  <Typography.Paragraph type="secondary" className="fs-small">
                    {t('compare.usual')}
                  </Typography.Paragraph>
                </div>
              </div>
            </Card>
          )}
        </Space>
      </Col>
    </Row>
  );
}
