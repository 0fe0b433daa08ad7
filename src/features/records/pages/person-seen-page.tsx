// "Where was this person seen": one library person's alarms on every camera
// over a range of device days, drawn on a time axis per camera. 1036 has no
// person filter, so the library's alarms in the range are read page by page
// (model/seen-scan.ts) with the progress on screen, up to a cap; leaving the
// page aborts the scan (react-query aborts the signal when nobody watches).
import { ReloadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Empty, Progress, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { AlarmRecord } from '../../../api/protocol/records';
import { deviceFileUrl } from '../../../api/protocol/files';
import { parseDeviceTime } from '../../../api/protocol/device-time';
import { ErrorAlert } from '../../../components/error-alert';
import { PageTitle } from '../../../components/page-title';
import { hrefs, PARAMS } from '../../../config/paths';
import { useLang } from '../../../i18n';
import { recordQueries } from '../api/record-queries';
import { RecordDrawer } from '../components/record-drawer';
import { SeenTimeline } from '../components/seen-timeline';
import { SEEN_SCAN_CAP, type SeenScanProgress } from '../model/seen-scan';
import { SEEN_MAX_DAYS, seenRange, timelineLayout } from '../model/seen-timeline';
import { useRecordsT } from '../messages';
import '../records.css';

export function PersonSeenPage() {
  const t = useRecordsT();
  const lang = useLang();
  const qc = useQueryClient();
  const { libId: libParam = '', imgId = '' } = useParams();
  const libId = Number(libParam);
  const [params, setParams] = useSearchParams();
  const clock = useQuery({ ...recordQueries.clock(), meta: { errorHandled: true } });
  const cameras = useQuery(recordQueries.cameras());
  const person = useQuery(recordQueries.person(libId, imgId));

  // The range's stop is the device's clock as first read here, pinned until
  // "Read again": the clock query refreshes itself every few minutes, and each
  // new reading would otherwise start the whole scan again.
  const [pinned, setPinned] = useState<string | null>(null);
  if (pinned === null && clock.data) setPinned(clock.data.sysTime);
  const now = pinned === null ? null : parseDeviceTime(pinned);
  const from = params.get(PARAMS.personSeen.from);
  const to = params.get(PARAMS.personSeen.to);
  const range = useMemo(() => (now === null ? null : seenRange(from, to, now)), [now, from, to]);

  // Progress is kept with the scan it belongs to: a scan left behind (a new range) may report once more.
  const request = { libId, imgId, start: range?.start ?? '', stop: range?.stop ?? '' };
  const requestKey = JSON.stringify(request);
  const [reported, setReported] = useState<{ key: string; p: SeenScanProgress } | null>(null);
  const progress = reported?.key === requestKey ? reported.p : null;
  const scan = useQuery({
    ...recordQueries.seen(request, (p) => setReported({ key: requestKey, p })),
    enabled: range !== null && Number.isInteger(libId) && imgId !== '',
    meta: { errorHandled: true },
  });
  const state = scan.data ?? progress;
  const [open, setOpen] = useState<AlarmRecord | null>(null);

  const cameraName = useCallback((ch: number) => cameras.data?.find((c) => c.channel === ch)?.camera_name, [cameras.data]);
  const layout = useMemo(() => (state && range ? timelineLayout(state.found, range, cameraName) : null), [state, range, cameraName]);

  const name = person.data?.person_name || state?.found[0]?.person_name || imgId;
  const percent = state ? (state.status === 'running' ? Math.floor((state.pagesRead / Math.max(1, state.pagesTotal)) * 100) : 100) : 0;

  const restart = async () => {
    // A new reading of the clock is a new stop, hence a new scan.
    await qc.invalidateQueries({ queryKey: recordQueries.clock().queryKey });
    setPinned(null);
  };

  return (
    <div className="seen-page">
      <PageTitle
        extra={
          <Button icon={<ReloadOutlined aria-hidden />} onClick={() => void restart()}>
            {t('seen.again')}
          </Button>
        }
      >
        {t('seen.title', { name })}
      </PageTitle>
      <div className="seen-person">
        {person.data?.img_path && (
          <img className="records-thumb" src={deviceFileUrl(person.data.img_path)} alt={t('seen.photo', { name })} width={72} height={72} />
        )}
        <Space orientation="vertical" size={4} className="seen-person__controls">
          <Link to={hrefs.person(libId, imgId)}>{t('seen.openPerson')}</Link>
          {person.isError && <Typography.Text type="secondary">{t('seen.personMissing')}</Typography.Text>}
          <Space wrap>
            <label htmlFor="seen-from">{t('seen.range')}</label>
            <DatePicker.RangePicker
              id={{ start: 'seen-from', end: 'seen-to' }}
              value={range ? [dayjs(range.from), dayjs(range.to)] : null}
              allowClear={false}
              disabledDate={(d, info) => !!info.from && Math.abs(d.diff(info.from, 'day')) >= SEEN_MAX_DAYS}
              onChange={(v) => {
                const [a, b] = v ?? [];
                if (!a || !b) return;
                setParams({ [PARAMS.personSeen.from]: a.format('YYYY-MM-DD'), [PARAMS.personSeen.to]: b.format('YYYY-MM-DD') });
              }}
            />
          </Space>
          {range && (
            <Typography.Text type="secondary">
              {t('seen.rangeSummary', { from: range.start, to: range.stop, zone: clock.data?.timeZone ?? '' })}
            </Typography.Text>
          )}
        </Space>
      </div>

      {clock.isPending && <Typography.Text type="secondary">{t('time.waiting')}</Typography.Text>}
      {clock.isError && <ErrorAlert error={clock.error} title={t('time.clockFailed')} />}

      {state && (
        <div className="seen-progress">
          <Progress
            percent={percent}
            size="small"
            aria-label={t('seen.progress')}
            status={state.status === 'capped' ? 'exception' : undefined}
          />
          <Typography.Text role="status">
            {t('seen.read', {
              pages: state.pagesRead,
              pagesTotal: state.pagesTotal,
              read: state.read.toLocaleString(lang),
              total: state.total.toLocaleString(lang),
            })}
            {' · '}
            {t('seen.found', { count: state.found.length })}
          </Typography.Text>
        </div>
      )}
      {scan.isError && <ErrorAlert error={scan.error} title={t('seen.failed')} />}
      {state?.status === 'capped' && range && (
        <Alert
          type="warning"
          showIcon
          title={t('seen.capped', { cap: SEEN_SCAN_CAP.toLocaleString(lang) })}
          description={t('seen.cappedDetail', {
            back: state.readBackTo ?? range.stop,
            start: range.start,
            unread: Math.max(0, state.total - state.read).toLocaleString(lang),
          })}
        />
      )}
      {layout && state && state.status !== 'running' && state.found.length === 0 && <Empty description={t('seen.none')} />}
      {layout && layout.rows.length > 0 && <SeenTimeline rows={layout.rows} ticks={layout.ticks} onOpen={setOpen} />}
      <RecordDrawer record={open ? { tab: 'alarms', row: open } : null} tab="alarms" onClose={() => setOpen(null)} />
    </div>
  );
}
