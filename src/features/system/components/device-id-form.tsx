import { EditOutlined } from '../../../components/icons';
import { App, Button, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useSetDeviceId } from '../api/system-mutations';
import { useSystemT } from '../messages';
import { checkDeviceId, DEVICE_ID_MAX } from '../../../api/settings/settings-rules';
import { useReportDirty } from './dirty-guard';
import { ErrorAlert } from '../../../components/error-alert';

/** The device id (§6.13-6.14), shown as text, edited in place. */
export function DeviceIdForm({ deviceId }: { deviceId: string | undefined }) {
  const t = useSystemT();
  const [editing, setEditing] = useState(false);
  if (!editing) {
    return (
      <Space wrap>
        <Typography.Text strong>{deviceId ?? '—'}</Typography.Text>
        <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)} disabled={deviceId === undefined}>
          {t('deviceId.edit')}
        </Button>
      </Space>
    );
  }
  return <DeviceIdEditor initial={deviceId ?? ''} onDone={() => setEditing(false)} />;
}

function DeviceIdEditor({ initial, onDone }: { initial: string; onDone: () => void }) {
  const t = useSystemT();
  const { message } = App.useApp();
  const save = useSetDeviceId();
  const [form] = Form.useForm<{ deviceId: string }>();
  const value = Form.useWatch('deviceId', form);
  useReportDirty('deviceId', value !== undefined && value !== initial);

  return (
    <Form
      form={form}
      name="deviceId"
      layout="vertical"
      initialValues={{ deviceId: initial }}
      onFinish={({ deviceId }) =>
        save.mutate(deviceId, {
          onSuccess: () => {
            message.success(t('deviceId.saved', { id: deviceId }));
            onDone();
          },
        })
      }
    >
      <Form.Item
        name="deviceId"
        label={t('deviceId.label')}
        extra={t('deviceId.help', { max: DEVICE_ID_MAX })}
        rules={[
          {
            validator: (_, v: string | undefined) => {
              const problem = checkDeviceId(v ?? '');
              return problem ? Promise.reject(new Error(t(`deviceId.problem.${problem}`, { max: DEVICE_ID_MAX }))) : Promise.resolve();
            },
          },
        ]}
      >
        <Input maxLength={DEVICE_ID_MAX} autoComplete="off" autoFocus />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
        <Button onClick={onDone} disabled={save.isPending}>
          {t('common.cancel')}
        </Button>
      </Space>
      {save.error && (
        <div style={{ marginTop: 12 }}>
          <ErrorAlert error={save.error} />
        </div>
      )}
    </Form>
  );
}
