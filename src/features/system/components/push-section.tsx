// §7.1-7.2: where the device POSTs its alarms (774) and heartbeats (775).
import { useQuery } from '@tanstack/react-query';
import { App, Card, Col, Descriptions, Form, Input, Row, Skeleton, Typography } from 'antd';
import { useMemo } from 'react';
import { systemQueries } from '../api/system-queries';
import { useSetPush } from '../api/system-mutations';
import { useSystemT } from '../messages';
import { checkPushUrl, PUSH_KEY_MAX } from '../../../api/settings/settings-rules';
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
            <Form.Item
              name="key"
              label={t('push.key')}
              extra={t('push.keyHelp')}
              rules={[{ max: PUSH_KEY_MAX, message: t('push.keyTooLong', { max: PUSH_KEY_MAX }) }]}
            >
              <Input autoComplete="off" spellCheck={false} maxLength={PUSH_KEY_MAX} />
            </Form.Item>
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
