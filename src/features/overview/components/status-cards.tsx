// The device's state now: cameras offline (516's status), storage and its
// policy (1288), CPU and memory (1313 / 1314). The shared queries, polled
// every 30 s here (the system page polls the load every 3 s).
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Progress, Row, Statistic, Typography } from 'antd';
import { cameraQueries, selectCameras } from '../../../api/queries/cameras';
import { systemStatusQueries } from '../../../api/queries/system-status';
import { ErrorAlert } from '../../../components/error-alert';
import { useOverviewT } from '../messages';

const STATUS_REFRESH_MS = 30_000;
const dash = '—';

/** §6.4's cur_storage / max_storage are MB (the example's 2048). */
export function formatMb(mb: number): string {
  return mb >= 1024 ? `${(mb / 1024).toFixed(1)} GB` : `${mb} MB`;
}

export function StatusCards({ totals }: { totals: { label: string; value: number | null }[] }) {
  const t = useOverviewT();
  const cameras = useQuery({ ...cameraQueries.list(), select: selectCameras });
  const storage = useQuery({ ...systemStatusQueries.storage(), refetchInterval: STATUS_REFRESH_MS, meta: { errorHandled: true } });
  const cpu = useQuery({ ...systemStatusQueries.cpu(), refetchInterval: STATUS_REFRESH_MS, meta: { errorHandled: true } });
  const memory = useQuery({ ...systemStatusQueries.memory(), refetchInterval: STATUS_REFRESH_MS, meta: { errorHandled: true } });
  const offline = (cameras.data ?? []).filter((c) => c.status !== 1);
  const s = storage.data;
  const used = s && s.max_storage > 0 ? Math.min(100, (s.cur_storage / s.max_storage) * 100) : null;

  return (
    <Row gutter={[16, 16]}>
      {totals.map((x) => (
        <Col key={x.label} xs={12} md={8} xl={4}>
          <Card size="small">
            <Statistic title={x.label} value={x.value ?? dash} loading={x.value === null} />
          </Card>
        </Col>
      ))}
      <Col xs={12} md={8} xl={4}>
        <Card size="small" data-stat="offline">
          <Statistic
            title={t('stat.offline')}
            value={cameras.data ? t('stat.offlineValue', { offline: offline.length, total: cameras.data.length }) : dash}
            loading={cameras.isPending}
            styles={offline.length ? { content: { color: 'var(--ant-color-error)' } } : undefined}
          />
          <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
            {cameras.data
              ? offline.length
                ? t('stat.offlineNames', { names: offline.map((c) => c.camera_name || String(c.channel)).join(', ') })
                : t('stat.allOnline')
              : null}
          </Typography.Text>
        </Card>
      </Col>
      <Col xs={24} md={8} xl={4}>
        <Card size="small" data-stat="storage">
          <Typography.Text type="secondary">{t('stat.storage')}</Typography.Text>
          {storage.error ? <ErrorAlert error={storage.error} /> : null}
          <Progress
            percent={used === null ? 0 : Number(used.toFixed(1))}
            status={used !== null && used >= 90 ? 'exception' : 'normal'}
            size="small"
            aria-label={t('stat.storage')}
          />
          <Typography.Text style={{ fontSize: 12 }}>
            {s ? t('stat.storageValue', { used: formatMb(s.cur_storage), max: formatMb(s.max_storage) }) : dash}
            <br />
            {s ? t(s.storage_strategy === 2 ? 'stat.policy.2' : 'stat.policy.1') : null}
          </Typography.Text>
          <div style={{ display: 'flex', gap: 16, marginTop: 4, fontSize: 12 }}>
            <span>
              {t('stat.cpu')} {cpu.data ? `${Math.round(cpu.data.cpu_usage)}%` : dash}
            </span>
            <span>
              {t('stat.memory')} {memory.data ? `${Math.round(memory.data.memory_usage)}%` : dash}
            </span>
          </div>
        </Card>
      </Col>
    </Row>
  );
}
