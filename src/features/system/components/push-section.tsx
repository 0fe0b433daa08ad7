// §7.1-7.2: where the device POSTs its alarms (774) and heartbeats (775).
import { useQuery } from '@tanstack/react-query';
import { App, Card, Col, Descriptions, Form, Row, Skeleton, Typography } from 'antd';
import { useMemo } from 'react';
import { systemQueries } from '../api/system-queries';
import { useSetPush } from '../api/system-mutations';
import { useSystemT } from '../messages';
import { PushFields } from '../../../components/setting-fields/setting-fields';
import { useIsChanged, useReportDirty } from './dirty-guard';
import { ErrorAlert } from '../../../components/error-alert';
import { SaveResetFooter } from './save-reset-footer';

interface PushValues {
  url: string;
  key: string;
}

export function PushSection() {
  const t = useSystemT();
  const { message } = App.useApp();
  const push = useQuery(systemQueries.push());
  const save = useSetPush();
  const [form] = Form.useForm<PushValues>();
  const values = Form.useWatch([], form) as PushValues | undefined;
  const initial = useMemo(() => (push.data ? { url: push.data.url, key: push.data.key } : undefined), [push.data]);
  const changed = useIsChanged(values, initial);
  useReportDirty('push', changed);

  if (!push.data || !initial) {
    return <Card title={t('push.title')}>{push.error ? <ErrorAlert error={push.error} /> : <Skeleton active />}</Card>;
  }

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Card title={t('push.title')}>
          <Typography.Paragraph>{push.data.url ? t('push.now', { url: push.data.url }) : t('push.off')}</Typography.Paragraph>
          <Form
            form={form}
            name="push"
            layout="vertical"
            initialValues={initial}
            onValuesChange={() => save.error && save.reset()}
            onFinish={(v) => {
              const req = { url: v.url.trim(), key: v.key };
              save.mutate(req, {
                onSuccess: () => {
                  message.success(req.url ? t('push.saved', { url: req.url }) : t('push.savedOff'));
                  form.setFieldValue('url', req.url);
                },
              });
            }}
            aria-label={t('push.title')}
          >
            <PushFields />
            <SaveResetFooter label={t('push.save')} save={save} changed={changed} onReset={() => form.resetFields()} />
          </Form>
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card title={t('push.receiver.title')}>
          <Typography.Paragraph>{t('push.receiver.intro')}</Typography.Paragraph>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('push.receiver.heartbeat')}>
              {t('push.receiver.heartbeatBody')}
              <pre className="system-pre">{'{"msg_id": 775, "data": {"device_id": "…", "trigger": "yyyy-MM-dd HH:mm:ss"}}'}</pre>
            </Descriptions.Item>
            <Descriptions.Item label={t('push.receiver.alarm')}>{t('push.receiver.alarmBody')}</Descriptions.Item>
            <Descriptions.Item label={t('push.receiver.must')}>
              <ul className="system-list">
                <li>{t('push.receiver.must1')}</li>
                <li>{t('push.receiver.must2')}</li>
                <li>{t('push.receiver.must3')}</li>
                <li>{t('push.receiver.must4')}</li>
              </ul>
            </Descriptions.Item>
          </Descriptions>
        </Card>
      </Col>
    </Row>
  );
}
