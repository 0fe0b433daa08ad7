// Computing power used / capacity (§4.1), and what one more camera of each
// kind would cost, before the user tries.
import { CheckCircleFilled, CloseCircleFilled } from '../../../components/icons';
import { Card, Flex, Progress, Tag, Typography } from 'antd';
import { CAMERA_KINDS, powerState } from '../model/camera-kind';
import { useCameraT } from '../messages';

export function PowerGauge({ capacity, used }: { capacity: number; used: number }) {
  const t = useCameraT();
  const p = powerState(capacity, used);
  const percent = capacity > 0 ? Math.round((used / capacity) * 100) : 0;
  const full = p.free === 0;
  return (
    <Card size="small" title={t('power.title')} className="cameras__power">
      <Flex wrap gap={24} align="center">
        <div className="cameras__power-gauge" role="group" aria-label={t('power.label', { used, capacity })}>
          <Progress
            type="dashboard"
            percent={percent}
            size={96}
            status={full ? 'exception' : 'normal'}
            format={() => `${used} / ${capacity}`}
            aria-label={t('power.label', { used, capacity })}
          />
          <div className="cameras__power-text">
            <Typography.Text strong data-testid="power-used">
              {t('power.used', { used, capacity })}
            </Typography.Text>
            <Typography.Text type="secondary" data-testid="power-free">
              {t('power.free', { free: p.free })}
            </Typography.Text>
          </div>
        </div>
        <div className="cameras__power-next">
          <Typography.Text strong>{t('power.next')}</Typography.Text>
          <ul aria-label={t('power.next')} className="cameras__power-list">
            {CAMERA_KINDS.map((kind) => {
              const n = p.next[kind];
              return (
                <li key={kind} data-kind={kind}>
                  <span className="cameras__power-kind">{t(`kind.${kind}`)}</span>
                  <span>{t('power.cost', { cost: n.cost })}</span>
                  {/* The words carry the meaning; the icon's colour only repeats it. */}
                  <Tag
                    icon={n.fits ? <CheckCircleFilled style={{ color: '#389e0d' }} /> : <CloseCircleFilled style={{ color: '#cf1322' }} />}
                  >
                    {n.fits ? t('power.fits') : t('power.noFit')}
                  </Tag>
                </li>
              );
            })}
          </ul>
          <Typography.Text type="secondary" className="cameras__power-rule">
            {t('power.rule')}
          </Typography.Text>
        </div>
      </Flex>
    </Card>
  );
}
