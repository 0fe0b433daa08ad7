// Library exports through the console's one export dialog (src/components/export):
// a selection or this page starts at once; a range is the one thing asked first.
import { DownloadOutlined } from '../../../components/icons';
import { Alert, Button, Form, InputNumber, Modal } from 'antd';
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { call } from '../../../api/device';
import { DeviceError } from '../../../api/errors';
import { exportFacesChosen, exportFacesPage } from '../../../api/protocol/faces';
import { EXPORT_MAX, ID_LIST_MAX } from '../../../api/protocol/limits';
import { ErrorCode } from '../../../api/protocol/error-codes';
import { ExportDialog } from '../../../components/export/export-dialog';
import { useExportRun, type ExportTask } from '../../../components/export/use-export-run';
import { useLibT } from '../messages';

export type ExportRequest =
  /** §3.12: chosen faces, at most 50: exported at once. */
  | { kind: 'chosen'; ids: readonly string[] }
  /** §3.11: a stretch of the library in creation order, at most 500: at once, or after the range form (`ask`). */
  | { kind: 'range'; start: number; len: number; total: number; ask: boolean };

function splitIds(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export function ExportModal({ libId, request, onClose }: { libId: number; request: ExportRequest | null; onClose: () => void }) {
  const t = useLibT();
  const run = useExportRun();
  const [asking, setAsking] = useState(false);
  const started = useRef<ExportRequest | null>(null);

  const exportRange = (start: number, len: number) => {
    const task: ExportTask = async ({ signal, onFile }) => {
      const a = await call(exportFacesPage, { lib_id: libId, start_no: start, qry_len: len }, { signal });
      onFile({ url: a.export_url, label: t('export.fileRange', { first: start, last: start + a.result_num - 1 }) }, 1);
    };
    run.start(task);
  };

  // Once per request (the ref also holds under StrictMode's double effects).
  const begin = (req: ExportRequest) => {
    if (req.kind === 'range') {
      if (req.ask) setAsking(true);
      else exportRange(req.start, Math.min(req.len, EXPORT_MAX));
      return;
    }
    if (req.ids.length > ID_LIST_MAX) return;
    run.start(async ({ signal, onFile }) => {
      const a = await call(exportFacesChosen, { lib_id: libId, img_ids: req.ids.join(',') }, { signal });
      onFile({ url: a.export_url, label: t('export.fileChosen', { n: a.result_num }) }, 1);
      return { failedIds: splitIds(a.failed_img_ids) };
    });
  };
  const beginOnce = useEffectEvent(begin);
  useEffect(() => {
    if (started.current === request) return;
    started.current = request;
    setAsking(false);
    if (request) beginOnce(request);
  }, [request]);

  const nothing = run.error instanceof DeviceError && run.error.code === ErrorCode.NOTHING_TO_EXPORT;
  const title = request?.kind === 'range' ? t('export.rangeTitle') : t('export.chosenTitle', { count: request?.ids.length ?? 0 });

  if (request?.kind === 'range' && asking && run.state === 'idle') {
    return (
      <Modal open title={title} onCancel={onClose} destroyOnHidden footer={null}>
        <Form
          className="lib-form"
          layout="vertical"
          initialValues={{ start: request.start, len: Math.min(request.len, EXPORT_MAX) }}
          onFinish={(v: { start: number; len: number }) => exportRange(v.start, v.len)}
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
          <Button type="primary" htmlType="submit" icon={<DownloadOutlined aria-hidden />}>
            {t('export.go')}
          </Button>
        </Form>
      </Modal>
    );
  }

  return (
    <ExportDialog
      open={request !== null}
      title={title}
      run={run}
      onClose={onClose}
      error={nothing ? <Alert type="warning" showIcon title={t('export.nothing')} /> : undefined}
    >
      {request?.kind === 'chosen' && request.ids.length > ID_LIST_MAX && (
        <Alert type="error" showIcon title={t('export.tooMany', { max: ID_LIST_MAX })} />
      )}
    </ExportDialog>
  );
}
