// The person's alarms on a time axis, a row per camera: each alarm is its
// capture crop placed at its time, a button that opens the alarm. The same
// alarms are listed as text under each row's name for screen readers (the
// axis is a picture of them, not the only way to reach them).
import { deviceFileUrl } from '../../../api/protocol/files';
import type { AlarmRecord } from '../../../api/protocol/records';
import type { TimelineRow, TimelineTick } from '../model/seen-timeline';
import { useRecordsT } from '../messages';

export function SeenTimeline({ rows, ticks, onOpen }: { rows: TimelineRow[]; ticks: TimelineTick[]; onOpen: (r: AlarmRecord) => void }) {
  const t = useRecordsT();
  return (
    <div className="seen-timeline" role="region" aria-label={t('seen.timeline')}>
      <div className="seen-timeline__inner">
        <div className="seen-row seen-row--axis" aria-hidden>
          <span className="seen-row__name" />
          <span className="seen-row__track">
            {ticks.map((k) => (
              <span key={k.day} className="seen-tick" style={{ left: `${k.x * 100}%` }}>
                {k.day.slice(5)}
              </span>
            ))}
          </span>
        </div>
        <ul className="seen-rows" aria-label={t('seen.cameras')}>
          {rows.map((row) => (
            <li
              key={row.channel}
              className="seen-row"
              style={{ minHeight: row.lanes * 44 + 12 }}
              aria-label={t('seen.rowLabel', { camera: row.camera, count: row.dots.length })}
            >
              <span className="seen-row__name">
                <strong>{row.camera}</strong>
                <span className="seen-row__count">{t('seen.count', { count: row.dots.length })}</span>
              </span>
              <span className="seen-row__track">
                {ticks.map((k) => (
                  <span key={k.day} className="seen-gridline" style={{ left: `${k.x * 100}%` }} aria-hidden />
                ))}
                {row.dots.map((d) => (
                  <button
                    key={d.record.snap_id}
                    type="button"
                    className="seen-dot"
                    style={{ left: `${d.x * 100}%`, top: 6 + d.lane * 44 }}
                    aria-label={t('seen.dot', { camera: row.camera, time: d.record.trigger, similarity: d.record.similarity })}
                    title={`${d.record.trigger} · ${d.record.similarity}%`}
                    onClick={() => onOpen(d.record)}
                  >
                    <img src={deviceFileUrl(d.record.snap_path)} alt="" loading="lazy" decoding="async" />
                  </button>
                ))}
              </span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
