// Settings across nodes (issue 18): what each node has, which differ, and one
// form per setting applied to the chosen nodes with an outcome per node.
import { Card, Skeleton, Space, Tabs } from 'antd';
import { PageTitle } from '../../../components/page-title';
import { useT } from '../../../i18n';
import { inSession, useSessionStore } from '../../../session/session-store';
import { CompareTable, useNodeSettings } from '../components/compare-table';
import { NodeChoice } from '../components/node-choice';
import { NtpForm, PushForm, StorageForm, TimeForm, WebForm } from '../components/setting-forms';
import { useDraft } from '../components/use-draft';
import type { NodeSettings, SettingId, SettingRow } from '../model/settings-compare';
import { useFleetOpsT } from '../messages';
import '../fleet-ops.css';

/** The value most nodes have, per setting: the forms start from it. */
function usualSettings(rows: readonly SettingRow[], read: Readonly<Record<string, NodeSettings | undefined>>): NodeSettings {
  const of = (id: SettingId) => {
    const row = rows.find((r) => r.setting === id);
    const cell = row?.cells.find((c) => c.key !== null && c.key === row.usual);
    return cell ? read[cell.node] : undefined;
  };
  return { ntp: of('ntp')?.ntp, time: of('timeZone')?.time, storage: of('storage')?.storage, push: of('push')?.push };
}

export function FleetSettingsPage() {
  const t = useT();
  const ft = useFleetOpsT();
  const data = useNodeSettings();
  const sessions = useSessionStore((s) => s.sessions);
  // Untouched, the choice is the nodes signed in; one whose session ends meanwhile stays chosen (its outcome asks for its sign-in).
  const withSession = data.nodes.filter((n) => inSession(sessions[n.id])).map((n) => n.id);
  const chosen = useDraft<{ nodes: string[] }>('nodes');
  const nodes = (chosen.draft?.nodes ?? withSession).filter((id) => data.nodes.some((n) => n.id === id));
  const usual = data.settled ? usualSettings(data.rows, data.read) : undefined;
  const forms = [
    { key: 'ntp', label: ft('setting.ntp'), children: <NtpForm nodes={nodes} usual={usual} /> },
    { key: 'time', label: ft('setting.timeZone'), children: <TimeForm nodes={nodes} usual={usual} /> },
    { key: 'storage', label: ft('setting.storage'), children: <StorageForm nodes={nodes} usual={usual} /> },
    { key: 'push', label: ft('setting.push'), children: <PushForm nodes={nodes} usual={usual} /> },
    { key: 'web', label: ft('setting.web'), children: <WebForm nodes={nodes} /> },
  ];
  return (
    <>
      <PageTitle>{t('nav.fleetSettings')}</PageTitle>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card title={ft('nodes.title')}>
          <NodeChoice value={nodes} onChange={(next) => chosen.save({ nodes: next })} />
        </Card>
        <Card title={ft('compare.title')}>
          <section aria-label={ft('compare.title')}>
            <p className="fleet-ops__help">{ft('compare.help')}</p>
            <CompareTable data={data} />
          </section>
        </Card>
        <Card>
          {/* The forms start from the nodes' usual values, so they wait for the reads (a draft wins over them). */}
          {data.settled ? <Tabs items={forms} /> : <Skeleton active paragraph={{ rows: 6 }} />}
        </Card>
      </Space>
    </>
  );
}
