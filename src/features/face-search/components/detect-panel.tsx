// Face detection (§3.26): every face in a photo, boxed and numbered, with its
// quality and attributes, and a way on to search any one of them.
import { SearchOutlined } from '../../../components/icons';
import { Card, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Detection } from '../../../api/protocol/recognition';
import { useExaminePhoto, type ExaminedPhoto } from '../api/recognition';
import { useFaceSearchT } from '../messages';
import { ErrorAlert } from './error-alert';
import { FaceAttributes } from './face-attributes';
import { faceBoxes } from '../../../components/face-picker/face-picker';
import { FacePhoto } from '../../../components/face-picker/face-photo';
import { PhotoDrop } from './photo-drop';
import { hrefs } from '../../../config/paths';
import { deviceFileUrl } from '../../../api/protocol/files';

type Row = Detection & { img_path: string; n: number };

export function DetectPanel() {
  const t = useFaceSearchT();
  const examine = useExaminePhoto();
  const [photo, setPhoto] = useState<ExaminedPhoto | null>(null);
  const [focus, setFocus] = useState<number | undefined>(undefined);
  const tried = examine.variables;
  const boxes = faceBoxes(photo?.faces ?? []);
  const rows: Row[] = (photo?.faces ?? []).map((f, i) => ({ ...f, n: i + 1 }));

  return (
    <Space orientation="vertical" size="middle" className="fs-stack">
      <Card title={t('mode.detect')} size="small">
        <Space orientation="vertical" size="middle" className="fs-stack">
          <PhotoDrop
            onFile={(file) =>
              examine.mutate(
                { kind: 'file', file },
                {
                  onSuccess: (p) => {
                    setPhoto(p);
                    setFocus(undefined);
                  },
                },
              )
            }
            pastable
            label={photo ? t('photo.replace') : undefined}
            compact={photo !== null}
          />
          {examine.isPending && (
            <Typography.Text role="status" type="secondary">
              {t('photo.checking')}
            </Typography.Text>
          )}
          {examine.isError && (
            <ErrorAlert
              error={examine.error}
              title={t('photo.rejected', { name: tried?.kind === 'file' ? tried.file.name : (tried?.path ?? '') })}
              extra={photo ? t('photo.kept') : undefined}
            />
          )}
          {photo && (
            <>
              <Typography.Text strong>{t('detect.count', { n: photo.faces.length })}</Typography.Text>
              <FacePhoto file={photo.file} alt={t('photo.alt')} boxes={boxes} selected={focus} onSelect={setFocus} />
            </>
          )}
        </Space>
      </Card>
      {photo && (
        <Table<Row>
          rowKey="n"
          size="small"
          pagination={false}
          dataSource={rows}
          scroll={{ x: 760 }}
          rowClassName={(r) => (r.n - 1 === focus ? 'fs-row--focus' : '')}
          columns={[
            { key: 'n', title: t('detect.col.face'), width: 70, render: (_, r) => t('photo.face', { n: r.n }) },
            {
              key: 'crop',
              title: t('detect.col.crop'),
              width: 90,
              render: (_, r) => (
                <img src={deviceFileUrl(r.img_path)} alt={t('detect.crop', { n: r.n })} width={64} height={64} className="fs-crop" />
              ),
            },
            { key: 'quality', title: t('detect.col.quality'), dataIndex: 'quality', width: 80 },
            { key: 'attr', title: t('detect.col.attributes'), render: (_, r) => <FaceAttributes attr={r.attribute} column={2} /> },
            { key: 'box', title: t('detect.col.box'), dataIndex: 'coordinate', width: 150 },
            {
              key: 'actions',
              title: t('detect.col.actions'),
              width: 150,
              render: (_, r) => (
                <Link to={hrefs.faceSearch({ snap: r.img_path })} aria-label={t('detect.searchOf', { n: r.n })}>
                  <SearchOutlined aria-hidden /> {t('detect.search')}
                </Link>
              ),
            },
          ]}
        />
      )}
    </Space>
  );
}
