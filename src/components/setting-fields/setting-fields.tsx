// The small settings' fields, each defined once (field, check, label, help):
// the one-node system page's sections and the fleet's settings forms put them
// in their own forms, which own the values, the saving and the outcome. The
// checks are src/api/settings/settings-rules.ts's.
import { Button, Col, Flex, Form, Input, InputNumber, Radio, Row, Select, Switch, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import { useMemo } from 'react';
import { zoneMinutes } from '../../api/protocol/device-time';
import {
  checkNtpServer,
  checkPushUrl,
  NTP_CYCLE_MAX,
  NTP_CYCLE_MIN,
  PORT_MAX,
  PORT_MIN,
  PUSH_KEY_MAX,
} from '../../api/settings/settings-rules';
import { computerZone, isTimeZone, TIME_FORMATS, TIME_ZONES, type TimeFormat } from '../../api/settings/time';
import { useSettingFieldsT } from './messages';
import './setting-fields.css';

export { useSettingFieldsT };

/** A whole number from min to max, required. */
function whole(min: number, max: number, message: string): Rule {
  return { required: true, type: 'integer', min, max, message };
}

/** A text field checked by one of settings-rules' checks, its problem in words. */
function checked<P extends string>(check: (text: string) => P | null, words: (problem: P) => string): Rule {
  return {
    validator: (_, v: string | undefined) => {
      const problem = check(v ?? '');
      return problem ? Promise.reject(new Error(words(problem))) : Promise.resolve();
    },
  };
}

/** The device's format when it is one of ours, else the first. */
export function knownTimeFormat(format: string | undefined): TimeFormat {
  return (TIME_FORMATS as readonly string[]).includes(format ?? '') ? (format as TimeFormat) : TIME_FORMATS[0];
}

/**
 * §6.2: the switch, the server and its port, the cycle. Field names: enabled,
 * url, port, cycle. `serverError`: the device's refusal of the server, shown on it.
 */
export function NtpFields({ serverError }: { serverError?: string }) {
  const t = useSettingFieldsT();
  return (
    <>
      <Form.Item name="enabled" label={t('ntp.enabled')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item
        name="url"
        label={t('ntp.server')}
        extra={t('ntp.serverHelp')}
        validateStatus={serverError ? 'error' : undefined}
        help={serverError}
        rules={[
          checked(
            (v) => checkNtpServer(v),
            (problem) => t(`ntp.problem.${problem}`),
          ),
        ]}
      >
        <Input autoComplete="off" spellCheck={false} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item
            name="port"
            label={t('ntp.port')}
            rules={[whole(PORT_MIN, PORT_MAX, t('ntp.portRange', { min: PORT_MIN, max: PORT_MAX }))]}
          >
            <InputNumber min={PORT_MIN} max={PORT_MAX} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="cycle"
            label={t('ntp.cycle')}
            rules={[whole(NTP_CYCLE_MIN, NTP_CYCLE_MAX, t('ntp.cycleRange', { min: NTP_CYCLE_MIN, max: NTP_CYCLE_MAX }))]}
          >
            <InputNumber min={NTP_CYCLE_MIN} max={NTP_CYCLE_MAX} precision={0} style={{ width: '100%' }} suffix={t('ntp.minutes')} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

/**
 * §6.7's zone: the known zones, with the device's own and this computer's added
 * when missing, east of Greenwich last; a button takes this computer's zone.
 */
export function TimeZoneField({ name, current }: { name: string; current: string | undefined }) {
  const t = useSettingFieldsT();
  const form = Form.useFormInstance();
  const chosen = Form.useWatch(name, form) as string | undefined;
  const here = computerZone();
  const zones = useMemo(() => {
    const list = [...TIME_ZONES];
    for (const z of [current, here]) if (z && isTimeZone(z) && !list.includes(z)) list.push(z);
    return list.sort((a, b) => (zoneMinutes(a) ?? 0) - (zoneMinutes(b) ?? 0)).map((z) => ({ value: z, label: z }));
  }, [current, here]);
  return (
    <Form.Item label={t('time.zone')} required>
      {/* Not a compact group: on a phone the button goes under the zone rather than past the screen's edge. */}
      <Flex wrap gap={8}>
        <Form.Item name={name} noStyle rules={[{ required: true, message: t('time.zoneRequired') }]}>
          <Select options={zones} showSearch aria-label={t('time.zone')} style={{ flex: '1 1 220px', minWidth: 0 }} />
        </Form.Item>
        <Button onClick={() => form.setFieldValue(name, here)} disabled={chosen === here}>
          {t('time.useComputerZone', { zone: here })}
        </Button>
      </Flex>
    </Form.Item>
  );
}

/** §6.7's format: how the device's own pages show times. */
export function TimeFormatField({ name }: { name: string }) {
  const t = useSettingFieldsT();
  return (
    <Form.Item name={name} label={t('time.format')} extra={t('time.formatHelp')}>
      <Select options={TIME_FORMATS.map((f) => ({ value: f, label: f }))} />
    </Form.Item>
  );
}

/** §6.5: field `strategy`, 1 overwrite or 2 stop; `current` marks the device's own. */
export function StorageField({ current }: { current?: 1 | 2 }) {
  const t = useSettingFieldsT();
  const mark = (v: 1 | 2) => current === v && <Typography.Text type="secondary"> {t('storage.current')}</Typography.Text>;
  return (
    <Form.Item name="strategy" label={t('storage.policy')}>
      <Radio.Group style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
        <Radio value={1}>
          <Typography.Text strong>{t('storage.overwrite.title')}</Typography.Text>
          {mark(1)}
          <div className="setting-fields__muted">{t('storage.overwrite.body')}</div>
        </Radio>
        <Radio value={2}>
          <Typography.Text strong>{t('storage.stop.title')}</Typography.Text>
          {mark(2)}
          <div className="setting-fields__muted">{t('storage.stop.body')}</div>
        </Radio>
      </Radio.Group>
    </Form.Item>
  );
}

/** §7.2: fields `url` (empty: push off) and `key`. */
export function PushFields() {
  const t = useSettingFieldsT();
  return (
    <>
      <Form.Item
        name="url"
        label={t('push.url')}
        extra={t('push.urlHelp')}
        rules={[
          checked(
            (v) => checkPushUrl(v),
            (problem) => t(`push.problem.${problem}`),
          ),
        ]}
      >
        <Input placeholder="http://192.168.1.50:8080/nebula" autoComplete="off" spellCheck={false} />
      </Form.Item>
      <Form.Item
        name="key"
        label={t('push.key')}
        extra={t('push.keyHelp')}
        rules={[{ max: PUSH_KEY_MAX, message: t('push.keyTooLong', { max: PUSH_KEY_MAX }) }]}
      >
        <Input autoComplete="off" spellCheck={false} maxLength={PUSH_KEY_MAX} />
      </Form.Item>
    </>
  );
}

/** §6.16-6.17: what the device's own pages are and that it cannot say which is on. */
export function WebPagesHelp() {
  const t = useSettingFieldsT();
  return (
    <>
      <Typography.Paragraph>{t('web.body')}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('web.unknown')}</Typography.Paragraph>
    </>
  );
}

/** What turning the device's pages off does, for the confirmation. */
export function useWebPagesOffConsequences(): string[] {
  const t = useSettingFieldsT();
  return [t('web.consequence.pages'), t('web.consequence.api'), t('web.consequence.self')];
}
