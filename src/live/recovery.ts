// Over 400 lines on purpose: gap, baseline, backfill and the check share one position, one dedupe set and one clock.
// What the push did not deliver, read from the alarm history (1036, §3.16):
// after a gap (drop, restart, expiry, sleep) the gap's alarms, and while live,
// every `auditMs`, the alarms the device stored but never pushed (it may drop
// pushes to a slow subscriber without closing the socket). No socket here:
// the connection tells it when it is live and hands it each capture.
//
// Positions are device times, and the device's clock may step either way
// (device-clock.ts). Each gap and check is bounded by the device's own time
// (1283): history alarms stamped ahead of the device's clock were recorded
// while it ran ahead, and are not news.
import type { Call } from '../api/client';
import { formatDeviceTime, shiftDeviceTime } from '../api/protocol/device-time';
import { QUERY_MAX } from '../api/protocol/limits';
import { queryAlarms, type AlarmRecord } from '../api/protocol/records';
import { getTime } from '../api/protocol/system';
import { STEP_TOLERANCE_MS, type ClockStepBack, type DeviceClock } from './device-clock';
import { fromAlarmRecord, type LiveEvent } from './live-event';

/** Snap ids remembered for dedupe: well above what a backfill can return. */
const SEEN_MAX = 10_000;
/**
 * The check leaves out the device's last seconds: the push sends in capture
 * order, so older alarms that have not come by then never will.
 */
const AUDIT_SETTLE_S = 5;

export interface RecoveryStats {
  received: number;
  backfilled: number;
  duplicates: number;
  beyondBackfill: number;
  recovered: number;
}

export interface RecoveryDeps {
  call: Call;
  clock: DeviceClock;
  now: () => number;
  /** Aborted on stop. */
  signal: () => AbortSignal;
  running: () => boolean;
  live: () => boolean;
  emit: (event: LiveEvent) => void;
  stats: RecoveryStats;
  statsChanged: () => void;
  log: (message: string) => void;
  /** A backfill reads at most this many pages of QUERY_MAX (per window), the newest of it. */
  maxPages: number;
  /** A failed backfill while live is retried after this. */
  backfillRetryMs: number;
  /** The check's period: the quiet node is left alone this long (plus the settling) after its last alarm. */
  auditMs: number;
}

/** A span of device time to read, both ends inclusive; null: unbounded. */
interface Window {
  readonly from: string | null;
  readonly to: string | null;
}

/**
 * What is missing: from `from` (null: all the history) to the device's time
 * when the backfill runs, and spans of earlier clock epochs (`windows`).
 */
interface Gap {
  from: string | null;
  windows: Window[];
}

export interface Recovery {
  /** A live capture; false when it was seen already. */
  onPush(event: LiveEvent): boolean;
  /** A live capture's trigger, first: our time (ms) of it, for ordering. */
  observe(trigger: string, receivedAt: number): number;
  /** Something may have been missed from here on. */
  markGap(): void;
  /** The socket acked: read what the gap missed, or find where history ends. */
  onLive(): void;
  backfill(): Promise<void>;
  audit(): Promise<void>;
  /** Stopped: timers off, the check forgets its window; what comes next is a gap. */
  stop(): void;
}

const fmt = formatDeviceTime;
// Stable: same-second alarms keep the device's order.
const byTrigger = (a: AlarmRecord, b: AlarmRecord) => (a.trigger < b.trigger ? -1 : a.trigger > b.trigger ? 1 : 0);

export function createRecovery(deps: RecoveryDeps): Recovery {
  const { call, clock, now, stats, log } = deps;
  const seen = new Map<string, true>();

  /**
   * The newest trigger seen in the device's current clock epoch. null means
   * "history was empty when we looked", so after a gap everything in it is new;
   * `cursorKnown` false means we have no position yet.
   */
  let cursor: string | null = null;
  let cursorKnown = false;
  /** Our clock when the newest alarm seen last changed. */
  let cursorMovedAt = 0;
  let gap: Gap | undefined;
  let gapSerial = 0;
  /** A gap that opened while a backfill paged; undefined when none did. */
  let nextGap: Gap | undefined;
  let backfilling = false;
  /** The running backfill has taken its windows: a step now is for the next one. */
  let paging = false;
  let backfillAgain = false;
  let backfillTimer: ReturnType<typeof setTimeout> | null = null;
  /** A trigger far behind the device's clock is being checked against 1283. */
  let confirming = false;
  /**
   * The check's window starts here (null: at the next check); the alarms passed
   * on since, by trigger. Only a face with a match: what 1036 holds.
   */
  let auditFrom: string | null = null;
  const alarmsAt = new Map<string, number>();
  let auditing = false;
  /** Our time of the newest live alarm. */
  let lastLiveAt = Number.NEGATIVE_INFINITY;

  function remember(snapId: string): boolean {
    if (seen.has(snapId)) return false;
    seen.set(snapId, true);
    if (seen.size > SEEN_MAX) {
      const oldest = seen.keys().next();
      if (!oldest.done) seen.delete(oldest.value);
    }
    return true;
  }

  /** A history alarm stamped ahead of the device's clock belongs to a span it ran ahead: not a position. */
  function ahead(trigger: string): boolean {
    const t = clock.now();
    return t !== null && trigger > fmt(t + STEP_TOLERANCE_MS);
  }

  function advance(trigger: string): void {
    if (!cursorKnown || cursor === null || trigger > cursor) {
      cursor = trigger;
      cursorMovedAt = now();
    }
    cursorKnown = true;
  }

  function emit(event: LiveEvent): void {
    if (auditFrom !== null && event.kind === 'face' && event.match !== null && event.trigger >= auditFrom) {
      alarmsAt.set(event.trigger, (alarmsAt.get(event.trigger) ?? 0) + 1);
    }
    deps.emit(event);
  }

  function markGap(): void {
    gapSerial++;
    if (gap === undefined) {
      if (cursorKnown) gap = { from: cursor, windows: [] };
    } else if (backfilling && nextGap === undefined && cursorKnown) {
      // A new gap while a backfill pages: once that backfill is done, only
      // what came after this point is missing (read again from the first gap,
      // every backfill of a flapping socket would re-read, and re-count, the lot).
      nextGap = { from: cursor, windows: [] };
    }
  }

  /**
   * The device's clock went back. The old clock's last stretch (from where we
   * were to where it had got, a little over) and the new clock's from its
   * earliest possible start are both to be read; positions start again in the new epoch.
   */
  function onStepBack(step: ClockStepBack): void {
    log(`live: the device's clock went back from ${fmt(step.expected)} to ${fmt(step.actual)}`);
    const oldTo = fmt(step.expected + STEP_TOLERANCE_MS);
    // Where the old clock's unread stretch begins: the pending gap's start, else what the check has not covered.
    const oldFrom = gap ? gap.from : auditFrom !== null && cursor !== null && auditFrom < cursor ? auditFrom : cursor;
    const known = gap !== undefined || cursorKnown;
    const target = paging ? (nextGap ??= { from: null, windows: [] }) : (gap ??= { from: null, windows: [] });
    if (known) target.windows.push({ from: oldFrom, to: oldTo });
    target.from = fmt(step.newFrom);
    gapSerial++;
    cursor = fmt(step.newFrom);
    cursorKnown = true;
    cursorMovedAt = now();
    auditFrom = null;
    alarmsAt.clear();
    if (paging) backfillAgain = true;
    else if (!backfilling && deps.live()) void backfill();
  }

  /** The device's time (1283), which also tells of a step; null when it cannot be asked. */
  async function readClock(): Promise<number | null> {
    try {
      const answer = await call(getTime, {}, { signal: deps.signal() });
      const step = clock.observeTime(answer.sys_time, now());
      if (step) onStepBack(step);
      return clock.now();
    } catch (e) {
      if (deps.running()) log(`live: cannot read the device's time: ${String(e)}`);
      return null;
    }
  }

  /**
   * A live capture's trigger, before the capture is built: tells the clock,
   * and gives our time of it. Live alarms come in the order they happened, so
   * that time never goes back.
   */
  function observe(trigger: string, receivedAt: number): number {
    if (clock.observeTrigger(trigger) === 'behind' && !confirming) {
      // Far behind the device's clock: a push very late, or the clock stepped back. The device says which.
      log(`live: ${trigger} is far behind the device's clock (${fmt(clock.now() ?? 0)}): asking it`);
      confirming = true;
      void (async () => {
        try {
          const answer = await call(getTime, {}, { signal: deps.signal() });
          const step = clock.observeTime(answer.sys_time, now());
          if (step) onStepBack(step);
        } catch {
          const step = clock.stepBackTo(trigger);
          if (step && deps.running()) onStepBack(step);
        } finally {
          confirming = false;
        }
      })();
    }
    // While a step back is being confirmed, arrival is the best guess of when.
    const at = confirming ? receivedAt : clock.at(trigger, true);
    lastLiveAt = Math.max(lastLiveAt, at);
    return lastLiveAt;
  }

  function onPush(event: LiveEvent): boolean {
    if (!confirming) advance(event.trigger);
    if (!remember(event.snapId)) {
      stats.duplicates++;
      return false;
    }
    stats.received++;
    emit(event);
    return true;
  }

  function onLive(): void {
    if (gap !== undefined) void backfill();
    else if (!cursorKnown) void baseline();
  }

  /**
   * The first time live with no alarm seen: where does history end now? The
   * reference does not say which way 1036 sorts (§3.16: "by capture time"),
   * so we read both ends and take the later trigger, no later than the
   * device's clock.
   */
  async function baseline(): Promise<void> {
    const serial = gapSerial;
    try {
      const deviceNow = await readClock();
      const first = await call(queryAlarms, { start_no: 1, qry_len: 1 }, { signal: deps.signal() });
      const ends = [...first.record];
      if (first.total_num > 1) {
        const last = await call(queryAlarms, { start_no: first.total_num, qry_len: 1 }, { signal: deps.signal() });
        ends.push(...last.record);
      }
      // Asked before the ends: if a gap opened meanwhile, an alarm stamped from that second on may be news.
      const before = deviceNow === null ? null : fmt(deviceNow);
      const raced = serial !== gapSerial;
      let latest: string | null = null;
      for (const r of ends) {
        if (latest === null || r.trigger > latest) latest = r.trigger;
        // Old news: the backfill's one-second overlap must not bring them back.
        if (!raced || before === null || r.trigger < before) remember(r.snap_id);
      }
      // Stamped ahead of the clock: recorded while it ran ahead, earlier. History up to now is before our time.
      if (before !== null && latest !== null && latest > before) latest = before;
      if (!deps.running() || cursorKnown) return;
      cursor = latest;
      cursorKnown = true;
      // A gap while we were asking: what came after the baseline was missed.
      if (serial !== gapSerial) {
        gap = { from: cursor, windows: [] };
        if (deps.live()) void backfill();
      }
    } catch (e) {
      log(`live: no history baseline: ${String(e)}`);
    }
  }

  /**
   * The alarm history in a window (from one second early), oldest first, and
   * how many of it there were. Past the budget, the newest are read: §3.16
   * says 1036 sorts "by capture time" but not which way, so the first page
   * tells, and an oldest-first device is read from its end.
   */
  async function fetchWindow(w: Window): Promise<{ records: AlarmRecord[]; total: number }> {
    // One second early: the reference does not say whether start_time is inclusive; duplicates are dropped by snap_id.
    const startTime = w.from === null ? undefined : shiftDeviceTime(w.from, -1);
    const to = w.to ?? undefined;
    const page = (startNo: number) =>
      call(
        queryAlarms,
        { ...(startTime ? { start_time: startTime } : {}), ...(to ? { stop_time: to } : {}), start_no: startNo, qry_len: QUERY_MAX },
        { signal: deps.signal() },
      );
    const budget = deps.maxPages * QUERY_MAX;
    const first = await page(1);
    let total = first.total_num;
    // Newest first (as the emulator answers) unless the first page says otherwise.
    const oldestFirst = first.record.length > 1 && first.record[0]!.trigger < first.record[first.record.length - 1]!.trigger;
    const from1 = !(oldestFirst && total > budget);
    const out: AlarmRecord[] = from1 ? [...first.record] : [];
    let startNo = from1 ? 1 + QUERY_MAX : total - budget + 1;
    let pages = from1 ? 1 : 0;
    let more = !from1 || first.record.length === QUERY_MAX;
    // While we page, the device keeps storing alarms: newest first, they push
    // the gap's oldest down the list, so read on to the end as it is now.
    while (more && pages < deps.maxPages && startNo <= total) {
      const answer = await page(startNo);
      out.push(...answer.record);
      pages++;
      startNo += QUERY_MAX;
      total = Math.max(total, answer.total_num);
      more = answer.record.length === QUERY_MAX;
    }
    const kept = startTime ? out.filter((r) => r.trigger >= startTime) : out;
    return { records: kept.sort(byTrigger), total };
  }

  /** Overlapping windows read once. */
  function merged(windows: readonly Window[]): Window[] {
    const out: Window[] = [];
    for (const w of windows) {
      const i = out.findIndex(
        (o) => (o.to === null || w.from === null || w.from <= o.to) && (w.to === null || o.from === null || o.from <= w.to),
      );
      if (i < 0) {
        out.push(w);
        continue;
      }
      const o = out[i]!;
      out[i] = {
        from: o.from === null || w.from === null ? null : o.from < w.from ? o.from : w.from,
        to: o.to === null || w.to === null ? null : o.to > w.to ? o.to : w.to,
      };
    }
    return out;
  }

  async function backfill(): Promise<void> {
    if (gap === undefined) return;
    if (backfilling) {
      backfillAgain = true;
      return;
    }
    backfilling = true;
    nextGap = undefined;
    if (backfillTimer) clearTimeout(backfillTimer);
    backfillTimer = null;
    try {
      // The device's time bounds what the gap can hold (and may show that its clock stepped).
      const deviceNow = await readClock();
      if (!deps.running() || gap === undefined) return;
      const serial = gapSerial;
      const g = gap;
      paging = true;
      const windows = merged([...g.windows, { from: g.from, to: deviceNow === null ? null : fmt(deviceNow + 1000) }]);
      // The check goes on from the device's time now: what this backfill reads
      // and what the push brings meanwhile is counted, so a push dropped right
      // after the gap is still looked for. What the budget leaves out is not "missing".
      auditFrom = deviceNow === null ? null : fmt(deviceNow);
      alarmsAt.clear();
      // Window by window, the old clock's first: each in trigger order.
      const records: AlarmRecord[] = [];
      let beyond = 0;
      for (const w of windows) {
        const got = await fetchWindow(w);
        records.push(...got.records.sort(byTrigger));
        beyond += Math.max(0, got.total - deps.maxPages * QUERY_MAX);
      }
      if (!deps.running()) return;
      // What the budget left out: the oldest of a long gap, in the alarm search only.
      if (beyond > 0) {
        stats.beyondBackfill += beyond;
        log(`live: ${beyond} alarms of the gap are left to the alarm search`);
      }
      // A new gap opened while we paged: keep it pending for the next ack.
      if (serial === gapSerial) gap = undefined;
      else if (nextGap !== undefined) gap = nextGap;
      const changed = passOnHistory(records) > 0;
      if (changed || beyond > 0) deps.statsChanged();
    } catch (e) {
      if (!deps.running()) return;
      log(`live: backfill failed: ${String(e)}`);
      // The next ack or resume() retries; while live, a timer does.
      if (deps.live()) {
        backfillTimer = setTimeout(() => {
          backfillTimer = null;
          void backfill();
        }, deps.backfillRetryMs);
      }
    } finally {
      backfilling = false;
      paging = false;
      nextGap = undefined;
      if (backfillAgain && deps.running()) {
        backfillAgain = false;
        void backfill();
      }
    }
  }

  /** History alarms not seen yet, passed on as backfilled (in the order given); how many. */
  function passOnHistory(records: readonly AlarmRecord[]): number {
    const at = now();
    let n = 0;
    for (const r of records) {
      if (!remember(r.snap_id)) {
        stats.duplicates++;
        continue;
      }
      if (!ahead(r.trigger)) advance(r.trigger);
      stats.backfilled++;
      n++;
      emit(fromAlarmRecord(r, at, clock.at(r.trigger, false)));
    }
    return n;
  }

  /**
   * While live: does the history hold more alarms in the window than the push
   * gave us? Then read the window and pass on the missing ones. One 1036 of a
   * single row per check when nothing is missing.
   */
  async function audit(): Promise<void> {
    if (!deps.live() || auditing || backfilling || confirming || gap !== undefined || !cursorKnown || cursor === null) return;
    const deviceNow = clock.now();
    if (deviceNow === null) return;
    if (auditFrom === null) {
      // Nothing after the newest alarm seen has been passed on yet: count from there.
      auditFrom = shiftDeviceTime(cursor, 1);
      alarmsAt.clear();
      return;
    }
    const from = auditFrom;
    // Some seconds after the stream stops, one more window covers its tail
    // (drops happen under load, so at the end of a busy spell); then a quiet
    // node is asked nothing.
    if (now() - cursorMovedAt > deps.auditMs + 2 * AUDIT_SETTLE_S * 1000) return;
    const to = fmt(deviceNow - AUDIT_SETTLE_S * 1000);
    if (to < from) return;
    const serial = gapSerial;
    // A gap, a backfill, a step or a stop meanwhile: that window is theirs now.
    const stale = () => !deps.running() || serial !== gapSerial || auditFrom !== from;
    auditing = true;
    try {
      const answer = await call(queryAlarms, { start_time: from, stop_time: to, start_no: 1, qry_len: 1 }, { signal: deps.signal() });
      if (stale()) return;
      let ours = 0;
      for (const [trigger, n] of alarmsAt) if (trigger >= from && trigger <= to) ours += n;
      if (answer.total_num > ours) {
        log(`live: the history holds ${answer.total_num} alarms from ${from} to ${to}, the push gave ${ours}: reading them`);
        const { records } = await fetchWindow({ from, to });
        if (stale()) return;
        const found = passOnHistory(records.filter((r) => r.trigger >= from));
        stats.recovered += found;
        if (found > 0) deps.statsChanged();
      }
      auditFrom = shiftDeviceTime(to, 1);
      for (const trigger of alarmsAt.keys()) if (trigger < auditFrom) alarmsAt.delete(trigger);
    } catch (e) {
      // The next check tries the same window again.
      if (deps.running()) log(`live: the check against the history failed: ${String(e)}`);
    } finally {
      auditing = false;
    }
  }

  function stop(): void {
    if (backfillTimer) clearTimeout(backfillTimer);
    backfillTimer = null;
    auditFrom = null;
    alarmsAt.clear();
    // Whatever comes while stopped is a gap for the next start().
    markGap();
  }

  return { observe, onPush, markGap, onLive, backfill, audit, stop };
}
