import { SafetyCertificateOutlined, StopOutlined } from '../../../components/icons';
import { Tag } from 'antd';
import { useLibT } from '../messages';

/**
 * §3.2: 1 blacklist, 2 whitelist. Colour, icon and word, so neither depends on
 * colour alone; the text colours are darker than antd's presets, which fall
 * short of 4.5:1 contrast at tag size.
 */
export function LibraryTypeTag({ type }: { type: number }) {
  const t = useLibT();
  if (type === 1) {
    return (
      <Tag className="lib-type lib-type--black" icon={<StopOutlined aria-hidden />}>
        {t('type.black')}
      </Tag>
    );
  }
  if (type === 2) {
    return (
      <Tag className="lib-type lib-type--white" icon={<SafetyCertificateOutlined aria-hidden />}>
        {t('type.white')}
      </Tag>
    );
  }
  return <Tag>{t('type.other', { type })}</Tag>;
}
