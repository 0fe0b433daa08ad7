import { NotALibrary } from './not-a-library';
import { Gallery } from '../components/gallery';
import { useLibIdParam } from './use-lib-id';
import { useRefreshAfterImport } from '../api/gallery-queries';
import '../libraries.css';

/** §3.6-3.12, 3.20, 3.25: a library's faces. */
export function GalleryPage() {
  const libId = useLibIdParam();
  useRefreshAfterImport();
  if (libId === null) return <NotALibrary />;
  // A new library is a new gallery: nothing of the last one's selection or forms carries over.
  return (
    <>
      <Gallery key={libId} libId={libId} />
    </>
  );
}
