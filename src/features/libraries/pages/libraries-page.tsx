import { PageTitle } from '../../../components/page-title';
import { LibraryList } from '../components/library-list';
import { useLibT } from '../messages';
import { FeatureTheme } from '../components/feature-theme';
import '../libraries.css';

/** §3.1-3.5: the libraries. */
export function LibrariesPage() {
  const t = useLibT();
  return (
    <FeatureTheme>
      <PageTitle>{t('section')}</PageTitle>
      <p className="lib-muted lib-intro">{t('library.intro')}</p>
      <LibraryList />
    </FeatureTheme>
  );
}
