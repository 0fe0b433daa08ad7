// The node's health at a glance: who it is, how loaded, how full, what time.
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Descriptions, Progress, Row, Skeleton, Statistic } from 'antd';
import { deviceQueries } from '../../../api/queries/device';
import { LOAD_REFRESH_MS, systemQueries } from '../api/system-queries';
import { useSystemT } from '../messages';
import { formatBytes } from '../../../api/settings/files';
import { DeviceClock } from './device-clock';
import { DeviceIdForm } from './device-id-form';
import { ErrorAlert } from '../../../components/error-alert';
import { Sparkline } from './sparkline';
import { SAMPLES_MAX, useSamples } from './use-samples';

const MB = 1024 * 1024;
const pct = (v: number) => `${v.toFixed(1)} %`;

export function OverviewSection() {
  const t = useSystemT();
  const version = useQuery(deviceQueries.version());
  const power = useQuery(deviceQueries.power());
  const deviceId = useQuery(systemQueries.deviceId());
  const dash = '—';

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Card title={t('overview.identity')}>
          {version.isPending ? (
            <Skeleton active paragraph={{ rows: 4 }} />
          ) : (
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('overview.deviceId')}>
                <DeviceIdForm deviceId={deviceId.data?.device_id ?? version.data?.device_id} />
              </Descriptions.Item>
              <Descriptions.Item label={t('overview.serial')}>{version.data?.serial_id ?? dash}</Descriptions.Item>
              <Descriptions.Item label={t('overview.model')}>
                {power.data ? (power.data.modelName ?? t('overview.unknownModel')) : dash}
              </Descriptions.Item>
              <Descriptions.Item label={t('overview.firmware')}>{version.data?.version ?? dash}</Descriptions.Item>
              <Descriptions.Item label={t('overview.webVersion')}>{version.data?.web_version ?? dash}</Descriptions.Item>
              <Descriptions.Item label={t('overview.time')}>
                <DeviceClock />
              </Descriptions.Item>
            </Descriptions>
          )}
          <ErrorAlert error={version.error ?? deviceId.error} />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <StorageCard />
      </Col>
      <Col xs={24} md={12}>
        <CpuCard />
      </Col>
      <Col xs={24} md={12}>
        <MemoryCard />
      </Col>
    </Row>
  );
}

function historyLabel(t: ReturnType<typeof useSystemT>, what: string, values: readonly number[]) {
  if (values.length === 0) return t('chart.empty', { what });
  return t('chart.label', {
    what,
    seconds: Math.round((values.length * LOAD_REFRESH_MS) / 1000),
    min: pct(Math.min(...values)),
    max: pct(Math.max(...values)),
    now: pct(values[values.length - 1]!),
  });
}

function CpuCard() {
  const t = useSystemT();
  const cpu = useQuery({ ...systemQueries.cpu(), meta: { errorHandled: true } });
  const samples = useSamples(cpu.data?.cpu_usage, cpu.dataUpdatedAt);
  return (
    <Card
      title={t('overview.cpu')}
      extra={<span className="system-muted">{t('chart.window', { count: SAMPLES_MAX, seconds: LOAD_REFRESH_MS / 1000 })}</span>}
    >
      <Statistic title={t('overview.cpuUsage')} value={cpu.data ? pct(cpu.data.cpu_usage) : '—'} loading={cpu.isPending} />
      <Sparkline values={samples} label={historyLabel(t, t('overview.cpuUsage'), samples)} />
      <Descriptions column={1} size="small" style={{ marginTop: 12 }}>
        <Descriptions.Item label={t('overview.cpuType')}>{cpu.data?.cpu_type ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('overview.cores')}>{cpu.data?.kernel_num ?? '—'}</Descriptions.Item>
      </Descriptions>
      {cpu.isError && <ErrorAlert error={cpu.error} />}
    </Card>
  );
}

function MemoryCard() {
  const t = useSystemT();
  const memory = useQuery({ ...systemQueries.memory(), meta: { errorHandled: true } });
  const samples = useSamples(memory.data?.memory_usage, memory.dataUpdatedAt);
  return (
    <Card
      title={t('overview.memory')}
      extra={<span className="system-muted">{t('chart.window', { count: SAMPLES_MAX, seconds: LOAD_REFRESH_MS / 1000 })}</span>}
    >
      <Statistic title={t('overview.memoryUsage')} value={memory.data ? pct(memory.data.memory_usage) : '—'} loading={memory.isPending} />
      <Sparkline values={samples} color="#13a8a8" label={historyLabel(t, t('overview.memoryUsage'), samples)} />
      <Descriptions column={1} size="small" style={{ marginTop: 12 }}>
        <Descriptions.Item label={t('overview.memoryTotal')}>{memory.data ? formatBytes(memory.data.total_memory) : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('overview.memoryUsed')}>
          {memory.data ? formatBytes(Math.round((memory.data.total_memory * memory.data.memory_usage) / 100)) : '—'}
        </Descriptions.Item>
      </Descriptions>
      {memory.isError && <ErrorAlert error={memory.error} />}
    </Card>
  );
}

function StorageCard() {
  const t = useSystemT();
  const storage = useQuery(systemQueries.storage());
  const d = storage.data;
  const percent = d && d.max_storage > 0 ? Math.min(100, (d.cur_storage / d.max_storage) * 100) : 0;
  return (
    <Card title={t('overview.storage')}>
      {!d ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : (
        <>
          <Progress
            percent={Number(percent.toFixed(1))}
            status={percent >= 90 ? 'exception' : 'normal'}
            aria-label={t('overview.storageUsed')}
          />
          <Descriptions column={1} size="small" style={{ marginTop: 12 }}>
            <Descriptions.Item label={t('overview.storageUsed')}>
              {t('overview.storageValue', { used: formatBytes(d.cur_storage * MB), max: formatBytes(d.max_storage * MB) })}
            </Descriptions.Item>
            <Descriptions.Item label={t('overview.storagePolicy')}>
              {d.storage_strategy === 2 ? t('storage.stop.title') : t('storage.overwrite.title')}
            </Descriptions.Item>
          </Descriptions>
        </>
      )}
      <ErrorAlert error={storage.error} />
    </Card>
  );
}
