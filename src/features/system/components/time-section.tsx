// §6.1-6.2 and §6.6-6.7: the device's clock, its zone and format, and NTP.
import { parseDeviceTime } from '../../../api/protocol/device-time';
import { DeviceDatePicker, useDevicePickerClock } from '../../../components/device-date-picker';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Radio, Row, Select, Skeleton, Flex, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { DeviceError } from '../../../api/errors';
import { systemQueries } from '../api/system-queries';
import { useSetNtp, useSetTime } from '../api/system-mutations';
import { useSystemT } from '../messages';
import { checkNtpServer, NTP_CYCLE_MAX, NTP_CYCLE_MIN, PORT_MAX, PORT_MIN } from '../../../api/settings/settings-rules';
import {
  checkWallClock,
  computerZone,
  isTimeZone,
  TIME_FORMATS,
  TIME_ZONES,
  timeToSend,
  type TimeFormat,
  type TimeSource,
} from '../../../api/settings/time';
import { zoneMinutes } from '../../../api/protocol/device-time';
import { DeviceClock, useDeviceClock } from './device-clock';
import { useIsChanged, useReportDirty } from './dirty-guard';
import { ErrorAlert } from '../../../components/error-alert';
import { ErrorCode } from '../../../api/protocol/error-codes';
import { SaveResetFooter } from './save-reset-footer';

const WIRE = 'YYYY-MM-DD HH:mm:ss';

export function TimeSection() {
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <TimeCard />
      </Col>
      <Col xs={24} xl={12}>
        <NtpCard />
      </Col>
    </Row>
  );
}

interface TimeValues {
  source: TimeSource;
  manual?: Dayjs | null;
  time_zone: string;
  time_format: TimeFormat;
}

function TimeCard() {
  const t = useSystemT();
  const { message } = App.useApp();
  const time = useQuery(systemQueries.time());
  const ntp = useQuery(systemQueries.ntp());
  const clock = useDeviceClock();
  // The picker's "today" is the device's day, the clock this card sets.
  useDevicePickerClock(time.data ? parseDeviceTime(time.data.sys_time) : null, time.data ? time.dataUpdatedAt : null);
  const save = useSetTime();
  const [form] = Form.useForm<TimeValues>();
  const values = Form.useWatch([], form) as TimeValues | undefined;
  const source = values?.source ?? 'device';
  const here = computerZone();

  const initial = useMemo<TimeValues | undefined>(
    () =>
      time.data
        ? {
            source: 'device',
            manual: null,
            time_zone: time.data.time_zone,
            time_format: (TIME_FORMATS as readonly string[]).includes(time.data.time_format)
              ? (time.data.time_format as TimeFormat)
              : TIME_FORMATS[0],
          }
        : undefined,
    [time.data],
  );
  // A picked time is a change; the picker's Dayjs is compared as its text.
  const project = (v: TimeValues | undefined) => (v ? { ...v, manual: v.manual ? v.manual.format(WIRE) : null } : undefined);
  const changed = useIsChanged(project(values), project(initial));
  useReportDirty('time', changed);

  const zones = useMemo(() => {
    const list = [...TIME_ZONES];
    for (const z of [time.data?.time_zone, here]) if (z && isTimeZone(z) && !list.includes(z)) list.push(z);
    return list.sort((a, b) => (zoneMinutes(a) ?? 0) - (zoneMinutes(b) ?? 0)).map((z) => ({ value: z, label: z }));
  }, [time.data?.time_zone, here]);

  if (!time.data || !initial) {
    return (
      <Card title={t('time.title')}>{time.error ? <ErrorAlert error={time.error} /> : <Skeleton active paragraph={{ rows: 5 }} />}</Card>
    );
  }

  function submit(v: TimeValues) {
    const manual = v.manual ? v.manual.format(WIRE) : null;
    const sysTime = timeToSend(v.source, v.time_zone, {
      deviceWire: clock?.wire ?? null,
      deviceZone: time.data?.time_zone ?? null,
      manual,
      now: Date.now(),
    });
    if (!sysTime) return;
    save.mutate(
      { sys_time: sysTime, time_zone: v.time_zone, time_format: v.time_format },
      {
        onSuccess: () => {
          message.success(t('time.saved', { time: sysTime, zone: v.time_zone }));
          // The zone and format chosen are the device's now; the time source goes back to "keep".
          form.setFieldsValue({ source: 'device', manual: null });
        },
      },
    );
  }

  return (
    <Card title={t('time.title')}>
      <Typography.Paragraph>
        {t('time.now')} <DeviceClock />
      </Typography.Paragraph>
      {ntp.data?.ntp_disable === '0' && (
        <Alert
          type="info"
          showIcon
          title={t('time.ntpOn', { server: ntp.data.url, cycle: ntp.data.ntp_cycle })}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form
        form={form}
        name="time"
        layout="vertical"
        initialValues={initial}
        onFinish={submit}
        onValuesChange={() => save.error && save.reset()}
        aria-label={t('time.title')}
      >
        <Form.Item name="source" label={t('time.source')}>
          <Radio.Group
            options={[
              { value: 'device', label: t('time.source.device') },
              { value: 'computer', label: t('time.source.computer') },
              { value: 'manual', label: t('time.source.manual') },
            ]}
          />
        </Form.Item>
        {source === 'manual' && (
          <Form.Item
            name="manual"
            label={t('time.manual')}
            extra={t('time.manualHelp')}
            rules={[
              {
                validator: (_, v: Dayjs | null | undefined) => {
                  const problem = checkWallClock(v ? v.format(WIRE) : '');
                  return problem ? Promise.reject(new Error(t(`time.problem.${problem}`))) : Promise.resolve();
                },
              },
            ]}
          >
            <DeviceDatePicker
              showTime
              format={WIRE}
              needConfirm={false}
              style={{ width: '100%' }}
              minDate={dayjs('1970-01-01')}
              maxDate={dayjs('2099-12-31')}
            />
          </Form.Item>
        )}
        {source === 'computer' && <Typography.Paragraph type="secondary">{t('time.computerHelp', { zone: here })}</Typography.Paragraph>}
        <Form.Item label={t('time.zone')} required>
          {/* Not a compact group: on a phone the button goes under the zone rather than past the screen's edge. */}
          <Flex wrap gap={8}>
            <Form.Item name="time_zone" noStyle rules={[{ required: true, message: t('time.zoneRequired') }]}>
              <Select options={zones} showSearch aria-label={t('time.zone')} style={{ flex: '1 1 220px', minWidth: 0 }} />
            </Form.Item>
            <Button onClick={() => form.setFieldValue('time_zone', here)} disabled={values?.time_zone === here}>
              {t('time.useComputerZone', { zone: here })}
            </Button>
          </Flex>
        </Form.Item>
        <Form.Item name="time_format" label={t('time.format')} extra={t('time.formatHelp')}>
          <Select options={TIME_FORMATS.map((f) => ({ value: f, label: f }))} />
        </Form.Item>
        <SaveResetFooter label={t('time.save')} save={save} changed={changed} onReset={() => form.resetFields()} saveNeedsChange={false} />
      </Form>
    </Card>
  );
}

interface NtpValues {
  enabled: boolean;
  url: string;
  port: number | null;
  cycle: number | null;
}

function NtpCard() {
  const t = useSystemT();
  const { message } = App.useApp();
  const ntp = useQuery(systemQueries.ntp());
  const save = useSetNtp();
  const [form] = Form.useForm<NtpValues>();
  const values = Form.useWatch([], form) as NtpValues | undefined;

  const initial = useMemo<NtpValues | undefined>(
    () =>
      ntp.data
        ? {
            enabled: ntp.data.ntp_disable === '0',
            url: ntp.data.url,
            port: Number(ntp.data.port) || 123,
            cycle: Number(ntp.data.ntp_cycle) || 10,
          }
        : undefined,
    [ntp.data],
  );
  const changed = useIsChanged(values, initial);
  useReportDirty('ntp', changed);

  if (!ntp.data || !initial) {
    return <Card title={t('ntp.title')}>{ntp.error ? <ErrorAlert error={ntp.error} /> : <Skeleton active paragraph={{ rows: 5 }} />}</Card>;
  }

  const unreachable = save.error instanceof DeviceError && save.error.code === ErrorCode.NTP_UNREACHABLE;

  function submit(v: NtpValues) {
    const url = v.url.trim();
    save.mutate(
      { url, port: String(v.port), ntp_cycle: String(v.cycle), ntp_disable: v.enabled ? '0' : '1' },
      {
        onSuccess: () => {
          message.success(v.enabled ? t('ntp.savedOn', { server: url }) : t('ntp.savedOff'));
          form.setFieldValue('url', url);
        },
      },
    );
  }

  return (
    <Card title={t('ntp.title')}>
      <Typography.Paragraph type="secondary">{t('ntp.help')}</Typography.Paragraph>
      <Form
        form={form}
        name="ntp"
        layout="vertical"
        initialValues={initial}
        onFinish={submit}
        onValuesChange={() => save.error && save.reset()}
        aria-label={t('ntp.title')}
      >
        <Form.Item name="enabled" label={t('ntp.enabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item
          name="url"
          label={t('ntp.server')}
          extra={t('ntp.serverHelp')}
          validateStatus={unreachable ? 'error' : undefined}
          help={unreachable ? t('ntp.unreachable') : undefined}
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
              <InputNumber min={NTP_CYCLE_MIN} max={NTP_CYCLE_MAX} precision={0} style={{ width: '100%' }} suffix={t('ntp.minutes')} />
            </Form.Item>
          </Col>
        </Row>
        <SaveResetFooter label={t('ntp.save')} save={save} changed={changed} onReset={() => form.resetFields()} saveNeedsChange={false} />
      </Form>
    </Card>
  );
}
