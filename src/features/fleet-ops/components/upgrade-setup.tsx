// Before a staged upgrade: which nodes, which first, how many at a time, the
// package, and the password the console signs in again with after each restart.
import { useQueries } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, InputNumber, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { describeError } from '../../../api/device-error';
import { checkUpgradeFile, formatBytes, UPGRADE_EXTENSIONS } from '../../../api/settings/files';
import { CloudUploadOutlined, UploadOutlined } from '../../../components/icons';
import { useLang } from '../../../i18n';
import { useNodeStore, type NodeInfo } from '../../../session/node-store';
import { useSessionStore } from '../../../session/session-store';
import { fleetOpsQueries } from '../api/fleet-ops-queries';
import { startUpgrade } from '../api/upgrade-runner';
import { BATCH_MAX, BATCH_MIN, createPlan } from '../model/stage-plan';
import { useFleetOpsT } from '../messages';

export function UpgradeSetup() {
  const t = useFleetOpsT();
  const lang = useLang();
  const { modal } = App.useApp();
  const nodes = useNodeStore((s) => s.nodes);
  const sessions = useSessionStore((s) => s.sessions);
  const versions = useQueries({
    queries: nodes.map((n) => ({ ...fleetOpsQueries.version(n.id), enabled: !!sessions[n.id]?.sessionId })),
  });
  const versionOf = (id: string) => versions[nodes.findIndex((n) => n.id === id)]?.data?.version;
  const [chosen, setChosen] = useState<string[]>([]);
  const [first, setFirst] = useState<string | null>(null);
  const [batch, setBatch] = useState<number | null>(1);
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const firstNode = first !== null && chosen.includes(first) ? first : (chosen[0] ?? null);
  const name = (id: string) => nodes.find((n) => n.id === id)?.name ?? id;
  const ready = chosen.length > 0 && firstNode !== null && file !== null && password !== '' && batch !== null;

  function start() {
    if (!ready || !file || !firstNode) return;
    void modal.confirm({
      title: t('upgrade.confirmTitle', { n: chosen.length }),
      content: t('upgrade.confirmBody', { first: name(firstNode), batch: batch ?? 1 }),
      okText: t('upgrade.confirm'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => {
        const plan = createPlan({
          id: crypto.randomUUID(),
          first: firstNode,
          rest: chosen,
          batch: batch ?? 1,
          file: { name: file.name, size: file.size },
          versions: Object.fromEntries(chosen.map((id) => [id, versionOf(id) ?? ''])),
          at: Date.now(),
        });
        startUpgrade(plan, file, password);
      },
    });
  }

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Paragraph>{t('upgrade.intro')}</Typography.Paragraph>
      <Table<NodeInfo>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={[...nodes]}
        scroll={{ x: 'max-content' }}
        rowSelection={{
          selectedRowKeys: chosen,
          // Only a node whose version was read: the check after its restart compares with it.
          getCheckboxProps: (n) => ({ disabled: !versionOf(n.id), 'aria-label': n.name }),
          onChange: (keys) => setChosen(nodes.map((n) => n.id).filter((id) => keys.includes(id))),
        }}
        columns={[
          { key: 'name', title: t('upgrade.nodes'), render: (_, n) => <Typography.Text strong>{n.name}</Typography.Text> },
          {
            key: 'version',
            title: t('upgrade.version'),
            render: (_, n) => {
              const q = versions[nodes.indexOf(n)];
              if (!sessions[n.id]?.sessionId) return <Tag>{sessions[n.id]?.expired ? t('nodes.expired') : t('nodes.signedOut')}</Tag>;
              if (q?.error) return <Typography.Text type="danger">{describeError(q.error, lang).title}</Typography.Text>;
              return q?.data?.version ?? '—';
            },
          },
        ]}
      />
      <Form layout="vertical" onFinish={start} aria-label={t('upgrade.start')}>
        <Space wrap size={16} align="start">
          <Form.Item label={t('upgrade.first')} htmlFor="fleet-upgrade-first">
            <Select
              id="fleet-upgrade-first"
              style={{ minWidth: 200 }}
              value={firstNode ?? undefined}
              onChange={setFirst}
              options={chosen.map((id) => ({ value: id, label: name(id) }))}
              disabled={chosen.length === 0}
            />
          </Form.Item>
          <Form.Item label={t('upgrade.batch')} extra={t('upgrade.batchHelp', { max: BATCH_MAX })} htmlFor="fleet-upgrade-batch">
            <InputNumber id="fleet-upgrade-batch" min={BATCH_MIN} max={BATCH_MAX} precision={0} value={batch} onChange={setBatch} />
          </Form.Item>
        </Space>
        <Form.Item label={t('upgrade.file')} extra={t('upgrade.fileHelp', { extensions: UPGRADE_EXTENSIONS.join(', ') })}>
          <UpgradeFilePicker
            onPick={(picked, issue) => {
              setProblem(issue);
              setFile(issue ? null : picked);
            }}
          />
          {file && (
            <Typography.Text style={{ marginInlineStart: 12 }}>
              {t('upgrade.picked', { name: file.name, size: formatBytes(file.size) })}
            </Typography.Text>
          )}
        </Form.Item>
        {problem && <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 16 }} />}
        <Form.Item label={t('upgrade.password')} extra={t('upgrade.passwordHelp')} htmlFor="fleet-upgrade-password">
          <Input.Password
            id="fleet-upgrade-password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            style={{ maxWidth: 320 }}
          />
        </Form.Item>
        <Button type="primary" danger htmlType="submit" icon={<CloudUploadOutlined />} disabled={!ready}>
          {t('upgrade.start')}
        </Button>
      </Form>
    </Space>
  );
}

/** The package, checked here first (the one-node page's rules): a wrong pick is said in words, not as -3603. */
export function UpgradeFilePicker({ onPick }: { onPick: (file: File, problem: string | null) => void }) {
  const t = useFleetOpsT();
  return (
    <Upload
      accept={UPGRADE_EXTENSIONS.join(',')}
      showUploadList={false}
      maxCount={1}
      beforeUpload={(picked) => {
        const issue = checkUpgradeFile(picked.name, picked.size);
        onPick(picked, issue ? t(`upgrade.problem.${issue}`, { name: picked.name, extensions: UPGRADE_EXTENSIONS.join(', ') }) : null);
        // The file goes to each node through the protocol client, not antd's own request.
        return false;
      }}
    >
      <Button icon={<UploadOutlined />}>{t('upgrade.pick')}</Button>
    </Upload>
  );
}
