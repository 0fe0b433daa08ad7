import { Result } from 'antd';
import { Link } from 'react-router';
import { useLibT } from '../messages';
import { hrefs } from '../../../config/paths';

/** /libraries/<something that is no id>. */
export function NotALibrary() {
  const t = useLibT();
  return <Result status="404" title={t('gallery.missing')} extra={<Link to={hrefs.libraries()}>{t('gallery.back')}</Link>} />;
}
