// One form per setting, each applied to the chosen nodes with an outcome per
// node. The checks are the one-node page's (src/api/settings/settings-rules.ts);
// a form's values start from the draft kept in this tab, else from the value
// most nodes have.
import { App, Alert, Button, Col, Form, Input, InputNumber, Radio, Row, Select, Switch, Typography } from 'antd';
import { useMemo, type ReactNode } from 'react';
import { zoneMinutes } from '../../../api/protocol/device-time';
import {
  checkNtpServer,
  checkPushUrl,
  NTP_CYCLE_MAX,
  NTP_CYCLE_MIN,
  PORT_MAX,
  PORT_MIN,
  PUSH_KEY_MAX,
} from '../../../api/settings/settings-rules';
import { computerZone, isTimeZone, TIME_FORMATS, TIME_ZONES, type TimeFormat } from '../../../api/settings/time';
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
      <Form.Item name="enabled" label={t('ntp.enabled')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item
        name="url"
        label={t('ntp.server')}
        extra={t('ntp.serverHelp')}
        rules={[
          {
            validator: (_, v: string | undefined) => {
              const problem = checkNtpServer(v ?? '');
              return problem ? Promise.reject(new Error(t(`ntp.problem.${problem}`))) : Promise.resolve();
            },
          },
        ]}
      >
        <Input autoComplete="off" spellCheck={false} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item
            name="port"
            label={t('ntp.port')}
            rules={[
              {
                required: true,
                type: 'integer',
                min: PORT_MIN,
                max: PORT_MAX,
                message: t('ntp.portRange', { min: PORT_MIN, max: PORT_MAX }),
              },
            ]}
          >
            <InputNumber min={PORT_MIN} max={PORT_MAX} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="cycle"
            label={t('ntp.cycle')}
            rules={[
              {
                required: true,
                type: 'integer',
                min: NTP_CYCLE_MIN,
                max: NTP_CYCLE_MAX,
                message: t('ntp.cycleRange', { min: NTP_CYCLE_MIN, max: NTP_CYCLE_MAX }),
              },
            ]}
          >
            <InputNumber min={NTP_CYCLE_MIN} max={NTP_CYCLE_MAX} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </SettingForm>
  );
}

interface TimeValues {
  zone: string;
  format: TimeFormat;
}

export function TimeForm({ nodes, usual }: { nodes: readonly string[]; usual: Usual }) {
  const t = useFleetOpsT();
  const here = computerZone();
  const zones = useMemo(() => {
    const list = [...TIME_ZONES];
    for (const z of [usual?.time?.zone, here]) if (z && isTimeZone(z) && !list.includes(z)) list.push(z);
    return list.sort((a, b) => (zoneMinutes(a) ?? 0) - (zoneMinutes(b) ?? 0)).map((z) => ({ value: z, label: z }));
  }, [usual?.time?.zone, here]);
  const format = (TIME_FORMATS as readonly string[]).includes(usual?.time?.format ?? '')
    ? (usual!.time!.format as TimeFormat)
    : TIME_FORMATS[0];
  return (
    <SettingForm<TimeValues>
      id="time"
      title={t('setting.timeZone')}
      nodes={nodes}
      initial={{ zone: usual?.time?.zone ?? here, format }}
      toChange={(v) => ({ setting: 'time', zone: v.zone, format: v.format })}
    >
      <Typography.Paragraph type="secondary">{t('time.help')}</Typography.Paragraph>
      <Form.Item name="zone" label={t('time.zone')} rules={[{ required: true, message: t('time.zoneRequired') }]}>
        <Select options={zones} showSearch />
      </Form.Item>
      <Form.Item name="format" label={t('time.format')}>
        <Select options={TIME_FORMATS.map((f) => ({ value: f, label: f }))} />
      </Form.Item>
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
      <Form.Item name="strategy" label={t('storage.policy')}>
        <Radio.Group
          options={[
            { value: 1, label: t('value.storage1') },
            { value: 2, label: t('value.storage2') },
          ]}
        />
      </Form.Item>
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
      <Form.Item
        name="url"
        label={t('push.url')}
        extra={t('push.urlHelp')}
        rules={[
          {
            validator: (_, v: string | undefined) => {
              const problem = checkPushUrl(v ?? '');
              return problem ? Promise.reject(new Error(t(`push.problem.${problem}`))) : Promise.resolve();
            },
          },
        ]}
      >
        <Input placeholder="http://192.168.1.50:8080/nebula" autoComplete="off" spellCheck={false} />
      </Form.Item>
      <Form.Item name="key" label={t('push.key')} rules={[{ max: PUSH_KEY_MAX, message: t('push.keyTooLong', { max: PUSH_KEY_MAX }) }]}>
        <Input autoComplete="off" spellCheck={false} maxLength={PUSH_KEY_MAX} />
      </Form.Item>
    </SettingForm>
  );
}

export function WebForm({ nodes }: { nodes: readonly string[] }) {
  const t = useFleetOpsT();
  const { modal } = App.useApp();
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
          content: t('web.confirmBody'),
          okText: t('web.confirm'),
          okButtonProps: { danger: true },
          cancelText: t('common.cancel'),
        }))
      }
    >
      <Typography.Paragraph type="secondary">{t('compare.webUnknown')}</Typography.Paragraph>
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
