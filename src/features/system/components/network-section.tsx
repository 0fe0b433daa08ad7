// §6.8-6.10: every interface, and the default one with its DNS.
import { EditOutlined } from '../../../components/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Col, Form, Input, Radio, Row, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { Ethernet } from '../../../api/protocol/system';
import { systemQueries } from '../api/system-queries';
import { useSetDefaultInterface } from '../api/system-mutations';
import { useSystemT } from '../messages';
import { checkDns, consoleLink } from '../utils/network-rules';
import { DangerConfirm } from './danger-confirm';
import { useIsChanged, useReportDirty } from './dirty-guard';
import { ErrorAlert } from '../../../components/error-alert';
import { InterfaceEditor } from './interface-editor';
import { useDeviceName } from './restart-context';
import { SaveResetFooter } from './save-reset-footer';

export function NetworkSection() {
  const t = useSystemT();
  const network = useQuery(systemQueries.network());
  const protocol = useQuery(systemQueries.protocol());
  const deviceName = useDeviceName();
  const [editing, setEditing] = useState<string | null>(null);

  if (!network.data) {
    return (
      <Card title={t('net.interfaces')}>
        {network.error ? <ErrorAlert error={network.error} /> : <Skeleton active paragraph={{ rows: 6 }} />}
      </Card>
    );
  }
  const { ethernet, default_info: defaults } = network.data;
  const target = ethernet.find((e) => e.ethname === editing);
  const host = typeof location === 'undefined' ? '' : location.hostname;
  const via = ethernet.find((e) => consoleLink(ethernet, e.ethname, host) === 'this');

  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Card title={t('net.interfaces')}>
          <Typography.Paragraph type="secondary">
            {via ? t('net.via', { eth: via.ethname, host }) : t('net.viaUnknown', { host })}
          </Typography.Paragraph>
          <Table<Ethernet>
            rowKey="ethname"
            size="middle"
            pagination={false}
            scroll={{ x: 900 }}
            dataSource={ethernet}
            columns={[
              {
                title: t('net.name'),
                dataIndex: 'ethname',
                render: (name: string) => (
                  <Space size={4}>
                    <Typography.Text strong>{name}</Typography.Text>
                    {name === defaults.ethname && <Tag color="blue">{t('net.default')}</Tag>}
                    {name === via?.ethname && <Tag color="gold">{t('net.thisConsole')}</Tag>}
                  </Space>
                ),
              },
              { title: t('net.mac'), dataIndex: 'hw_addr', render: (v: string) => <Typography.Text code>{v || '—'}</Typography.Text> },
              { title: t('net.method'), dataIndex: 'ip_method', render: (v: string) => (v === 'dhcp' ? 'DHCP' : t('net.static')) },
              { title: t('net.version'), dataIndex: 'ip_version' },
              { title: t('net.ip'), dataIndex: 'ip', render: (v: string) => v || '—' },
              { title: t('net.mask'), dataIndex: 'netmask', render: (v: string) => v || '—' },
              { title: t('net.gateway'), dataIndex: 'gateway', render: (v: string) => v || '—' },
              {
                title: t('common.actions'),
                key: 'actions',
                fixed: 'right',
                render: (_: unknown, row: Ethernet) => (
                  <Button
                    icon={<EditOutlined />}
                    onClick={() => setEditing(row.ethname)}
                    aria-label={t('net.editAria', { eth: row.ethname })}
                  >
                    {t('common.edit')}
                  </Button>
                ),
              },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xl={14}>
        <DefaultInterfaceCard ethernet={ethernet} defaults={defaults} deviceName={deviceName} />
      </Col>
      {target && (
        <InterfaceEditor
          key={target.ethname}
          target={target}
          all={ethernet}
          deviceName={deviceName}
          scheme={protocol.data?.https_stat === 'https' ? 'https' : 'http'}
          onClose={() => setEditing(null)}
        />
      )}
    </Row>
  );
}

interface DnsValues {
  ethname: string;
  dns_method: 'static' | 'dhcp';
  first_dns: string;
  second_dns: string;
}

function DefaultInterfaceCard({
  ethernet,
  defaults,
  deviceName,
}: {
  ethernet: readonly Ethernet[];
  defaults: { dns_method: string; ethname: string; first_dns: string; second_dns: string };
  deviceName: string;
}) {
  const t = useSystemT();
  const { message } = App.useApp();
  const save = useSetDefaultInterface();
  const [form] = Form.useForm<DnsValues>();
  const [review, setReview] = useState<DnsValues | null>(null);
  const initial = useMemo<DnsValues>(
    () => ({
      ethname: defaults.ethname,
      dns_method: defaults.dns_method === 'dhcp' ? 'dhcp' : 'static',
      first_dns: defaults.first_dns,
      second_dns: defaults.second_dns,
    }),
    [defaults],
  );
  const values = Form.useWatch([], form) as DnsValues | undefined;
  const changed = useIsChanged(values, initial);
  useReportDirty('dns', changed);
  const dhcp = values?.dns_method === 'dhcp';

  const dnsRule = (field: 'first_dns' | 'second_dns') => ({
    validator: () => {
      const v = form.getFieldsValue(true) as DnsValues;
      const problem = checkDns(v.dns_method, v.first_dns ?? '', v.second_dns ?? '').find((p) => p.field === field);
      return problem ? Promise.reject(new Error(t(`dns.problem.${problem.code}`))) : Promise.resolve();
    },
  });

  function apply(v: DnsValues) {
    const req =
      v.dns_method === 'dhcp'
        ? { ethname: v.ethname, dns_method: v.dns_method }
        : { ethname: v.ethname, dns_method: v.dns_method, first_dns: v.first_dns.trim(), second_dns: v.second_dns.trim() };
    save.mutate(req, {
      onSuccess: () => {
        message.success(t('dns.saved', { eth: v.ethname }));
        setReview(null);
        // What was sent is the device's now: the form stays as it is (no reset to the old values).
        if (req.dns_method === 'static') form.setFieldsValue({ first_dns: req.first_dns, second_dns: req.second_dns });
      },
    });
  }

  return (
    <Card title={t('dns.title')}>
      <Typography.Paragraph type="secondary">{t('dns.help')}</Typography.Paragraph>
      <Form
        form={form}
        name="dns"
        layout="vertical"
        initialValues={initial}
        onValuesChange={() => save.error && save.reset()}
        // A new default route can cut the console off: that one is confirmed.
        onFinish={(v) => (v.ethname !== initial.ethname ? setReview(v) : apply(v))}
        aria-label={t('dns.title')}
      >
        <Form.Item name="ethname" label={t('dns.interface')}>
          <Select options={ethernet.map((e) => ({ value: e.ethname, label: `${e.ethname}${e.ip ? ` (${e.ip})` : ''}` }))} />
        </Form.Item>
        <Form.Item name="dns_method" label={t('dns.method')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'static', label: t('net.static') },
              { value: 'dhcp', label: 'DHCP' },
            ]}
          />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="first_dns" label={t('dns.first')} rules={[dnsRule('first_dns')]} dependencies={['dns_method']}>
              <Input disabled={dhcp} autoComplete="off" spellCheck={false} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="second_dns" label={t('dns.second')} rules={[dnsRule('second_dns')]} dependencies={['dns_method']}>
              <Input disabled={dhcp} autoComplete="off" spellCheck={false} />
            </Form.Item>
          </Col>
        </Row>
        <SaveResetFooter label={t('dns.save')} save={save} changed={changed} onReset={() => form.resetFields()} elsewhere={!!review} />
      </Form>
      <DangerConfirm
        open={review !== null}
        title={t('dns.confirmTitle')}
        deviceName={deviceName}
        confirmLabel={t('dns.confirm', { eth: review?.ethname ?? '' })}
        pending={save.isPending}
        error={save.error}
        onCancel={() => {
          save.reset();
          setReview(null);
        }}
        onConfirm={() => review && apply(review)}
        consequences={review ? [t('dns.consequence.route', { from: initial.ethname, to: review.ethname }), t('dns.consequence.cut')] : []}
      />
    </Card>
  );
}
