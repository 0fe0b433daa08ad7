import { Alert } from 'antd';
import { Link } from 'react-router';
import { useLibT } from '../messages';
import { isRunActive, useImportStore } from '../store/import-store';
import { useNodeStore } from '../../../session/node-store';
import { hrefs } from '../../../config/paths';

/** An import into this library goes on while the user browses: say so, with the way back to it. */
export function ImportBanner({ libId }: { libId: number }) {
  const t = useLibT();
  const shown = useNodeStore((s) => s.current);
  // Fleet mode: library ids are each node's own.
  const mine = useImportStore((s) => s.libId === libId && s.node === shown);
  const run = useImportStore((s) => s.run);
  if (!mine || !isRunActive(run)) return null;
  return (
    <Alert
      className="lib-banner"
      type="info"
      showIcon
      title={
        run.state === 'paused'
          ? t('import.bannerPaused', { done: run.answered, total: run.total })
          : t('import.bannerRunning', { done: run.answered, total: run.total })
      }
      action={<Link to={hrefs.libraryImport(libId)}>{t('import.bannerOpen')}</Link>}
    />
  );
}
