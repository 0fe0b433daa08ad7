// Export: the whole filter as the device's paged export (several files in
// sequence, with progress) or the selected rows in one file. Each file is a
// link through the proxy (/ws/<export_url>); ids the device could not export
// are listed.
import { DownloadOutlined } from '../../../components/icons';
import { Alert, Button, Modal, Progress, Radio, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { EXPORT_MAX, ID_LIST_MAX } from '../../../api/protocol/limits';
import { exportFileCount, useExportRecords, type ExportedFile } from '../api/record-exports';
import type { FilterRequest } from '../model/record-view';
import { useRecordsT } from '../messages';
import { ErrorAlert } from '../../../components/error-alert';
import { deviceFileUrl } from '../../../api/protocol/files';

/** Past this many files the dialog says it will take a while. */
const MANY_FILES = 10;

export interface ExportDialogProps {
  open: boolean;
  onClose: () => void;
  tabLabel: string;
  request: FilterRequest;
  /** total_num of the current filter. */
  total: number;
  selected: readonly string[];
  /** Every library's id, for 1039 when the filter names none. */
  libraryIds: readonly number[];
  /** Device time now, to pin the open end of the range (null: clock unknown). */
  deviceNow: string | null;
}

export function ExportDialog(props: ExportDialogProps) {
  // A fresh run for every opening.
  return props.open ? <ExportRun {...props} /> : null;
}

function ExportRun({ onClose, tabLabel, request, total, selected, libraryIds, deviceNow }: ExportDialogProps) {
  const t = useRecordsT();
  const [what, setWhat] = useState<'filtered' | 'chosen'>(selected.length > 0 ? 'chosen' : 'filtered');
  const [files, setFiles] = useState<ExportedFile[]>([]);
  const [expected, setExpected] = useState(exportFileCount(total));
  const abort = useRef<AbortController | null>(null);
  const run = useExportRecords();
  const running = run.isPending;
  const stopped = run.error instanceof DOMException && run.error.name === 'AbortError';

  const needsLibs = request.tab === 'alarms' && !request.filter.lib_ids;
  const libIds = libraryIds.slice(0, ID_LIST_MAX);
  const fileCount = exportFileCount(total);

  const start = () => {
    const ctl = new AbortController();
    abort.current = ctl;
    setFiles([]);
    if (what === 'chosen') {
      run.mutate({ kind: 'chosen', tab: request.tab, snapIds: selected, signal: ctl.signal });
      return;
    }
    setExpected(fileCount);
    run.mutate({
      kind: 'filtered',
      req: request,
      options: {
        stopAt: deviceNow ?? undefined,
        allLibIds: libIds.join(','),
        signal: ctl.signal,
        onFile: (file, newTotal) => {
          setExpected(exportFileCount(newTotal));
          setFiles((f) => [...f, file]);
        },
      },
    });
  };
  const stop = () => abort.current?.abort();
  const close = () => {
    stop();
    onClose();
  };

  const started = running || run.isSuccess || run.isError;
  const result = run.data;
  const percent = expected > 0 ? Math.round((files.length / expected) * 100) : 0;

  return (
    <Modal
      open
      title={t('export.title', { tab: tabLabel })}
      // A running export is stopped with its own button, never by a stray click beside the dialog.
      onCancel={close}
      closable={!running}
      mask={{ closable: !running }}
      keyboard={!running}
      footer={
        <Space>
          {running ? (
            <Button onClick={stop}>{t('export.stop')}</Button>
          ) : (
            <Button onClick={close}>{started ? t('export.finish') : t('export.cancel')}</Button>
          )}
          {!started && (
            <Button
              type="primary"
              onClick={start}
              disabled={(what === 'chosen' && selected.length === 0) || (what === 'filtered' && total === 0)}
            >
              {t('export.start')}
            </Button>
          )}
        </Space>
      }
    >
      <Radio.Group
        value={what}
        onChange={(e) => setWhat(e.target.value as 'filtered' | 'chosen')}
        disabled={started}
        aria-label={t('export.what')}
        className="records-export-choice"
      >
        <Radio value="filtered">{t('export.filtered', { total })}</Radio>
        <Radio value="chosen" disabled={selected.length === 0}>
          {selected.length > 0 ? t('export.chosen', { n: selected.length }) : t('export.chosenNone', { max: ID_LIST_MAX })}
        </Radio>
      </Radio.Group>

      {what === 'filtered' && !started && (
        <>
          <Typography.Paragraph>{t('export.filteredFiles', { max: EXPORT_MAX, files: fileCount })}</Typography.Paragraph>
          {fileCount > MANY_FILES && <Alert type="warning" showIcon title={t('export.filteredMany', { files: fileCount })} />}
          {needsLibs && (
            <Alert
              type="info"
              showIcon
              title={
                libraryIds.length > ID_LIST_MAX
                  ? t('export.allLibrariesCapped', { n: ID_LIST_MAX, max: ID_LIST_MAX })
                  : t('export.allLibraries', { n: libraryIds.length })
              }
            />
          )}
          {!request.filter.stop_time && deviceNow && (
            <Typography.Paragraph type="secondary">{t('export.pinned', { time: deviceNow })}</Typography.Paragraph>
          )}
        </>
      )}
      {!started && <Typography.Paragraph type="secondary">{t('export.contents')}</Typography.Paragraph>}

      {started && what === 'filtered' && (
        <>
          <Progress
            percent={run.isSuccess ? 100 : percent}
            status={run.isError ? (stopped ? 'normal' : 'exception') : run.isSuccess ? 'success' : 'active'}
            aria-label={t('export.progress')}
          />
          <Typography.Paragraph role="status">
            {run.isSuccess
              ? t('export.done', { files: files.length })
              : stopped
                ? t('export.stopped', { files: files.length })
                : t('export.progressText', { done: files.length, files: expected })}
          </Typography.Paragraph>
          <ul className="records-files">
            {files.map((f, i) => (
              <li key={f.url}>
                <a href={deviceFileUrl(f.url)} download>
                  <DownloadOutlined aria-hidden /> {t('export.file', { n: i + 1, first: f.first, last: f.last })}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}

      {result?.kind === 'chosen' && (
        <>
          <Typography.Paragraph role="status">
            <a href={deviceFileUrl(result.url)} download>
              <DownloadOutlined aria-hidden /> {t('export.fileChosen', { n: result.exported })}
            </a>
          </Typography.Paragraph>
          {result.failed.length > 0 && (
            <Alert
              type="warning"
              showIcon
              title={t('export.failed', { n: result.failed.length })}
              description={
                <ul className="records-failed">
                  {result.failed.map((id) => (
                    <li key={id}>{id}</li>
                  ))}
                </ul>
              }
            />
          )}
        </>
      )}

      {run.isError && !stopped && <ErrorAlert error={run.error} />}
    </Modal>
  );
}
