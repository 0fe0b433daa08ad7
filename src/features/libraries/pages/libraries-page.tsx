import { PageTitle } from '../../../components/page-title';
import { LibraryList } from '../components/library-list';
import { useLibT } from '../messages';
import { useRefreshAfterImport } from '../api/gallery-queries';
import '../libraries.css';

/** §3.1-3.5: the libraries. */
export function LibrariesPage() {
  const t = useLibT();
  useRefreshAfterImport();
  return (
    <>
      <PageTitle>{t('section')}</PageTitle>
      <p className="lib-muted lib-intro">{t('library.intro')}</p>
      <LibraryList />
    </>
  );
}
