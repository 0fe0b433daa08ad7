// The restart overlay's state machine, free of React and timers so it can be
// tested step by step. After the device accepts a restarting request (reboot
// §6.12, upgrade §6.11, restore defaults §6.15, HTTPS switch §8.4) we watch it:
// first it must go away ('leaving'), then come back ('down' until it answers),
// then the user logs in again ('back'). Past the deadline the overlay says what
// to check, and keeps watching.

export type RestartReason = 'reboot' | 'reset' | 'upgrade' | 'https' | 'http';

/**
 * What one poll of 1281 saw. We poll with the session we had: a device that
 * still knows it has not restarted yet ('same-session'); one that answers -141
 * has forgotten every session, so it went through a restart ('new-session');
 * any other answer is a device that is up. No answer at all: 'unreachable'.
 */
export type ProbeResult = 'same-session' | 'new-session' | 'unreachable';

export type RestartPhase = 'leaving' | 'down' | 'back';

export interface RestartState {
  reason: RestartReason;
  phase: RestartPhase;
  startedAt: number;
  downAt: number | null;
  backAt: number | null;
  deadline: number;
  /** Past the deadline and not back: say what to check. */
  late: boolean;
}

export type RestartEvent =
  | { type: 'probe'; result: ProbeResult; at: number }
  | { type: 'tick'; at: number }
  | { type: 'waitLonger'; at: number };

/**
 * How long before we say something is wrong. An upgrade writes the firmware
 * before it restarts, so it gets longer. The reference gives no durations.
 */
export const RESTART_LIMIT_MS: Record<RestartReason, number> = {
  reboot: 3 * 60_000,
  reset: 3 * 60_000,
  https: 3 * 60_000,
  http: 3 * 60_000,
  upgrade: 10 * 60_000,
};
/** "Keep waiting" adds this much. */
export const RESTART_EXTEND_MS = 3 * 60_000;
/** How often the overlay polls; each poll gives up after PROBE_TIMEOUT_MS (a hung connection is a device away). */
export const PROBE_INTERVAL_MS = 2_000;
export const PROBE_TIMEOUT_MS = 4_000;

export function startRestart(reason: RestartReason, at: number, limits = RESTART_LIMIT_MS): RestartState {
  return { reason, phase: 'leaving', startedAt: at, downAt: null, backAt: null, deadline: at + limits[reason], late: false };
}

export function restartReducer(state: RestartState, event: RestartEvent): RestartState {
  if (state.phase === 'back') return state;
  switch (event.type) {
    case 'probe':
      if (event.result === 'unreachable') {
        return state.phase === 'leaving' ? { ...state, phase: 'down', downAt: event.at } : state;
      }
      // Still our session and never seen away: the restart has not begun yet.
      if (state.phase === 'leaving' && event.result === 'same-session') return state;
      // It answers after being away, or forgot our session (we missed it being away).
      return { ...state, phase: 'back', backAt: event.at, late: false };
    case 'tick':
      return !state.late && event.at >= state.deadline ? { ...state, late: true } : state;
    case 'waitLonger':
      return { ...state, late: false, deadline: event.at + RESTART_EXTEND_MS };
  }
}
