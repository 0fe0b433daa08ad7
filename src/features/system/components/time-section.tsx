// §6.1-6.2 and §6.6-6.7: the device's clock, its zone and format, and NTP.
import { parseDeviceTime } from '../../../api/protocol/device-time';
import { DeviceDatePicker, useDevicePickerClock } from '../../../components/device-date-picker';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Card, Col, Form, Radio, Row, Skeleton, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { DeviceError } from '../../../api/errors';
import { systemQueries } from '../api/system-queries';
import { useSetNtp, useSetTime } from '../api/system-mutations';
import { useSystemT } from '../messages';
import { checkWallClock, computerZone, timeToSend, type TimeFormat, type TimeSource } from '../../../api/settings/time';
import { knownTimeFormat, NtpFields, TimeFormatField, TimeZoneField } from '../../../components/setting-fields/setting-fields';
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
            time_format: knownTimeFormat(time.data.time_format),
          }
        : undefined,
    [time.data],
  );
  // A picked time is a change; the picker's Dayjs is compared as its text.
  const project = (v: TimeValues | undefined) => (v ? { ...v, manual: v.manual ? v.manual.format(WIRE) : null } : undefined);
  const changed = useIsChanged(project(values), project(initial));
  useReportDirty('time', changed);

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
        <TimeZoneField name="time_zone" current={time.data.time_zone} />
        <TimeFormatField name="time_format" />
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
        <NtpFields serverError={unreachable ? t('ntp.unreachable') : undefined} />
        <SaveResetFooter label={t('ntp.save')} save={save} changed={changed} onReset={() => form.resetFields()} saveNeedsChange={false} />
      </Form>
    </Card>
  );
}
