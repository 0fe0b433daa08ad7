import { DownloadOutlined, PauseOutlined, CaretRightOutlined, StopOutlined } from '../../../components/icons';
import { Alert, Button, Checkbox, Modal, Progress, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { call } from '../../../api/device';
import { deviceFileUrl } from '../../../api/protocol/files';
import { EXPORT_MAX } from '../../../api/protocol/limits';
import { ErrorAlert } from '../../../components/error-alert';
import { LibraryExport, type ExportProgress } from '../lib/library-export';
import { useLang } from '../../../i18n';
import { useLibT } from '../messages';
import { downloadDeviceFile } from '../../../components/export/use-export-run';

/** The pager's state for React; the export stops when the dialog goes (closed, or the page left). */
function useLibraryExport(libId: number) {
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const runner = useRef<LibraryExport | null>(null);
  useEffect(() => () => runner.current?.cancel(), []);
  const start = (autoDownload: boolean) => {
    runner.current?.cancel();
    const run = new LibraryExport(call, libId, {
      onProgress: setProgress,
      onPart: (part) => {
        if (autoDownload) downloadDeviceFile(part.url);
      },
    });
    runner.current = run;
    setProgress(run.state);
    void run.run();
  };
  return {
    progress,
    start,
    pause: () => runner.current?.pause(),
    resume: () => runner.current?.resume(),
    cancel: () => runner.current?.cancel(),
  };
}

const fileName = (url: string) => url.split('/').pop() ?? url;

/**
 * The whole library, 500 people a zip (§3.11), with progress, pause and
 * cancel; every zip stays listed with its link (lib/library-export.ts says why
 * one file per page).
 */
export function WholeExportModal({ libId, total, open, onClose }: { libId: number; total: number; open: boolean; onClose: () => void }) {
  return open ? <WholeExport libId={libId} total={total} onClose={onClose} /> : null;
}

function WholeExport({ libId, total, onClose }: { libId: number; total: number; onClose: () => void }) {
  const t = useLibT();
  const lang = useLang();
  const n = (v: number) => v.toLocaleString(lang);
  const { progress, start, pause, resume, cancel } = useLibraryExport(libId);
  const [autoDownload, setAutoDownload] = useState(true);
  const files = Math.max(1, Math.ceil(total / EXPORT_MAX));
  const shownTotal = progress && progress.total > 0 ? progress.total : total;
  const percent = progress ? (shownTotal ? Math.floor((progress.done / shownTotal) * 100) : 100) : 0;
  const running = progress?.status === 'running';
  const paused = progress?.status === 'paused';

  return (
    <Modal
      open
      title={t('exportAll.title')}
      onCancel={onClose}
      maskClosable={!running && !paused}
      footer={[
        <Button key="close" onClick={onClose}>
          {running || paused ? t('exportAll.cancelClose') : t('action.close')}
        </Button>,
      ]}
    >
      {!progress && (
        <>
          <p>{t('exportAll.hint', { total: n(total), files: n(files), max: EXPORT_MAX })}</p>
          <Checkbox checked={autoDownload} onChange={(e) => setAutoDownload(e.target.checked)}>
            {t('exportAll.autoDownload')}
          </Checkbox>
          <p className="lib-muted">{t('exportAll.browserAsks')}</p>
          <Button type="primary" icon={<DownloadOutlined aria-hidden />} disabled={total === 0} onClick={() => start(autoDownload)}>
            {t('exportAll.start')}
          </Button>
        </>
      )}
      {progress && (
        <>
          <Progress
            percent={percent}
            status={progress.status === 'cancelled' ? 'exception' : undefined}
            aria-label={t('exportAll.progress')}
          />
          <p role="status">
            {progress.status === 'done'
              ? t('exportAll.done', { n: n(progress.done), files: n(progress.parts.length) })
              : progress.status === 'cancelled'
                ? t('exportAll.cancelled', { n: n(progress.done), total: n(shownTotal) })
                : t('exportAll.counting', { n: n(progress.done), total: n(shownTotal), files: n(progress.parts.length) })}
            {paused && !progress.error ? ` ${t('exportAll.paused')}` : ''}
          </p>
          {progress.error !== null && (
            <ErrorAlert error={progress.error} title={t('exportAll.pageFailed', { start: n(progress.done + 1) })} />
          )}
          {(running || paused) && (
            <Space wrap className="lib-form-row">
              {running ? (
                <Button icon={<PauseOutlined aria-hidden />} onClick={pause}>
                  {t('exportAll.pause')}
                </Button>
              ) : (
                <Button type="primary" icon={<CaretRightOutlined aria-hidden />} onClick={resume}>
                  {progress.error !== null ? t('exportAll.retry') : t('exportAll.resume')}
                </Button>
              )}
              <Button danger icon={<StopOutlined aria-hidden />} onClick={cancel}>
                {t('exportAll.cancel')}
              </Button>
            </Space>
          )}
          {progress.status === 'done' && progress.done < shownTotal && (
            <Alert type="warning" showIcon title={t('exportAll.short', { n: n(progress.done), total: n(shownTotal) })} />
          )}
          {progress.parts.length > 0 && (
            <ol className="lib-export-parts" aria-label={t('exportAll.files')}>
              {progress.parts.map((p) => (
                <li key={p.url}>
                  <a href={deviceFileUrl(p.url)} download={fileName(p.url)}>
                    <DownloadOutlined aria-hidden /> {t('exportAll.part', { from: n(p.start), to: n(p.start + p.count - 1) })}
                  </a>{' '}
                  <span className="lib-muted">{fileName(p.url)}</span>
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </Modal>
  );
}
