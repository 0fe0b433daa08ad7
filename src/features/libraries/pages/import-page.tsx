import { NotALibrary } from './not-a-library';
import { ImportWorkspace } from '../components/import-workspace';
import { useLibIdParam } from './use-lib-id';
import { useRefreshAfterImport } from '../api/gallery-queries';
import '../libraries.css';

/** §3.19: batch import into a library. */
export function ImportPage() {
  const libId = useLibIdParam();
  useRefreshAfterImport();
  if (libId === null) return <NotALibrary />;
  return (
    <>
      <ImportWorkspace key={libId} libId={libId} />
    </>
  );
}
