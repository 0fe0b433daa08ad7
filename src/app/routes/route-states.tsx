// The router's own screens. Plain React: they show before (or without) antd.
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { BrandMark } from '../../components/brand';
import { Spinner } from '../../components/spinner';
import { useDocumentTitle } from '../../components/use-document-title';
import { useT } from '../../i18n';
import { paths } from '../../config/paths';

/** While the first route (and its lazy module) loads. */
export function BootSplash() {
  const t = useT();
  return (
    <div className="boot" role="status">
      <Spinner size={18} />
      <span>{t('app.loading')}</span>
    </div>
  );
}

/** A route that threw, or a lazy chunk that failed to load (an update, a restart). */
export function RouteError() {
  const t = useT();
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  useDocumentTitle(t(notFound ? 'route.notFound.title' : 'route.error.title'));
  if (notFound) return <NotFound />;
  return (
    <div className="route-error" role="alert">
      <BrandMark size={40} />
      <h1>{t('route.error.title')}</h1>
      <p>{t('route.error.hint')}</p>
      <button type="button" onClick={() => location.reload()}>
        {t('route.error.reload')}
      </button>
    </div>
  );
}

export function NotFound() {
  const t = useT();
  useDocumentTitle(t('route.notFound.title'));
  return (
    <div className="route-error">
      <h1>{t('route.notFound.title')}</h1>
      <p>
        <Link to={paths.overview}>{t('route.notFound.back')}</Link>
      </p>
    </div>
  );
}
