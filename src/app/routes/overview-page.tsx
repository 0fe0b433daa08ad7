import { useQuery } from '@tanstack/react-query';
import { Card, Col, Descriptions, Row, Skeleton, Statistic } from 'antd';
import { PageTitle } from '../../components/page-title';
import { deviceQueries } from '../../api/queries/device';
import { useT } from '../../i18n';

/** For now: what 1281 says about the device, and 516's cameras and computing power. */
export function OverviewPage() {
  const t = useT();
  const version = useQuery(deviceQueries.version());
  const power = useQuery(deviceQueries.power());
  const dash = '—';

  return (
    <>
      <PageTitle>{t('nav.overview')}</PageTitle>
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={12}>
          <Card>
            <Statistic title={t('overview.cameras')} value={power.data?.cameraCount ?? dash} loading={power.isPending} />
          </Card>
        </Col>
        <Col xs={24} sm={12}>
          <Card>
            <Statistic
              title={t('overview.power')}
              value={power.data ? t('overview.powerValue', { used: power.data.used, capacity: power.data.capacity }) : dash}
              loading={power.isPending}
            />
          </Card>
        </Col>
        <Col span={24}>
          <Card title={t('overview.device')}>
            {version.isPending ? (
              <Skeleton active paragraph={{ rows: 3 }} />
            ) : (
              <Descriptions column={{ xs: 1, md: 2 }} size="small">
                <Descriptions.Item label={t('header.model')}>
                  {power.data ? (power.data.modelName ?? t('header.unknownModel')) : dash}
                </Descriptions.Item>
                <Descriptions.Item label={t('header.version')}>{version.data?.version ?? dash}</Descriptions.Item>
                <Descriptions.Item label={t('overview.webVersion')}>{version.data?.web_version ?? dash}</Descriptions.Item>
                <Descriptions.Item label={t('header.deviceId')}>{version.data?.device_id ?? dash}</Descriptions.Item>
                <Descriptions.Item label={t('overview.serialId')}>{version.data?.serial_id ?? dash}</Descriptions.Item>
              </Descriptions>
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
