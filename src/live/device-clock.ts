// The device's clock as the console knows it: from the device's own word, its
// time (1283, §6.6) and the triggers it pushes (§9.2). The browser's clock only
// measures how much time passed; it is never taken for the device's time.
//
// The device's clock can step either way (its zone set and corrected, NTP,
// someone setting it), so its triggers are not one timeline. The clock keeps
// epochs, one per step, and maps every trigger onto the browser's timeline
// (`at`), which only moves forward: the wall orders by it, so alarms recorded
// while the clock ran an hour ahead do not stay on top of current ones.
import { parseDeviceTime } from '../api/protocol/device-time';

/**
 * A difference this large between where the device's clock should be and where
 * it says it is, is a step; less is whole-second triggers, a push in flight or
 * a slow answer.
 */
export const STEP_TOLERANCE_MS = 5000;
/** Epochs remembered for mapping history alarms onto our timeline. */
const EPOCHS_MAX = 16;

/** The device's clock stepped back (forward steps lose nothing: later alarms still sort later). */
export interface ClockStepBack {
  /** Where the device's clock would be now without the step (device ms). */
  readonly expected: number;
  /** Where it is now. */
  readonly actual: number;
  /** The earliest the new clock can have started: `actual` minus the time since the old clock was last seen. */
  readonly newFrom: number;
}

interface Epoch {
  /** Our clock minus the device's, in this epoch (ms). */
  readonly offset: number;
  /** The device times seen in this epoch. */
  from: number;
  to: number;
}

export class DeviceClock {
  /** Newest last. */
  private epochs: Epoch[] = [];
  /** The device's time at `anchorLocal` (ms, wall time read as UTC). */
  private anchorDevice = 0;
  private anchorLocal = 0;
  /** Our clock when the current epoch was last confirmed. */
  private confirmedAt = 0;

  constructor(private readonly localNow: () => number) {}

  get known(): boolean {
    return this.epochs.length > 0;
  }

  /** The device's time now (device ms), or null before it said anything. */
  now(): number | null {
    return this.known ? this.anchorDevice + (this.localNow() - this.anchorLocal) : null;
  }

  private current(): Epoch | undefined {
    return this.epochs[this.epochs.length - 1];
  }

  private anchor(device: number, local: number): void {
    this.anchorDevice = device;
    this.anchorLocal = local;
    this.confirmedAt = local;
  }

  /**
   * A new epoch, keeping our timeline continuous across the step. Its device
   * time `from` is after everything the last epoch saw, so it never maps
   * before the last epoch's newest trigger: both offsets come from whole
   * seconds, and a second's error either way would swap alarms a moment apart.
   */
  private begin(device: number, local: number, from = device): void {
    const last = this.current();
    const offset = last ? Math.max(local - device, last.to + last.offset - from) : local - device;
    this.epochs.push({ offset, from, to: device });
    if (this.epochs.length > EPOCHS_MAX) this.epochs.shift();
    this.anchor(device, local);
  }

  /**
   * A live push's trigger. A trigger ahead of our estimate moves it forward
   * (a forward step beyond the tolerance starts an epoch). One far behind is a
   * step back or a push very late: 'behind', for the caller to ask the device.
   */
  observeTrigger(trigger: string): 'ok' | 'behind' {
    const t = parseDeviceTime(trigger);
    if (t === null) return 'ok';
    const local = this.localNow();
    const expected = this.now();
    if (expected === null) {
      this.begin(t, local);
      return 'ok';
    }
    if (t < expected - STEP_TOLERANCE_MS) return 'behind';
    if (t > expected + STEP_TOLERANCE_MS) this.begin(t, local);
    else if (t > expected) this.anchor(t, local);
    else this.confirmedAt = local;
    const e = this.current()!;
    e.to = Math.max(e.to, t);
    return 'ok';
  }

  /**
   * The device's own time (1283), answered at our `local`. Returns the step
   * back it reveals, if any; a step forward just starts an epoch.
   */
  observeTime(sysTime: string, local = this.localNow()): ClockStepBack | null {
    const t = parseDeviceTime(sysTime);
    if (t === null) return null;
    const expected = this.now();
    if (expected === null) {
      this.begin(t, local);
      return null;
    }
    // Expected at `local`, which may be a little before now.
    const expectedThen = expected - (this.localNow() - local);
    if (t < expectedThen - STEP_TOLERANCE_MS) return this.stepBack(t, expectedThen, local);
    if (t > expectedThen + STEP_TOLERANCE_MS) this.begin(t, local);
    // The device's second is truncated: its clock is at least t.
    else if (t > expectedThen) this.anchor(t, local);
    else this.confirmedAt = local;
    return null;
  }

  /** Take a trigger (or a time) far behind as the clock stepped back to it, when the device cannot be asked. */
  stepBackTo(trigger: string): ClockStepBack | null {
    const t = parseDeviceTime(trigger);
    const expected = this.now();
    if (t === null || expected === null) return null;
    return this.stepBack(t, expected, this.localNow());
  }

  private stepBack(actual: number, expected: number, local: number): ClockStepBack {
    const newFrom = actual - Math.max(0, local - this.confirmedAt);
    this.begin(actual, local, newFrom);
    return { expected, actual, newFrom };
  }

  /**
   * Our clock's time (ms) of a trigger, for ordering and ages. A live one is
   * of the current epoch. A history one is of the newest epoch whose span
   * holds it, else of the newest that began before it (a forward step leaves
   * a span of device time that no alarm carries), else of the oldest.
   */
  at(trigger: string, live: boolean): number {
    const t = parseDeviceTime(trigger) ?? 0;
    const cur = this.current();
    if (!cur) return t;
    if (live) return t + cur.offset;
    const nowT = this.now()!;
    for (let i = this.epochs.length - 1; i >= 0; i--) {
      const e = this.epochs[i]!;
      const to = e === cur ? nowT : e.to;
      if (t >= e.from - STEP_TOLERANCE_MS && t <= to + STEP_TOLERANCE_MS) return t + e.offset;
    }
    for (let i = this.epochs.length - 1; i >= 0; i--) {
      const e = this.epochs[i]!;
      if (t >= e.from) return t + e.offset;
    }
    return t + this.epochs[0]!.offset;
  }
}
