// One form per setting, each applied to the chosen nodes with an outcome per
// node. The fields are the one-node page's (src/components/setting-fields);
// a form's values start from the draft kept in this tab, else from the value
// most nodes have.
import { App, Alert, Button, Form, Radio, Typography } from 'antd';
import type { ReactNode } from 'react';
import { computerZone, type TimeFormat } from '../../../api/settings/time';
import {
  knownTimeFormat,
  NtpFields,
  PushFields,
  StorageField,
  TimeFormatField,
  TimeZoneField,
  useWebPagesOffConsequences,
  WebPagesHelp,
} from '../../../components/setting-fields/setting-fields';
import { useApplySetting, type SettingChange } from '../api/apply-settings';
import type { NodeSettings } from '../model/settings-compare';
import { useFleetOpsT } from '../messages';
import { OutcomeList } from './outcome-list';
import { useDraft } from './use-draft';

type Usual = NodeSettings | undefined;

/** The shell every setting's form shares: draft, validation, apply, outcome. */
function SettingForm<V extends object>({
  id,
  title,
  nodes,
  initial,
  toChange,
  confirm,
  children,
}: {
  id: string;
  title: string;
  nodes: readonly string[];
  initial: V;
  toChange: (v: V) => SettingChange;
  /** Asked before sending (turning the device pages off). */
  confirm?: (v: V) => Promise<boolean>;
  children: ReactNode;
}) {
  const t = useFleetOpsT();
  const [form] = Form.useForm<V>();
  const { draft, save, clear } = useDraft<V>(id);
  const run = useApplySetting();

  async function finish(values: V) {
    if (nodes.length === 0) return;
    if (confirm && !(await confirm(values))) return;
    const done = await run.apply(nodes, toChange(values));
    // Applied everywhere: nothing is left unsaved. A failure keeps the draft for the retry.
    if (Object.values(done).every((o) => o.state === 'ok')) clear();
  }

  return (
    <>
      <Form<V>
        form={form}
        layout="vertical"
        name={`fleet-${id}`}
        aria-label={title}
        initialValues={draft ?? initial}
        onValuesChange={(_, all) => save(all)}
        onFinish={(v) => void finish(v)}
      >
        {children}
        {draft && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('draft.kept')}
            action={
              <Button
                size="small"
                onClick={() => {
                  clear();
                  form.setFieldsValue(initial as Parameters<typeof form.setFieldsValue>[0]);
                }}
              >
                {t('draft.discard')}
              </Button>
            }
          />
        )}
        <Button type="primary" htmlType="submit" loading={run.sending} disabled={nodes.length === 0}>
          {t('apply.button', { n: nodes.length })}
        </Button>
        {nodes.length === 0 && (
          <Typography.Text type="secondary" style={{ marginInlineStart: 12 }}>
            {t('apply.noNodes')}
          </Typography.Text>
        )}
      </Form>
      {/* Beside the form, not in it: a node's sign-in is a form of its own. */}
      <OutcomeList
        title={title}
        outcomes={run.outcomes}
        onRetry={async (nodesAgain) => {
          if (!run.change) return;
          const before = run.failed;
          const done = await run.apply(nodesAgain, run.change, { retry: true });
          // Every node that had failed has it now: the draft is applied.
          if (before.every((n) => done[n]?.state === 'ok')) clear();
        }}
      />
    </>
  );
}

interface NtpValues {
  enabled: boolean;
  url: string;
  port: number;
  cycle: number;
}

export function NtpForm({ nodes, usual }: { nodes: readonly string[]; usual: Usual }) {
  const t = useFleetOpsT();
  const initial: NtpValues = {
    enabled: usual?.ntp?.enabled ?? true,
    url: usual?.ntp?.url ?? 'pool.ntp.org',
    port: Number(usual?.ntp?.port) || 123,
    cycle: Number(usual?.ntp?.cycle) || 10,
  };
  return (
    <SettingForm<NtpValues>
      id="ntp"
      title={t('setting.ntp')}
      nodes={nodes}
      initial={initial}
      toChange={(v) => ({ setting: 'ntp', enabled: v.enabled, url: v.url.trim(), port: v.port, cycle: v.cycle })}
    >
      <NtpFields />
    </SettingForm>
  );
}

interface TimeValues {
  zone: string;
  format: TimeFormat;
}

export function TimeForm({ nodes, usual }: { nodes: readonly string[]; usual: Usual }) {
  const t = useFleetOpsT();
  return (
    <SettingForm<TimeValues>
      id="time"
      title={t('setting.timeZone')}
      nodes={nodes}
      initial={{ zone: usual?.time?.zone ?? computerZone(), format: knownTimeFormat(usual?.time?.format) }}
      toChange={(v) => ({ setting: 'time', zone: v.zone, format: v.format })}
    >
      <Typography.Paragraph type="secondary">{t('time.help')}</Typography.Paragraph>
      <TimeZoneField name="zone" current={usual?.time?.zone} />
      <TimeFormatField name="format" />
    </SettingForm>
  );
}

export function StorageForm({ nodes, usual }: { nodes: readonly string[]; usual: Usual }) {
  const t = useFleetOpsT();
  return (
    <SettingForm<{ strategy: 1 | 2 }>
      id="storage"
      title={t('setting.storage')}
      nodes={nodes}
      initial={{ strategy: usual?.storage ?? 1 }}
      toChange={(v) => ({ setting: 'storage', strategy: v.strategy })}
    >
      <StorageField />
    </SettingForm>
  );
}

export function PushForm({ nodes, usual }: { nodes: readonly string[]; usual: Usual }) {
  const t = useFleetOpsT();
  return (
    <SettingForm<{ url: string; key: string }>
      id="push"
      title={t('setting.push')}
      nodes={nodes}
      initial={{ url: usual?.push?.url ?? '', key: usual?.push?.key ?? '' }}
      toChange={(v) => ({ setting: 'push', url: v.url.trim(), key: v.key })}
    >
      <PushFields />
    </SettingForm>
  );
}

export function WebForm({ nodes }: { nodes: readonly string[] }) {
  const t = useFleetOpsT();
  const { modal } = App.useApp();
  const consequences = useWebPagesOffConsequences();
  return (
    <SettingForm<{ enabled: boolean }>
      id="web"
      title={t('setting.web')}
      nodes={nodes}
      initial={{ enabled: true }}
      toChange={(v) => ({ setting: 'web', enabled: v.enabled })}
      confirm={async (v) =>
        v.enabled ||
        (await modal.confirm({
          title: t('web.confirmTitle', { n: nodes.length }),
          content: (
            <ul className="fleet-ops__list">
              {consequences.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          ),
          okText: t('web.confirm'),
          okButtonProps: { danger: true },
          cancelText: t('common.cancel'),
        }))
      }
    >
      <WebPagesHelp />
      <Form.Item name="enabled" label={t('web.choice')}>
        <Radio.Group
          options={[
            { value: true, label: t('web.on') },
            { value: false, label: t('web.off') },
          ]}
        />
      </Form.Item>
    </SettingForm>
  );
}
