// A staged upgrade under way (or finished): every node in its wave, its state,
// and what to do when the page was reloaded (choose the file again) or a node
// needs the password to be signed in again after its restart.
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Progress, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { describeError } from '../../../api/device-error';
import { DeviceError } from '../../../api/errors';
import { formatBytes } from '../../../api/settings/files';
import { useLang } from '../../../i18n';
import { useNodeStore } from '../../../session/node-store';
import { fleetOpsQueries } from '../api/fleet-ops-queries';
import { clearUpgrade, provideFile, providePassword, resumeUpgrade, stopUpgrade, useUpgradeStore } from '../api/upgrade-runner';
import { counts, isActive, planStatus, remaining, sameFile, waves, type NodeStep, type UpgradePlan } from '../model/stage-plan';
import { useFleetOpsT } from '../messages';
import { UpgradeFilePicker } from './upgrade-setup';

const COLOUR: Record<NodeStep['state'], string> = {
  pending: 'default',
  uploading: 'processing',
  restarting: 'processing',
  checking: 'processing',
  done: 'success',
  failed: 'error',
};

interface Row {
  step: NodeStep;
  wave: number;
}

export function UpgradeProgress({ plan }: { plan: UpgradePlan }) {
  const t = useFleetOpsT();
  const lang = useLang();
  const queryClient = useQueryClient();
  const nodes = useNodeStore((s) => s.nodes);
  const progress = useUpgradeStore((s) => s.progress);
  const file = useUpgradeStore((s) => s.file);
  const waiting = useUpgradeStore((s) => s.waitingPassword);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const name = (id: string) => nodes.find((n) => n.id === id)?.name ?? id;

  // A reload (or coming back to the page) picks the run up where it was.
  useEffect(() => resumeUpgrade(), []);

  const c = counts(plan);
  // The header and the setup show versions: read again once a node has its new one.
  useEffect(() => {
    if (c.done === 0) return;
    for (const node of plan.order) void queryClient.invalidateQueries({ queryKey: fleetOpsQueries.version(node).queryKey });
  }, [c.done, plan.order, queryClient]);

  const status = planStatus(plan);
  const failedAt = plan.order.find((n) => plan.steps[n]!.state === 'failed');
  const left = remaining(plan);
  const rows: Row[] = waves(plan).flatMap((wave, i) => wave.map((n) => ({ step: plan.steps[n]!, wave: i })));

  function describe(step: NodeStep): string {
    const f = step.failure;
    if (!f) return '';
    if (f.kind === 'unchanged') return t('upgrade.failure.unchanged', { version: f.version });
    if (f.kind === 'notBack') return t('upgrade.failure.notBack');
    if (f.kind === 'network') return t('upgrade.failure.network');
    return describeError(new DeviceError(f.code, '', 'system.upgrade'), lang).title;
  }

  function stateText(step: NodeStep): string {
    if (step.state === 'uploading') {
      const p = progress[step.node];
      const percent = p && p.total > 0 ? Math.round((p.sent / p.total) * 100) : 0;
      return percent >= 100 ? t('upgrade.state.installing') : t('upgrade.state.uploading', { percent });
    }
    return t(`upgrade.state.${step.state}`);
  }

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Alert
        role="status"
        type={status === 'done' ? 'success' : status === 'failed' ? 'error' : status === 'running' ? 'info' : 'warning'}
        showIcon
        title={
          status === 'failed'
            ? t('upgrade.status.failed', { node: name(failedAt ?? '') })
            : status === 'done'
              ? t('upgrade.status.done', { n: plan.order.length })
              : t(`upgrade.status.${status}`)
        }
        description={t('upgrade.picked', { name: plan.file.name, size: formatBytes(plan.file.size) })}
      />
      <div>
        <Typography.Text id="fleet-upgrade-overall">{t('upgrade.overall', { done: c.done, total: plan.order.length })}</Typography.Text>
        <Progress
          percent={Math.round((c.done / plan.order.length) * 100)}
          status={status === 'failed' ? 'exception' : status === 'done' ? 'success' : 'active'}
          aria-labelledby="fleet-upgrade-overall"
        />
      </div>
      {!file && left.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('upgrade.needFile', { name: plan.file.name, size: formatBytes(plan.file.size), n: left.length })}
          description={
            <Space orientation="vertical">
              <UpgradeFilePicker
                onPick={(picked, problem) => {
                  const wrong =
                    problem ??
                    (sameFile(plan, picked) ? null : t('upgrade.wrongFile', { name: plan.file.name, size: formatBytes(plan.file.size) }));
                  setFileProblem(wrong);
                  if (!wrong) provideFile(picked);
                }}
              />
              {fileProblem && <Typography.Text type="danger">{fileProblem}</Typography.Text>}
            </Space>
          }
        />
      )}
      {waiting.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('upgrade.needPassword', { node: waiting.map(name).join(', ') })}
          description={
            <Form
              layout="inline"
              onFinish={() => {
                providePassword(password);
                setPassword('');
              }}
            >
              <Form.Item label={t('upgrade.password')} htmlFor="fleet-upgrade-again">
                <Input.Password
                  id="fleet-upgrade-again"
                  autoComplete="current-password"
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                />
              </Form.Item>
              <Button htmlType="submit" type="primary" disabled={!password}>
                {t('upgrade.goOn')}
              </Button>
            </Form>
          }
        />
      )}
      <Table<Row>
        rowKey={(r) => r.step.node}
        size="small"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        columns={[
          { key: 'wave', title: '#', render: (_, r) => (r.wave === 0 ? t('upgrade.waveFirst') : t('upgrade.wave', { n: r.wave })) },
          { key: 'node', title: t('upgrade.nodes'), render: (_, r) => <Typography.Text strong>{name(r.step.node)}</Typography.Text> },
          {
            key: 'version',
            title: t('upgrade.version'),
            render: (_, r) => (r.step.to ? t('upgrade.to', { from: r.step.from, to: r.step.to }) : r.step.from),
          },
          {
            key: 'state',
            title: t('upgrade.progress'),
            render: (_, r) => (
              <Space orientation="vertical" size={4}>
                <Tag color={COLOUR[r.step.state]}>{stateText(r.step)}</Tag>
                {r.step.state === 'failed' && <Typography.Text type="danger">{describe(r.step)}</Typography.Text>}
              </Space>
            ),
          },
        ]}
      />
      <Space wrap>
        {status === 'running' && <Button onClick={stopUpgrade}>{t('upgrade.stop')}</Button>}
        {!plan.order.some((n) => isActive(plan.steps[n]!)) && (
          <Button onClick={clearUpgrade} danger={status === 'running'}>
            {t('upgrade.clear')}
          </Button>
        )}
      </Space>
    </Space>
  );
}
