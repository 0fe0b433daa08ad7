// Record exports through the console's one export dialog (src/components/export):
// the menu item the user clicks says what (the whole filter, or the selected
// rows) and the export starts at once; each zip downloads as it is made. The
// whole filter is the device's paged export run page after page (EXPORT_MAX
// per file); the selected rows go in one file.
import { Alert, Typography } from 'antd';
import { useEffect, useEffectEvent, useRef, type ReactNode } from 'react';
import { EXPORT_MAX, ID_LIST_MAX } from '../../../api/protocol/limits';
import { ExportDialog as SharedExportDialog } from '../../../components/export/export-dialog';
import { useExportRun } from '../../../components/export/use-export-run';
import { exportChosen, exportFileCount, exportFiltered } from '../api/record-exports';
import type { FilterRequest } from '../model/record-view';
import { useRecordsT } from '../messages';

/** Past this many files the dialog says it will take a while. */
const MANY_FILES = 10;

export type ExportWhat = 'filtered' | 'chosen';

export interface ExportDialogProps {
  /** What to export; null: closed. */
  what: ExportWhat | null;
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
  return props.what ? <ExportRun {...props} what={props.what} /> : null;
}

function ExportRun({ what, onClose, tabLabel, request, total, selected, libraryIds, deviceNow }: ExportDialogProps & { what: ExportWhat }) {
  const t = useRecordsT();
  const run = useExportRun();
  const needsLibs = request.tab === 'alarms' && !request.filter.lib_ids;
  const fileCount = exportFileCount(total);

  const begin = () => {
    if (what === 'chosen') {
      run.start(async ({ signal, onFile }) => {
        const r = await exportChosen(request.tab, selected, signal);
        onFile({ url: r.url, label: t('export.fileChosen', { n: r.exported }) }, 1);
        return { failedIds: r.failed };
      });
      return;
    }
    run.start(async ({ signal, onFile }) => {
      await exportFiltered(request, {
        stopAt: deviceNow ?? undefined,
        allLibIds: libraryIds.slice(0, ID_LIST_MAX).join(','),
        signal,
        onFile: (file, newTotal) =>
          onFile(
            { url: file.url, label: t('export.file', { n: Math.ceil(file.first / EXPORT_MAX), first: file.first, last: file.last }) },
            exportFileCount(newTotal),
          ),
      });
    }, fileCount);
  };
  useOnOpening(begin);

  return (
    <RecordExportFrame tabLabel={tabLabel} run={run} onClose={onClose}>
      <Typography.Paragraph>
        {what === 'chosen' ? t('export.chosen', { n: selected.length }) : t('export.filtered', { total })}
      </Typography.Paragraph>
      {what === 'filtered' && (
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
    </RecordExportFrame>
  );
}

/** Runs `begin` once per opening (the ref also holds under StrictMode's double effects). */
export function useOnOpening(begin: () => void) {
  const started = useRef(false);
  const once = useEffectEvent(begin);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    once();
  }, []);
}

/** The console's export dialog with the records' title and the note on what a zip holds. */
export function RecordExportFrame({
  tabLabel,
  run,
  onClose,
  children,
}: {
  tabLabel: string;
  run: ReturnType<typeof useExportRun>;
  onClose: () => void;
  children: ReactNode;
}) {
  const t = useRecordsT();
  return (
    <SharedExportDialog open title={t('export.title', { tab: tabLabel })} run={run} onClose={onClose}>
      {children}
      <Typography.Paragraph type="secondary">{t('export.contents')}</Typography.Paragraph>
    </SharedExportDialog>
  );
}
