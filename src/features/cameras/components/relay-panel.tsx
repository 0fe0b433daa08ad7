// Camera-to-relay bindings (§10): list with online status, bind (camera, relay
// ip, port 0-65535, name), unbind with confirmation.
import { FIT_TABLE } from '../../../components/table-fit';
import { DeleteOutlined, LinkOutlined } from '../../../components/icons';
import {
  Alert,
  App,
  Badge,
  Button,
  Card,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
import type { Rule } from 'antd/es/form';
import { useState } from 'react';
import { DeviceError } from '../../../api/errors';
import type { CameraRecord, RelayBinding } from '../../../api/protocol/cameras';
import { useAddRelay, useDeleteRelay } from '../api/camera-mutations';
import { checkIpv4, checkPort, type Problem } from '../model/camera-form';
import { LIMIT_VARS, useCameraT } from '../messages';
import { ErrorAlert } from '../../../components/error-alert';
import { useSendOnce } from '../../../components/use-send-once';
import { useErrorLine } from './error-line';
import { ErrorCode } from '../../../api/protocol/error-codes';

export interface RelayPanelProps {
  relays: readonly RelayBinding[] | undefined;
  cameras: readonly CameraRecord[];
  loading: boolean;
  error: unknown;
}

export function RelayPanel({ relays, cameras, loading, error }: RelayPanelProps) {
  const t = useCameraT();
  const { modal, message } = App.useApp();
  const errorLine = useErrorLine();
  const remove = useDeleteRelay();
  const [adding, setAdding] = useState(false);

  function confirmDelete(r: RelayBinding) {
    const name = r.dev_name || t('relays.unnamed');
    modal.confirm({
      title: t('relays.delete.title', { name, camera: r.camera_name || t('relays.noCamera', { channel: r.camera_channel }) }),
      content: t('relays.delete.body', { address: `${r.dev_ip}:${r.dev_port}` }),
      okText: t('relays.delete'),
      cancelText: t('delete.cancel'),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await remove.mutateAsync(r.id);
          message.success(t('relays.deleted'));
        } catch (e) {
          message.error(t('relays.failed', { title: errorLine(e) }));
        }
      },
    });
  }

  const columns: TableColumnsType<RelayBinding> = [
    {
      title: t('relays.col.camera'),
      key: 'camera',
      render: (_, r) => (
        <span>
          <Typography.Text type="secondary">{r.camera_channel} · </Typography.Text>
          {r.camera_name || t('relays.noCamera', { channel: r.camera_channel })}
        </span>
      ),
    },
    {
      title: t('relays.col.name'),
      key: 'name',
      render: (_, r) => r.dev_name || <Typography.Text type="secondary">{t('relays.unnamed')}</Typography.Text>,
    },
    { title: t('relays.col.address'), key: 'address', render: (_, r) => `${r.dev_ip}:${r.dev_port}` },
    {
      title: t('relays.col.status'),
      key: 'status',
      render: (_, r) => (
        <Badge status={r.work_status === 1 ? 'success' : 'error'} text={r.work_status === 1 ? t('status.online') : t('status.offline')} />
      ),
    },
    {
      title: t('relays.col.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, r) => (
        <Button
          size="small"
          danger
          icon={<DeleteOutlined />}
          onClick={() => confirmDelete(r)}
          aria-label={t('relays.deleteLabel', { name: r.dev_name || t('relays.unnamed') })}
        >
          {t('relays.delete')}
        </Button>
      ),
    },
  ];

  return (
    <Card
      title={<h2 className="cameras__h2">{t('relays.title')}</h2>}
      extra={
        <Button type="primary" icon={<LinkOutlined />} onClick={() => setAdding(true)} disabled={cameras.length === 0}>
          {t('relays.add')}
        </Button>
      }
    >
      {error ? <ErrorAlert error={error} /> : null}
      <Table<RelayBinding>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={(relays ?? []) as RelayBinding[]}
        loading={loading}
        pagination={false}
        {...FIT_TABLE}
        locale={{ emptyText: <Empty description={t('relays.empty')} /> }}
      />
      {cameras.length === 0 && <Typography.Paragraph type="secondary">{t('relays.form.noCameras')}</Typography.Paragraph>}
      <RelayForm open={adding} cameras={cameras} onClose={() => setAdding(false)} />
    </Card>
  );
}

/** Appendix A: the camera does not exist. */

interface RelayValues {
  camera_channel?: number;
  dev_ip: string;
  dev_port: number | null;
  dev_name: string;
}

const EMPTY: RelayValues = { dev_ip: '', dev_port: null, dev_name: '' };

function RelayForm({ open, cameras, onClose }: { open: boolean; cameras: readonly CameraRecord[]; onClose: () => void }) {
  const t = useCameraT();
  const { modal, message } = App.useApp();
  const [form] = Form.useForm<RelayValues>();
  const add = useAddRelay();
  const errorLine = useErrorLine();
  // The form lives across openings: each opening may add once.
  const once = useSendOnce(open);

  const problem = (p: Problem | null): Promise<void> => (p ? Promise.reject(new Error(t(p, LIMIT_VARS))) : Promise.resolve());
  const rule = (check: (v: never) => Problem | null): Rule => ({ validator: (_, v) => problem(check(v as never)) });

  function finish(values: RelayValues) {
    if (values.camera_channel === undefined || !once.take()) return;
    const name = values.dev_name.trim();
    add.mutate(
      { camera_channel: values.camera_channel, dev_ip: values.dev_ip.trim(), dev_port: values.dev_port ?? 0, dev_name: name },
      {
        onSuccess: () => {
          message.success(t('relays.added', { name: name || t('relays.unnamed') }));
          form.resetFields();
          add.reset();
          onClose();
        },
        onError: (e) => {
          once.refused();
          // -109: the camera went away meanwhile (by the camera field); anything else shows below the form.
          if (e instanceof DeviceError && e.code === ErrorCode.CAMERA_MISSING)
            form.setFields([{ name: 'camera_channel', errors: [errorLine(e)] }]);
        },
      },
    );
  }

  function cancel() {
    if (add.isPending) return;
    const close = () => {
      form.resetFields();
      add.reset();
      onClose();
    };
    if (!form.isFieldsTouched()) return close();
    modal.confirm({
      title: t('form.discard.title'),
      content: t('form.discard.body'),
      okText: t('form.discard.ok'),
      cancelText: t('form.discard.cancel'),
      okButtonProps: { danger: true },
      onOk: close,
    });
  }

  return (
    <Modal
      open={open}
      title={t('relays.form.title')}
      onCancel={cancel}
      okText={t('relays.form.submit')}
      cancelText={t('relays.form.cancel')}
      onOk={() => form.submit()}
      okButtonProps={{ loading: add.isPending }}
      cancelButtonProps={{ disabled: add.isPending }}
      mask={{ closable: !add.isPending }}
      keyboard={!add.isPending}
      forceRender
    >
      <Form<RelayValues>
        form={form}
        layout="vertical"
        initialValues={EMPTY}
        onFinish={finish}
        disabled={add.isPending}
        aria-label={t('relays.form.title')}
      >
        <Form.Item
          name="camera_channel"
          label={t('relays.form.camera')}
          required
          rules={[{ required: true, message: t('problem.required') }]}
        >
          <Select
            placeholder={t('relays.form.cameraPlaceholder')}
            options={cameras.map((c) => ({ value: c.channel, label: `${c.channel} · ${c.camera_name}` }))}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
        <Form.Item name="dev_ip" label={t('relays.form.ip')} required rules={[rule(checkIpv4)]}>
          <Input autoComplete="off" inputMode="decimal" spellCheck={false} />
        </Form.Item>
        <Form.Item name="dev_port" label={t('relays.form.port')} required rules={[rule((v: number | null) => checkPort(v, 0))]}>
          <InputNumber controls={false} className="cameras__port" />
        </Form.Item>
        <Form.Item name="dev_name" label={t('relays.form.name')}>
          <Input autoComplete="off" />
        </Form.Item>
        {add.error && <Alert type="error" showIcon role="alert" title={t('form.failed')} description={errorLine(add.error)} />}
        {/* Enter in a field submits. */}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
