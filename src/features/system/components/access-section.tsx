// §8 (HTTPS: certificate and key, the switch) and §6.16-6.17 (the device's own web pages).
import { consoleServerQueries, deviceUrlAfterSwitch } from '../api/console-server';
import { DeleteOutlined, LockOutlined, UnlockOutlined, UploadOutlined } from '../../../components/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Popconfirm, Row, Skeleton, Space, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { systemQueries } from '../api/system-queries';
import { useDeleteHttpsFile, useSetWebPages, useSwitchProtocol, useUploadHttpsFile } from '../api/system-mutations';
import { useSystemT } from '../messages';
import { checkHttpsFileMeta, checkHttpsFileText, HTTPS_EXTENSIONS, type HttpsFileType } from '../../../api/settings/files';
import { DangerConfirm } from './danger-confirm';
import { ErrorAlert } from '../../../components/error-alert';
import { useWebPagesOffConsequences, WebPagesHelp } from '../../../components/setting-fields/setting-fields';
import { useDeviceName, useRestart } from './restart-context';

export function AccessSection() {
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={14}>
        <HttpsCard />
      </Col>
      <Col xs={24} xl={10}>
        <WebPagesCard />
      </Col>
    </Row>
  );
}

function HttpsCard() {
  const t = useSystemT();
  const files = useQuery(systemQueries.httpsFiles());
  const protocol = useQuery(systemQueries.protocol());
  const deviceName = useDeviceName();
  const restart = useRestart();
  const switcher = useSwitchProtocol();
  const [confirming, setConfirming] = useState(false);
  const consoleDevice = useQuery({ ...consoleServerQueries.deviceUrl(), enabled: confirming });

  if (!files.data || !protocol.data) {
    return (
      <Card title={t('https.title')}>
        {files.error || protocol.error ? <ErrorAlert error={files.error ?? protocol.error} /> : <Skeleton active />}
      </Card>
    );
  }
  const https = protocol.data.https_stat === 'https';
  const target = https ? 'http' : 'https';
  const both = files.data.https_cert !== '' && files.data.https_key !== '';
  // The console's address is not the device's (issue 14): the device's comes from the console's server, when it says.
  const host = typeof location === 'undefined' ? '' : location.host;
  const deviceUrl = consoleDevice.data ?? null;

  return (
    <Card
      title={t('https.title')}
      extra={
        <Tag color={https ? 'green' : 'default'} icon={https ? <LockOutlined /> : <UnlockOutlined />}>
          {t('https.mode', { mode: https ? 'HTTPS' : 'HTTP' })}
        </Tag>
      }
    >
      <Typography.Paragraph type="secondary">{https ? t('https.introHttps') : t('https.introHttp')}</Typography.Paragraph>
      <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('https.cert')}>
          <HttpsFileRow type="crt" name={files.data.https_cert} locked={https} />
        </Descriptions.Item>
        <Descriptions.Item label={t('https.key')}>
          <HttpsFileRow type="key" name={files.data.https_key} locked={https} />
        </Descriptions.Item>
      </Descriptions>
      {https && <Alert type="info" showIcon title={t('https.locked')} style={{ marginBottom: 16 }} />}
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Button
          type="primary"
          danger={https}
          icon={https ? <UnlockOutlined /> : <LockOutlined />}
          disabled={!https && !both}
          onClick={() => setConfirming(true)}
        >
          {https ? t('https.toHttp') : t('https.toHttps')}
        </Button>
        {!https && !both && <Typography.Text type="secondary">{t('https.needBoth')}</Typography.Text>}
      </Space>
      <DangerConfirm
        open={confirming}
        title={target === 'https' ? t('https.confirmTitleHttps') : t('https.confirmTitleHttp')}
        deviceName={deviceName}
        confirmLabel={target === 'https' ? t('https.confirmHttps') : t('https.confirmHttp')}
        pending={switcher.isPending}
        // The device's address after the switch is asked of the console's server as the dialog opens.
        preparing={consoleDevice.isFetching}
        error={switcher.error}
        onCancel={() => {
          switcher.reset();
          setConfirming(false);
        }}
        onConfirm={() =>
          switcher.mutate(target, {
            onSuccess: () => {
              setConfirming(false);
              restart.begin(target);
            },
          })
        }
        consequences={[
          t('https.consequence.restart'),
          t('https.consequence.sessions'),
          deviceUrl
            ? t(target === 'https' ? 'https.consequence.addressHttps' : 'https.consequence.addressHttp', {
                url: deviceUrlAfterSwitch(deviceUrl, target),
              })
            : t(target === 'https' ? 'https.consequence.addressHttpsUnknown' : 'https.consequence.addressHttpUnknown'),
          deviceUrl ? t('https.consequence.consoleFollows', { host }) : t('https.consequence.consoleUnknown', { host }),
          target === 'https' ? t('https.consequence.selfSigned') : t('https.consequence.plain'),
          t('https.consequence.follow'),
        ]}
      />
    </Card>
  );
}

function HttpsFileRow({ type, name, locked }: { type: HttpsFileType; name: string; locked: boolean }) {
  const t = useSystemT();
  const { message } = App.useApp();
  const upload = useUploadHttpsFile();
  const remove = useDeleteHttpsFile();
  const [problem, setProblem] = useState<string | null>(null);
  const what = type === 'crt' ? t('https.cert') : t('https.key');

  async function pick(file: File) {
    setProblem(null);
    upload.reset();
    const meta = checkHttpsFileMeta(type, file.name, file.size);
    const issue = meta ?? checkHttpsFileText(type, await file.text());
    if (issue) {
      setProblem(t(`https.problem.${issue}`, { what, name: file.name, extensions: HTTPS_EXTENSIONS[type].join(', ') }));
      return;
    }
    upload.mutate({ type, file }, { onSuccess: () => message.success(t('https.uploaded', { what, name: file.name })) });
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        {name ? <Typography.Text strong>{name}</Typography.Text> : <Typography.Text type="secondary">{t('https.none')}</Typography.Text>}
        <Upload
          accept={HTTPS_EXTENSIONS[type].join(',')}
          showUploadList={false}
          maxCount={1}
          disabled={locked || upload.isPending}
          beforeUpload={(file) => {
            void pick(file);
            // The device takes the file through the protocol client, not antd's own request.
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={upload.isPending} disabled={locked}>
            {name ? t('https.replace', { what }) : t('https.upload', { what })}
          </Button>
        </Upload>
        {name && (
          <Popconfirm
            title={t('https.deleteTitle', { what, name })}
            description={t('https.deleteBody')}
            okText={t('common.delete')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            disabled={locked}
            onConfirm={() => remove.mutate(type, { onSuccess: () => message.success(t('https.deleted', { what, name })) })}
          >
            <Button
              icon={<DeleteOutlined />}
              danger
              disabled={locked}
              loading={remove.isPending}
              aria-label={t('https.deleteAria', { what })}
            >
              {t('common.delete')}
            </Button>
          </Popconfirm>
        )}
      </Space>
      {problem && <Alert type="error" showIcon role="alert" title={problem} />}
      <ErrorAlert error={upload.error ?? remove.error} />
    </Space>
  );
}

function WebPagesCard() {
  const t = useSystemT();
  const { message } = App.useApp();
  const deviceName = useDeviceName();
  const web = useSetWebPages();
  const [confirmOff, setConfirmOff] = useState(false);
  const offConsequences = useWebPagesOffConsequences();
  // The device does not report which is on (§6.16-6.17 have no query): we say what we last did.
  const done = web.isSuccess ? web.variables : undefined;

  return (
    <Card title={t('web.title')}>
      <WebPagesHelp />
      <Space wrap>
        <Button
          onClick={() => web.mutate(true, { onSuccess: () => message.success(t('web.enabled')) })}
          loading={web.isPending && web.variables === true}
        >
          {t('web.enable')}
        </Button>
        <Button danger onClick={() => setConfirmOff(true)} loading={web.isPending && web.variables === false}>
          {t('web.disable')}
        </Button>
      </Space>
      {done !== undefined && (
        <Typography.Paragraph style={{ marginTop: 12 }} role="status">
          {done ? t('web.enabled') : t('web.disabled')}
        </Typography.Paragraph>
      )}
      {!confirmOff && <ErrorAlert error={web.error} />}
      <DangerConfirm
        open={confirmOff}
        title={t('web.confirmTitle')}
        deviceName={deviceName}
        confirmLabel={t('web.disable')}
        pending={web.isPending}
        error={web.error}
        onCancel={() => {
          web.reset();
          setConfirmOff(false);
        }}
        onConfirm={() =>
          web.mutate(false, {
            onSuccess: () => {
              setConfirmOff(false);
              message.success(t('web.disabled'));
            },
          })
        }
        consequences={offConsequences}
      />
    </Card>
  );
}
