import { DownloadOutlined } from '../../../components/icons';
import { Alert, Button, Descriptions, Form, InputNumber, Modal, Spin } from 'antd';
import { useEffect, useRef } from 'react';
import { DeviceError } from '../../../api/errors';
import { EXPORT_MAX, ID_LIST_MAX } from '../../../api/protocol/limits';
import { useExportChosen, useExportPage } from '../api/gallery-queries';
import { useLibT } from '../messages';
import { ErrorAlert } from '../../../components/error-alert';
import { deviceFileUrl } from '../../../api/protocol/files';
import { ErrorCode } from '../../../api/protocol/error-codes';

export type ExportRequest =
  /** §3.12: chosen faces, at most 50. */
  | { kind: 'chosen'; ids: readonly string[] }
  /** §3.11: a stretch of the library in creation order, at most 500. */
  | { kind: 'range'; start: number; len: number; total: number };

/** Starts the browser's download of a device file (the zip), through the proxy. */
export function downloadDeviceFile(devicePath: string): void {
  const a = document.createElement('a');
  a.href = deviceFileUrl(devicePath);
  a.download = devicePath.split('/').pop() ?? 'export.zip';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/**
 * The device's zip of a selection or of a stretch of the library, downloaded
 * through the proxy; the ids it could not export are listed.
 */
export function ExportModal({ libId, request, onClose }: { libId: number; request: ExportRequest | null; onClose: () => void }) {
  const t = useLibT();
  const chosen = useExportChosen(libId);
  const range = useExportPage(libId);
  const mutation = request?.kind === 'range' ? range : chosen;
  const downloaded = useRef<string | null>(null);
  const started = useRef<ExportRequest | null>(null);

  // A selection is exported as soon as it is asked for; a range waits for its form.
  // Once per request (the ref also holds under StrictMode's double effects).
  useEffect(() => {
    if (started.current === request) return;
    started.current = request;
    chosen.reset();
    range.reset();
    downloaded.current = null;
    if (request?.kind === 'chosen' && request.ids.length <= ID_LIST_MAX) chosen.mutate(request.ids);
  }, [request, chosen, range]);

  const data = mutation.data;
  useEffect(() => {
    if (data && downloaded.current !== data.export_url) {
      downloaded.current = data.export_url;
      downloadDeviceFile(data.export_url);
    }
  }, [data]);

  const failedIds = data && 'failed_img_ids' in data && data.failed_img_ids ? data.failed_img_ids.split(',') : [];
  const nothing = mutation.error instanceof DeviceError && mutation.error.code === ErrorCode.NOTHING_TO_EXPORT;

  return (
    <Modal
      open={request !== null}
      title={request?.kind === 'range' ? t('export.rangeTitle') : t('export.chosenTitle', { count: request?.ids.length ?? 0 })}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="close" onClick={onClose}>
          {t('action.close')}
        </Button>,
      ]}
    >
      {request?.kind === 'range' && !data && (
        <Form
          className="lib-form"
          layout="vertical"
          initialValues={{ start: request.start, len: Math.min(request.len, EXPORT_MAX) }}
          onFinish={(v: { start: number; len: number }) => range.mutate({ start_no: v.start, qry_len: v.len })}
        >
          <p>{t('export.rangeHint', { max: EXPORT_MAX, total: request.total })}</p>
          <div className="lib-form-row">
            <Form.Item
              name="start"
              label={t('export.start')}
              rules={[
                {
                  required: true,
                  type: 'integer',
                  min: 1,
                  max: Math.max(1, request.total),
                  message: t('export.startRange', { total: request.total }),
                },
              ]}
            >
              <InputNumber min={1} max={Math.max(1, request.total)} precision={0} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item
              name="len"
              label={t('export.len')}
              rules={[{ required: true, type: 'integer', min: 1, max: EXPORT_MAX, message: t('export.lenRange', { max: EXPORT_MAX }) }]}
            >
              <InputNumber min={1} max={EXPORT_MAX} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </div>
          <Button type="primary" htmlType="submit" loading={range.isPending} icon={<DownloadOutlined aria-hidden />}>
            {t('export.go')}
          </Button>
        </Form>
      )}
      {request?.kind === 'chosen' && request.ids.length > ID_LIST_MAX && (
        <Alert type="error" showIcon title={t('export.tooMany', { max: ID_LIST_MAX })} />
      )}
      {mutation.isPending && request?.kind === 'chosen' && (
        <div role="status" className="lib-center">
          <Spin /> {t('export.working')}
        </div>
      )}
      {mutation.isError &&
        (nothing ? (
          <Alert type="warning" showIcon title={t('export.nothing')} />
        ) : (
          <ErrorAlert error={mutation.error} title={t('export.failed')} />
        ))}
      {data && (
        <div role="status">
          <Alert
            type={failedIds.length ? 'warning' : 'success'}
            showIcon
            title={t('export.done', { n: data.result_num, total: data.total_num })}
            description={t('export.downloadStarted')}
          />
          <Descriptions column={1} size="small" style={{ marginTop: 12 }}>
            <Descriptions.Item label={t('export.file')}>
              <a href={deviceFileUrl(data.export_url)} download={data.export_url.split('/').pop()}>
                <DownloadOutlined aria-hidden /> {data.export_url.split('/').pop()}
              </a>
            </Descriptions.Item>
            {failedIds.length > 0 && (
              <Descriptions.Item label={t('export.failedIds', { count: failedIds.length })}>
                <ul className="lib-id-list" aria-label={t('export.failedIds', { count: failedIds.length })}>
                  {failedIds.map((id) => (
                    <li key={id}>{id}</li>
                  ))}
                </ul>
              </Descriptions.Item>
            )}
          </Descriptions>
        </div>
      )}
    </Modal>
  );
}
