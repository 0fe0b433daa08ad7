// Today's most alarmed persons, with their library photo and a link to them.
import { Link } from 'react-router';
import { Avatar, Card, List, Tag, Typography } from 'antd';
import { UserOutlined } from '@ant-design/icons';
import { hrefs } from '../../../config/paths';
import { deviceFileUrl } from '../../../api/protocol/files';
import { ErrorAlert } from '../../../components/error-alert';
import { useOverviewT } from '../messages';
import type { DayData } from '../api/use-day-data';

export function TopPersons({ top }: { top: DayData['top'] }) {
  const t = useOverviewT();
  const d = top.data;
  return (
    <Card title={t('top.title')} data-chart="top" data-ready={d ? 'true' : undefined}>
      {top.error ? <ErrorAlert error={top.error} /> : null}
      <List
        size="small"
        loading={top.isPending}
        dataSource={d?.persons ?? []}
        locale={{ emptyText: t('top.none') }}
        renderItem={(p) => {
          const name = p.name || t('top.unnamed');
          return (
            <List.Item extra={<Typography.Text strong>{p.count}</Typography.Text>}>
              <List.Item.Meta
                avatar={
                  <Avatar shape="square" size={40} src={p.imgPath ? deviceFileUrl(p.imgPath) : undefined} icon={<UserOutlined />} alt={t('top.photo', { name })} />
                }
                title={<Link to={hrefs.person(p.libId, p.imgId)}>{name}</Link>}
                description={
                  <>
                    {p.libName}{' '}
                    {p.libType === 1 ? (
                      <Tag color="error" variant="outlined">
                        {t('type.1')}
                      </Tag>
                    ) : null}
                  </>
                }
              />
            </List.Item>
          );
        }}
      />
      {d && d.scanned < d.total ? (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
          {t('top.partial', { scanned: d.scanned, total: d.total })}
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
}
