// The overview's day as a page that prints on A4 (print CSS in overview.css):
// the same counts as the overview, as tables, in the chosen language.
import { useSearchParams, useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Input, Space, Table, Typography } from 'antd';
import { ArrowLeftOutlined, DownloadOutlined, PrinterOutlined } from '../../../components/icons';
import { PageTitle } from '../../../components/page-title';
import { deviceQueries } from '../../../api/queries/device';
import { formatDeviceTime } from '../../../api/protocol/device-time';
import { hrefs, PARAMS } from '../../../config/paths';
import { useOverviewT } from '../messages';
import { useDeviceNow } from '../api/use-overview';
import { useDayData } from '../api/use-day-data';
import { dayLabel, dayStart, isFuture, parseDay, dayBucket } from '../model/buckets';
import { useDownloadCsv, useReportRows } from '../components/report-csv';
import '../overview.css';

export function ReportPage() {
  const t = useOverviewT();
  const clock = useDeviceNow();
  const [params, setParams] = useSearchParams();
  if (clock.now === null) {
    return (
      <>
        <PageTitle>{t('report.title', { date: '' })}</PageTitle>
        {clock.error ? <Alert type="error" showIcon title={t('clock.failed')} /> : <Alert type="info" title={t('clock.waiting')} />}
      </>
    );
  }
  const day = parseDay(params.get(PARAMS.overviewReport.date)) ?? dayStart(clock.now);
  const pick = (text: string) => {
    if (parseDay(text) !== null) setParams({ [PARAMS.overviewReport.date]: text }, { replace: true });
  };
  return <Report key={day} day={day} now={clock.now} clock={clock} onPick={pick} />;
}

function Report({
  day,
  now,
  clock,
  onPick,
}: {
  day: number;
  now: number;
  clock: ReturnType<typeof useDeviceNow>;
  onPick: (d: string) => void;
}) {
  const t = useOverviewT();
  const navigate = useNavigate();
  const version = useQuery(deviceQueries.version());
  const d = useDayData(day, clock, 0);
  const rows = useReportRows(d);
  const download = useDownloadCsv(d);
  const date = dayLabel(day);
  const future = isFuture(dayBucket(day), now);
  const pending = d.alarmsByHour.pending || d.snapshotsByHour.pending || d.perCamera.pending || d.perLibrary.pending || d.top.isPending;
  const hours = d.plan.alarmsByHour.map((c, i) => ({
    hour: formatDeviceTime(c.bucket.start).slice(11, 16),
    alarms: d.alarmsByHour.values[i] ?? '',
    snapshots: d.snapshotsByHour.values[i] ?? '',
    strangers: d.strangersByHour[i] ?? '',
  }));

  return (
    <div className="overview-report" data-ready={pending ? undefined : 'true'}>
      <PageTitle>{t('report.title', { date })}</PageTitle>
      <Space wrap className="overview-report__actions" style={{ marginBottom: 16 }}>
        <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(hrefs.overview())}>
          {t('report.back')}
        </Button>
        <Input
          type="date"
          aria-label={t('report.dayPick')}
          defaultValue={date}
          max={dayLabel(dayStart(now))}
          onChange={(e) => onPick(e.target.value)}
          style={{ width: 180 }}
        />
        <Button icon={<DownloadOutlined />} onClick={download} disabled={pending}>
          {t('report.csv')}
        </Button>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} disabled={pending}>
          {t('report.print')}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary">
        {t('report.device')}: {version.data?.device_id ?? '—'} · {t('report.generated', { now: formatDeviceTime(now) })} · {clock.zone}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('chart.strangersNote')}
      </Typography.Paragraph>
      {future ? <Alert type="info" title={t('report.future')} /> : null}
      <ReportTable
        title={t('report.totals')}
        rows={rows.filter((r) => r[0] === t('report.totals')).map((r) => [r[1], r[2]])}
        pending={pending}
      />
      <section className="overview-report__table">
        <Typography.Title level={2} style={{ fontSize: 16 }}>
          {t('report.byHour')}
        </Typography.Title>
        <Table
          size="small"
          pagination={false}
          loading={pending}
          aria-label={t('report.byHour')}
          rowKey="hour"
          dataSource={hours}
          columns={[
            { title: t('col.hour'), dataIndex: 'hour', key: 'hour' },
            { title: t('chart.alarms'), dataIndex: 'alarms', key: 'alarms', align: 'right' },
            { title: t('chart.snapshots'), dataIndex: 'snapshots', key: 'snapshots', align: 'right' },
            { title: t('chart.strangers'), dataIndex: 'strangers', key: 'strangers', align: 'right' },
          ]}
        />
      </section>
      {[t('col.camera'), t('col.library'), t('top.person')].map((section) => (
        <ReportTable key={section} title={section} rows={rows.filter((r) => r[0] === section).map((r) => [r[1], r[2]])} pending={pending} />
      ))}
    </div>
  );
}

function ReportTable({ title, rows, pending }: { title: string; rows: [string, number | string][]; pending: boolean }) {
  const t = useOverviewT();
  return (
    <section className="overview-report__table">
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        {title}
      </Typography.Title>
      <Table
        size="small"
        pagination={false}
        loading={pending}
        aria-label={title}
        rowKey={(r) => r[0]}
        dataSource={rows}
        columns={[
          { title: t('report.key'), key: 'k', render: (_, r) => r[0] },
          { title: t('report.value'), key: 'v', align: 'right', render: (_, r) => r[1] },
        ]}
      />
    </section>
  );
}
