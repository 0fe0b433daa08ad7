import { useEffect } from 'react';
import { useT } from '../i18n';

/** "<page> · SenseNebula-M Console", in the user's language. */
export function useDocumentTitle(page?: string): void {
  const t = useT();
  const app = t('app.title');
  useEffect(() => {
    document.title = page ? `${page} · ${app}` : app;
  }, [page, app]);
}
