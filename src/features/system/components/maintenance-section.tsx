// §6.11 upgrade, §6.12 reboot, §6.15 restore defaults: each confirmed naming
// the device, each followed by the restart overlay.
import { CloudUploadOutlined, PoweroffOutlined, UndoOutlined, UploadOutlined } from '../../../components/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Progress, Row, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { deviceQueries } from '../../../api/queries/device';
import { useReboot, useRestoreDefaults, useUpgrade } from '../api/system-mutations';
import { useSystemT } from '../messages';
import { checkUpgradeFile, formatBytes, UPGRADE_EXTENSIONS } from '../../../api/settings/files';
import { DangerConfirm } from './danger-confirm';
import { useReportDirty } from './dirty-guard';
import { ErrorAlert } from '../../../components/error-alert';
import { useDeviceName, useRestart } from './restart-context';

export function MaintenanceSection() {
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <UpgradeCard />
      </Col>
      <Col xs={24} xl={12}>
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <RebootCard />
          <ResetCard />
        </Space>
      </Col>
    </Row>
  );
}

function UpgradeCard() {
  const t = useSystemT();
  const version = useQuery(deviceQueries.version());
  const deviceName = useDeviceName();
  const restart = useRestart();
  const upgrade = useUpgrade();
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [progress, setProgress] = useState<{ sent: number; total: number } | null>(null);
  useReportDirty('upgrade', file !== null);

  const percent = progress && progress.total > 0 ? Math.round((progress.sent / progress.total) * 100) : 0;

  function start() {
    if (!file) return;
    setConfirming(false);
    setProgress({ sent: 0, total: file.size });
    upgrade.mutate(
      { file, onProgress: (sent, total) => setProgress({ sent, total }) },
      {
        onSuccess: () => {
          setFile(null);
          restart.begin('upgrade');
        },
      },
    );
  }

  return (
    <Card title={t('upgrade.title')}>
      <Typography.Paragraph>{t('upgrade.current', { version: version.data?.version ?? '—' })}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('upgrade.help', { extensions: UPGRADE_EXTENSIONS.join(', ') })}</Typography.Paragraph>
      <Space wrap>
        <Upload
          accept={UPGRADE_EXTENSIONS.join(',')}
          showUploadList={false}
          maxCount={1}
          disabled={upgrade.isPending}
          beforeUpload={(picked) => {
            upgrade.reset();
            setProgress(null);
            const issue = checkUpgradeFile(picked.name, picked.size);
            setProblem(issue ? t(`upgrade.problem.${issue}`, { name: picked.name, extensions: UPGRADE_EXTENSIONS.join(', ') }) : null);
            setFile(issue ? null : picked);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} disabled={upgrade.isPending}>
            {t('upgrade.pick')}
          </Button>
        </Upload>
        <Button
          type="primary"
          danger
          icon={<CloudUploadOutlined />}
          disabled={!file || upgrade.isPending}
          onClick={() => setConfirming(true)}
        >
          {t('upgrade.start')}
        </Button>
      </Space>
      {file && (
        <Typography.Paragraph style={{ marginTop: 12 }}>
          {t('upgrade.picked', { name: file.name, size: formatBytes(file.size) })}
        </Typography.Paragraph>
      )}
      {problem && <Alert type="error" showIcon role="alert" title={problem} style={{ marginTop: 12 }} />}
      {progress && (
        <div style={{ marginTop: 12 }}>
          <Typography.Text id="upgrade-progress-label">
            {upgrade.isPending
              ? percent < 100
                ? t('upgrade.sending', { sent: formatBytes(progress.sent), total: formatBytes(progress.total) })
                : t('upgrade.installing')
              : upgrade.isError
                ? t('upgrade.failed')
                : ''}
          </Typography.Text>
          <Progress
            percent={percent}
            status={upgrade.isError ? 'exception' : upgrade.isPending ? 'active' : 'normal'}
            aria-labelledby="upgrade-progress-label"
          />
        </div>
      )}
      {upgrade.isPending && <Alert type="warning" showIcon title={t('upgrade.keepOn')} style={{ marginTop: 12 }} />}
      {upgrade.error && (
        <div style={{ marginTop: 12 }}>
          <ErrorAlert error={upgrade.error} />
        </div>
      )}
      <DangerConfirm
        open={confirming}
        title={t('upgrade.confirmTitle')}
        deviceName={deviceName}
        confirmLabel={t('upgrade.confirm')}
        onCancel={() => setConfirming(false)}
        onConfirm={start}
        consequences={[
          t('upgrade.consequence.package', { name: file?.name ?? '', size: file ? formatBytes(file.size) : '' }),
          t('upgrade.consequence.from', { version: version.data?.version ?? '—' }),
          t('upgrade.consequence.restart'),
          t('upgrade.consequence.power'),
        ]}
      />
    </Card>
  );
}

function RebootCard() {
  const t = useSystemT();
  const deviceName = useDeviceName();
  const restart = useRestart();
  const reboot = useReboot();
  const [confirming, setConfirming] = useState(false);
  return (
    <Card title={t('reboot.title')}>
      <Typography.Paragraph type="secondary">{t('reboot.help')}</Typography.Paragraph>
      <Button danger icon={<PoweroffOutlined />} onClick={() => setConfirming(true)}>
        {t('reboot.button')}
      </Button>
      <DangerConfirm
        open={confirming}
        title={t('reboot.confirmTitle', { device: deviceName })}
        deviceName={deviceName}
        confirmLabel={t('reboot.confirm')}
        pending={reboot.isPending}
        error={reboot.error}
        onCancel={() => {
          reboot.reset();
          setConfirming(false);
        }}
        onConfirm={() =>
          reboot.mutate(undefined, {
            onSuccess: () => {
              setConfirming(false);
              restart.begin('reboot');
            },
          })
        }
        consequences={[t('reboot.consequence.capture'), t('reboot.consequence.sessions'), t('reboot.consequence.back')]}
        kept={[t('reboot.kept')]}
      />
    </Card>
  );
}

function ResetCard() {
  const t = useSystemT();
  const deviceName = useDeviceName();
  const restart = useRestart();
  const reset = useRestoreDefaults();
  const [confirming, setConfirming] = useState(false);
  return (
    <Card title={t('reset.title')}>
      <Typography.Paragraph type="secondary">{t('reset.help')}</Typography.Paragraph>
      <Button danger icon={<UndoOutlined />} onClick={() => setConfirming(true)}>
        {t('reset.button')}
      </Button>
      <DangerConfirm
        open={confirming}
        title={t('reset.confirmTitle', { device: deviceName })}
        deviceName={deviceName}
        confirmLabel={t('reset.confirm')}
        typeToConfirm
        pending={reset.isPending}
        error={reset.error}
        onCancel={() => {
          reset.reset();
          setConfirming(false);
        }}
        onConfirm={() =>
          reset.mutate(undefined, {
            onSuccess: () => {
              setConfirming(false);
              restart.begin('reset');
            },
          })
        }
        consequences={[
          t('reset.consequence.ntp'),
          t('reset.consequence.time'),
          t('reset.consequence.storage'),
          t('reset.consequence.web'),
          t('reset.consequence.push'),
          t('reset.consequence.restart'),
        ]}
        kept={[t('reset.kept.data'), t('reset.kept.network'), t('reset.kept.https'), t('reset.kept.id')]}
      />
    </Card>
  );
}
