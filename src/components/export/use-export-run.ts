// One way to export across the console: the user's one click starts the run,
// every zip the device makes downloads by itself as soon as it is made (its
// link stays as a fallback), progress is counted in files, and Stop keeps
// what was made. Library and record exports (and a longer library export in
// steps) are tasks handed to this hook; <ExportDialog> shows its state.
import { useCallback, useEffect, useRef, useState } from 'react';
import { deviceFileUrl } from '../../api/protocol/files';

export interface ExportedFile {
  /** The device path of the zip (served at /ws/<url>). */
  url: string;
  /** The link's words ("Download file 2 (records 501–1000)"). */
  label: string;
  /** Where it is fetched when not the node shown's /ws/<url>: another node's prefix, or a file the console made (blob:). */
  href?: string;
  /** The saved file's name when not the device's (e.g. a fleet export names the node). */
  name?: string;
}

export interface ExportContext {
  signal: AbortSignal;
  /** A file is made (it starts downloading); `expected` files in all, as far as known now. */
  onFile(file: ExportedFile, expected: number): void;
}

/** Runs the device's exports; answers the ids the device could not export, if it says. */
export type ExportTask = (ctx: ExportContext) => Promise<{ failedIds?: readonly string[] } | void>;

export type ExportState = 'idle' | 'running' | 'done' | 'stopped' | 'failed';

/** Starts the browser's download of a device file through the proxy (or of `file.href` under `file.name`). */
export function downloadDeviceFile(devicePath: string, file?: Pick<ExportedFile, 'href' | 'name'>): void {
  const a = document.createElement('a');
  a.href = file?.href ?? deviceFileUrl(devicePath);
  a.download = file?.name ?? devicePath.split('/').pop() ?? 'export.zip';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

export function useExportRun() {
  const [state, setState] = useState<ExportState>('idle');
  const [files, setFiles] = useState<readonly ExportedFile[]>([]);
  const [expected, setExpected] = useState(0);
  const [failedIds, setFailedIds] = useState<readonly string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const start = useCallback((task: ExportTask, expectedFiles = 1) => {
    abort.current?.abort();
    const ctl = new AbortController();
    abort.current = ctl;
    setState('running');
    setFiles([]);
    setExpected(expectedFiles);
    setFailedIds([]);
    setError(null);
    task({
      signal: ctl.signal,
      onFile: (file, n) => {
        if (ctl.signal.aborted) return;
        downloadDeviceFile(file.url, file);
        setFiles((f) => [...f, file]);
        setExpected(n);
      },
    }).then(
      (outcome) => {
        if (abort.current !== ctl) return;
        setFailedIds(outcome?.failedIds ?? []);
        setState(ctl.signal.aborted ? 'stopped' : 'done');
      },
      (e: unknown) => {
        if (abort.current !== ctl) return;
        if (ctl.signal.aborted) setState('stopped');
        else {
          setError(e);
          setState('failed');
        }
      },
    );
  }, []);

  const stop = useCallback(() => abort.current?.abort(), []);
  return { state, files, expected, failedIds, error, start, stop };
}

export type ExportRun = ReturnType<typeof useExportRun>;
