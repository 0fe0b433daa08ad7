// The export's dialog, the same everywhere: what is exported (the caller's
// words), the progress in files, a link per file (each also downloads by
// itself), the ids the device could not export, and Stop / Close.
import { DownloadOutlined } from '../icons';
import { Alert, Button, Modal, Progress, Typography } from 'antd';
import type { ReactNode } from 'react';
import { deviceFileUrl } from '../../api/protocol/files';
import { useT } from '../../i18n';
import { ErrorAlert } from '../error-alert';
import type { ExportRun } from './use-export-run';

export function ExportDialog({
  open,
  title,
  run,
  onClose,
  children,
  error,
}: {
  open: boolean;
  title: string;
  run: ExportRun;
  onClose: () => void;
  /** What is being exported, said above the progress. */
  children?: ReactNode;
  /** The caller's reading of a failure (e.g. "nothing matches"); the shared error alert otherwise. */
  error?: ReactNode;
}) {
  const t = useT();
  const running = run.state === 'running';
  const percent = run.state === 'done' ? 100 : run.expected > 0 ? Math.min(100, Math.round((run.files.length / run.expected) * 100)) : 0;
  const close = () => {
    run.stop();
    onClose();
  };
  return (
    <Modal
      open={open}
      title={title}
      // A running export is stopped with its own button, never by a stray click beside the dialog.
      onCancel={close}
      closable={!running}
      mask={{ closable: !running }}
      keyboard={!running}
      destroyOnHidden
      footer={running ? <Button onClick={run.stop}>{t('export.stop')}</Button> : <Button onClick={close}>{t('export.close')}</Button>}
    >
      {children}
      {run.state !== 'idle' && (
        <>
          <Progress
            percent={percent}
            status={run.state === 'failed' ? 'exception' : run.state === 'done' ? 'success' : running ? 'active' : 'normal'}
            aria-label={t('export.progress')}
          />
          <Typography.Paragraph role="status">
            {running
              ? run.files.length === 0
                ? t('export.starting')
                : t('export.running', { done: run.files.length, files: run.expected })
              : run.state === 'done'
                ? t('export.done', { files: run.files.length })
                : run.state === 'stopped'
                  ? t('export.stopped', { files: run.files.length })
                  : null}
          </Typography.Paragraph>
        </>
      )}
      {run.files.length > 0 && (
        <>
          <Typography.Paragraph type="secondary">{t('export.links')}</Typography.Paragraph>
          <ul className="export-files">
            {run.files.map((f) => (
              <li key={f.url}>
                <a href={f.href ?? deviceFileUrl(f.url)} download={f.name ?? f.url.split('/').pop()}>
                  <DownloadOutlined aria-hidden /> {f.label}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      {run.failedIds.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('export.failedIds', { n: run.failedIds.length })}
          description={
            <ul className="export-failed" aria-label={t('export.failedIds', { n: run.failedIds.length })}>
              {run.failedIds.map((id) => (
                <li key={id}>{id}</li>
              ))}
            </ul>
          }
        />
      )}
      {run.state === 'failed' && (error ?? <ErrorAlert error={run.error} title={t('export.failed')} />)}
    </Modal>
  );
}
