// One interface (§6.9), checked before sending (the device's -3606 reasons, per
// field), then confirmed with what changes and where to find the device after.
import { App, Alert, Button, Form, Input, Modal, Radio, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { Ethernet } from '../../../api/protocol/system';
import { useSetInterface } from '../api/system-mutations';
import { useSystemT } from '../messages';
import { urlHost, type IpVersion } from '../../../api/settings/address';
import { checkInterface, consoleLink, subnetText, type InterfaceDraft, type InterfaceField } from '../utils/network-rules';
import { DangerConfirm } from './danger-confirm';

interface Props {
  target: Ethernet;
  all: readonly Ethernet[];
  deviceName: string;
  /** The device's scheme (1306), for the address to open after a change. */
  scheme: 'http' | 'https';
  onClose: () => void;
}

type Values = Omit<InterfaceDraft, 'ethname'>;

const asVersion = (v: string): IpVersion => (v === 'IPv6' ? 'IPv6' : 'IPv4');
const asMethod = (m: string): 'static' | 'dhcp' => (m === 'dhcp' ? 'dhcp' : 'static');

/** The browser's host as the console reaches the device (the proxy's, in development). */
const browserHost = () => (typeof location === 'undefined' ? '' : location.hostname);

export function InterfaceEditor({ target, all, deviceName, scheme, onClose }: Props) {
  const t = useSystemT();
  const { modal, message } = App.useApp();
  const save = useSetInterface();
  const [form] = Form.useForm<Values>();
  const [review, setReview] = useState<Values | null>(null);
  const initial = useMemo<Values>(
    () => ({
      ip_method: asMethod(target.ip_method),
      ip_version: asVersion(target.ip_version),
      ip: target.ip,
      netmask: target.netmask,
      gateway: target.gateway,
    }),
    [target],
  );
  const values = (Form.useWatch([], form) as Values | undefined) ?? initial;
  const dirty = (Object.keys(initial) as (keyof Values)[]).some((k) => values[k] !== undefined && values[k] !== initial[k]);
  const dhcp = values.ip_method === 'dhcp';
  const link = consoleLink(all, target.ethname, browserHost());

  const problemText = (field: InterfaceField, v: Values): string | null => {
    const problem = checkInterface({ ethname: target.ethname, ...v }, all).find((p) => p.field === field);
    if (!problem) return null;
    return t(`net.problem.${problem.code}`, {
      other: problem.other ?? '',
      subnet: subnetText(v.ip_version, v.ip, v.netmask) ?? '',
    });
  };
  const fieldRule = (field: InterfaceField) => ({
    validator: () => {
      const text = problemText(field, form.getFieldsValue(true) as Values);
      return text ? Promise.reject(new Error(text)) : Promise.resolve();
    },
  });

  function close() {
    if (!dirty || save.isPending) return onClose();
    modal.confirm({
      title: t('dirty.title'),
      content: t('net.discard', { eth: target.ethname }),
      okText: t('dirty.discard'),
      okButtonProps: { danger: true },
      cancelText: t('dirty.stay'),
      onOk: onClose,
    });
  }

  const trimmed = (v: Values): Values => ({ ...v, ip: v.ip.trim(), netmask: v.netmask.trim(), gateway: v.gateway.trim() });
  const newUrl = (v: Values): string | null => {
    if (v.ip_method === 'dhcp' || v.ip === target.ip) return null;
    if (link === 'this' && typeof location !== 'undefined') {
      return `${location.protocol}//${urlHost(v.ip)}${location.port ? `:${location.port}` : ''}/`;
    }
    return `${scheme}://${urlHost(v.ip)}/`;
  };

  function apply(v: Values) {
    save.mutate(
      { ethname: target.ethname, ...v },
      {
        onSuccess: () => {
          const url = newUrl(v);
          message.success(url ? t('net.savedAt', { eth: target.ethname, url }) : t('net.saved', { eth: target.ethname }));
          setReview(null);
          onClose();
        },
      },
    );
  }

  const before = `${target.ip_method} · ${target.ip || '—'} / ${target.netmask || '—'} · ${t('net.gateway')} ${target.gateway || '—'}`;
  const after = (v: Values) =>
    v.ip_method === 'dhcp' ? t('net.dhcpAssigned') : `static · ${v.ip} / ${v.netmask} · ${t('net.gateway')} ${v.gateway || '—'}`;

  return (
    <>
      <Modal
        open={!review}
        title={t('net.editTitle', { eth: target.ethname })}
        onCancel={close}
        mask={{ closable: false }}
        footer={[
          <Button key="cancel" onClick={close}>
            {t('common.cancel')}
          </Button>,
          <Button key="save" type="primary" onClick={() => form.submit()} disabled={!dirty}>
            {t('net.review')}
          </Button>,
        ]}
      >
        <Typography.Paragraph type="secondary">
          {t('net.mac')}: {target.hw_addr || '—'}
        </Typography.Paragraph>
        {link !== 'other' && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={link === 'this' ? t('net.link.this', { eth: target.ethname }) : t('net.link.maybe', { eth: target.ethname })}
            description={link === 'this' ? t('net.link.thisHint') : t('net.link.maybeHint', { ip: target.ip || '—' })}
          />
        )}
        <Form
          form={form}
          name="interface"
          layout="vertical"
          initialValues={initial}
          onFinish={(v) => setReview(trimmed({ ...initial, ...v }))}
          onValuesChange={() => save.error && save.reset()}
          aria-label={t('net.editTitle', { eth: target.ethname })}
        >
          <Space wrap size="large">
            <Form.Item name="ip_method" label={t('net.method')}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'static', label: t('net.static') },
                  { value: 'dhcp', label: 'DHCP' },
                ]}
              />
            </Form.Item>
            <Form.Item name="ip_version" label={t('net.version')}>
              <Radio.Group optionType="button" options={['IPv4', 'IPv6'].map((v) => ({ value: v, label: v }))} />
            </Form.Item>
          </Space>
          {dhcp && <Typography.Paragraph type="secondary">{t('net.dhcpHelp')}</Typography.Paragraph>}
          <Form.Item
            name="ip"
            label={t('net.ip')}
            rules={dhcp ? [] : [fieldRule('ip')]}
            dependencies={['ip_version', 'netmask', 'ip_method']}
          >
            <Input disabled={dhcp} autoComplete="off" spellCheck={false} />
          </Form.Item>
          <Form.Item
            name="netmask"
            label={t('net.mask')}
            extra={values.ip_version === 'IPv6' ? t('net.maskHelp6') : t('net.maskHelp4')}
            rules={dhcp ? [] : [fieldRule('netmask')]}
            dependencies={['ip_version', 'ip_method']}
          >
            <Input disabled={dhcp} autoComplete="off" spellCheck={false} />
          </Form.Item>
          <Form.Item
            name="gateway"
            label={t('net.gateway')}
            extra={t('net.gatewayHelp')}
            rules={dhcp ? [] : [fieldRule('gateway')]}
            dependencies={['ip', 'netmask', 'ip_version', 'ip_method']}
          >
            <Input disabled={dhcp} autoComplete="off" spellCheck={false} />
          </Form.Item>
        </Form>
      </Modal>
      <DangerConfirm
        open={review !== null}
        title={t('net.confirmTitle', { eth: target.ethname })}
        deviceName={deviceName}
        confirmLabel={t('net.confirm', { eth: target.ethname })}
        pending={save.isPending}
        error={save.error}
        onCancel={() => {
          save.reset();
          setReview(null);
        }}
        onConfirm={() => review && apply(review)}
        consequences={
          review
            ? [
                t('net.change', { eth: target.ethname, before, after: after(review) }),
                ...(link === 'this' ? [t('net.consequence.this')] : link === 'maybe' ? [t('net.consequence.maybe')] : []),
                ...(newUrl(review) ? [t('net.consequence.open', { url: newUrl(review)! })] : []),
                ...(review.ip_method === 'dhcp' ? [t('net.consequence.dhcp')] : []),
              ]
            : []
        }
      />
    </>
  );
}
