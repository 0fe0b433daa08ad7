// Today's most alarmed persons, with their library photo and a link to them.
import { Link } from 'react-router';
import { Avatar, Card, Table, Tag, Typography } from 'antd';
import { UserOutlined } from '../../../components/icons';
import { hrefs } from '../../../config/paths';
import { deviceFileUrl } from '../../../api/protocol/files';
import { ErrorAlert } from '../../../components/error-alert';
import { useOverviewT } from '../messages';
import type { DayData } from '../api/use-day-data';
import type { PersonCount } from '../api/overview-fetch';

export function TopPersons({ top }: { top: DayData['top'] }) {
  const t = useOverviewT();
  const d = top.data;
  const nameOf = (p: PersonCount) => p.name || t('top.unnamed');
  return (
    <Card title={t('top.title')} data-chart="top" data-ready={d ? 'true' : undefined}>
      {top.error ? <ErrorAlert error={top.error} /> : null}
      <Table
        size="small"
        pagination={false}
        loading={top.isPending}
        aria-label={t('top.title')}
        rowKey={(p) => `${p.libId}/${p.imgId}`}
        dataSource={d?.persons ?? []}
        locale={{ emptyText: t('top.none') }}
        columns={[
          {
            title: t('top.person'),
            key: 'person',
            render: (_, p) => (
              <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
                <Avatar
                  shape="square"
                  size={36}
                  src={p.imgPath ? deviceFileUrl(p.imgPath) : undefined}
                  icon={<UserOutlined />}
                  alt={t('top.photo', { name: nameOf(p) })}
                />
                <Link to={hrefs.person(p.libId, p.imgId)}>{nameOf(p)}</Link>
              </span>
            ),
          },
          {
            title: t('top.library'),
            key: 'library',
            render: (_, p) => (
              <>
                {p.libName}{' '}
                {p.libType === 1 ? (
                  <Tag color="error" variant="outlined">
                    {t('type.1')}
                  </Tag>
                ) : null}
              </>
            ),
          },
          { title: t('top.count'), key: 'count', dataIndex: 'count', align: 'right' },
        ]}
      />
      {d && d.scanned < d.total ? (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
          {t('top.partial', { scanned: d.scanned, total: d.total })}
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
}
