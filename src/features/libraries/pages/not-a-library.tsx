import { Result } from 'antd';
import { Link } from 'react-router';
import { useLibT } from '../messages';
import { libraryPaths } from '../paths';

/** /libraries/<something that is no id>. */
export function NotALibrary() {
  const t = useLibT();
  return <Result status="404" title={t('gallery.missing')} extra={<Link to={libraryPaths.list}>{t('gallery.back')}</Link>} />;
}
