import { Button, Card, Tag } from 'antd';
import { Link, useNavigate } from 'react-router';
import { describeError } from '../../../api/device-error';
import { hrefs, onNode } from '../../../config/paths';
import { useLang } from '../../../i18n';
import type { Health, NodeRow } from '../model/fleet-status';
import { useFleetT } from '../messages';

const COLOUR: Record<Health, string> = {
  unreachable: 'error',
  error: 'error',
  expired: 'warning',
  signedOut: 'default',
  warning: 'warning',
  loading: 'processing',
  ok: 'success',
};

const round = (n: number) => Math.round(n);

/** One node: its state first, then what it is and how it is doing. */
export function NodeCard({ row }: { row: NodeRow }) {
  const t = useFleetT();
  const lang = useLang();
  const navigate = useNavigate();
  const dash = '—';
  const { node } = row;
  const signIn = row.health === 'signedOut' || row.health === 'expired';
  const reason = row.health === 'unreachable' || row.health === 'error' ? describeError(row.error, lang).title : null;
  const last = row.lastAlarm;
  const fields: Array<[string, string]> = [
    [t('field.reachable'), reason ?? (signIn ? t(`health.${row.health}`) : row.health === 'loading' ? dash : t('value.reachable'))],
    [t('field.model'), row.model ?? dash],
    [t('field.version'), row.version ?? dash],
    [t('field.deviceId'), row.deviceId ?? dash],
    [
      t('field.cameras'),
      row.camerasOnline === null || row.camerasConfigured === null
        ? dash
        : t('value.camerasOf', { online: row.camerasOnline, configured: row.camerasConfigured }),
    ],
    [
      t('field.power'),
      row.powerUsed === null || row.powerCapacity === null ? dash : t('value.power', { used: row.powerUsed, capacity: row.powerCapacity }),
    ],
    [t('field.cpu'), row.cpuPercent === null ? dash : t('value.percent', { value: round(row.cpuPercent) })],
    [t('field.memory'), row.memoryPercent === null ? dash : t('value.percent', { value: round(row.memoryPercent) })],
    [t('field.storage'), row.storagePercent === null ? dash : t('value.percent', { value: round(row.storagePercent) })],
    [t('field.alarmsToday'), row.alarmsToday === null ? dash : String(row.alarmsToday)],
    [
      t('field.lastAlarm'),
      last
        ? t('value.lastAlarm', {
            time: last.trigger,
            who: last.person_name || t('value.stranger'),
            camera: last.camera_name || String(last.channel),
          })
        : row.alarmsToday === null
          ? dash
          : t('value.none'),
    ],
  ];
  return (
    <Card
      size="small"
      className={`fleet-node fleet-node--${row.health}`}
      role="region"
      aria-label={node.name}
      title={
        <span className="fleet-node__title">
          <Link to={onNode(node.id, hrefs.overview())}>{node.name}</Link>
          <Tag color={COLOUR[row.health]}>{t(`health.${row.health}`)}</Tag>
        </span>
      }
      extra={
        signIn ? (
          <Button size="small" type="primary" onClick={() => void navigate(onNode(node.id, hrefs.overview()))}>
            {t('action.signIn')}
          </Button>
        ) : null
      }
    >
      {row.warnings.length > 0 && (
        <div className="fleet-node__warnings">
          {row.warnings.map((w) => (
            <Tag key={w} color="warning">
              {t(`warning.${w}`)}
            </Tag>
          ))}
        </div>
      )}
      <dl className="fleet-node__fields">
        {fields.map(([label, value]) => (
          <div key={label} className="fleet-node__field">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
