// The landing page: what happened today on the device's clock, what state the
// device is in. Composes; the counting is in api/ and model/.
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Row, Segmented, Space, Typography } from 'antd';
import { DownloadOutlined, PrinterOutlined } from '../../../components/icons';
import { PageTitle } from '../../../components/page-title';
import { deviceQueries } from '../../../api/queries/device';
import { formatDeviceTime } from '../../../api/protocol/device-time';
import { hrefs } from '../../../config/paths';
import { useT } from '../../../i18n';
import { useOverviewT } from '../messages';
import { useDeviceNow } from '../api/use-overview';
import { sum, useDayData } from '../api/use-day-data';
import { dayLabel, dayStart } from '../model/buckets';
import { DAY_CHOICES, type DayChoice } from '../model/plan';
import { CameraChart, DayChart, FacesChart, HourChart, LibraryChart } from '../components/day-charts';
import { StatusCards } from '../components/status-cards';
import { TopPersons } from '../components/top-persons';
import { useDownloadCsv } from '../components/report-csv';
import '../overview.css';

export function OverviewPage() {
  const t = useOverviewT();
  const clock = useDeviceNow();
  if (clock.now === null) {
    return (
      <>
        <PageTitle>{t('title')}</PageTitle>
        {clock.error ? <Alert type="error" showIcon title={t('clock.failed')} /> : <Alert type="info" title={t('clock.waiting')} />}
      </>
    );
  }
  return <Overview now={clock.now} clock={clock} />;
}

function Overview({ now, clock }: { now: number; clock: ReturnType<typeof useDeviceNow> }) {
  const t = useOverviewT();
  const navigate = useNavigate();
  const [days, setDays] = useState<DayChoice>(7);
  const day = dayStart(now);
  const d = useDayData(day, clock, days);
  const download = useDownloadCsv(d);
  const alarms = sum(d.alarmsByHour.values);
  const snapshots = sum(d.snapshotsByHour.values);
  const strangers = sum(d.strangersByHour);

  return (
    <div className="overview">
      <PageTitle
        extra={
          <Space wrap>
            <Button icon={<DownloadOutlined />} onClick={download} disabled={d.alarmsByHour.pending || d.snapshotsByHour.pending}>
              {t('report.csv')}
            </Button>
            <Button icon={<PrinterOutlined />} onClick={() => void navigate(hrefs.overviewReport(dayLabel(day)))}>
              {t('report.open')}
            </Button>
          </Space>
        }
      >
        {t('title')}
      </PageTitle>
      <Typography.Paragraph type="secondary">
        {t('clock.reads', { zone: clock.zone ?? '', now: formatDeviceTime(now).slice(0, 16) })}
      </Typography.Paragraph>
      <StatusCards
        totals={[
          { label: t('stat.alarmsToday'), value: alarms },
          { label: t('stat.snapshotsToday'), value: snapshots },
          { label: t('stat.strangersToday'), value: strangers },
        ]}
      />
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={14}>
          <HourChart d={d} />
        </Col>
        <Col xs={24} xl={10}>
          <DayChart
            d={d}
            toolbar={
              <Segmented
                size="small"
                value={days}
                onChange={(v) => setDays(v)}
                options={DAY_CHOICES.map((n) => ({ value: n, label: t('chart.days', { n }) }))}
              />
            }
          />
        </Col>
        <Col xs={24} xl={12}>
          <CameraChart d={d} />
        </Col>
        <Col xs={24} xl={12}>
          <LibraryChart d={d} />
        </Col>
        <Col xs={24} xl={14}>
          <FacesChart d={d} />
        </Col>
        <Col xs={24} xl={10}>
          <TopPersons top={d.top} />
        </Col>
        <Col span={24}>
          <DeviceCard />
        </Col>
      </Row>
    </div>
  );
}

/** What 1281 says about the device, and 516's computing power (the landing page's former content). */
function DeviceCard() {
  const t = useT();
  const version = useQuery(deviceQueries.version());
  const power = useQuery(deviceQueries.power());
  const dash = '—';
  return (
    <Card title={t('overview.device')} size="small">
      <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
        <Descriptions.Item label={t('header.model')}>
          {power.data ? (power.data.modelName ?? t('header.unknownModel')) : dash}
        </Descriptions.Item>
        <Descriptions.Item label={t('overview.cameras')}>{power.data?.cameraCount ?? dash}</Descriptions.Item>
        <Descriptions.Item label={t('overview.power')}>
          {power.data ? t('overview.powerValue', { used: power.data.used, capacity: power.data.capacity }) : dash}
        </Descriptions.Item>
        <Descriptions.Item label={t('header.version')}>{version.data?.version ?? dash}</Descriptions.Item>
        <Descriptions.Item label={t('overview.webVersion')}>{version.data?.web_version ?? dash}</Descriptions.Item>
        <Descriptions.Item label={t('header.deviceId')}>{version.data?.device_id ?? dash}</Descriptions.Item>
        <Descriptions.Item label={t('overview.serialId')}>{version.data?.serial_id ?? dash}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
