import { ToolOutlined } from '@ant-design/icons';
import { Card, Result } from 'antd';
import { PageTitle } from '../../components/page-title';
import { useT } from '../../i18n';
import { useRouteTitleKey } from '../route-handle';

/** The placeholder of every page still to come; its title comes from the route. */
export function ComingSoon() {
  const t = useT();
  const titleKey = useRouteTitleKey();
  const title = titleKey ? t(titleKey) : '';
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <Card>
        <Result icon={<ToolOutlined />} title={title} subTitle={t('comingSoon.body')} />
      </Card>
    </>
  );
}
