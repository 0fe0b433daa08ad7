// One setting, sent to each chosen node; each node's outcome kept apart. The
// forms have checked the values (src/api/settings/settings-rules.ts); the
// device may still refuse (-3614 NTP server unreachable, …): that is the
// node's outcome, in words through the error mapping.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { callOn } from '../../../api/device';
import { setHttpPush } from '../../../api/protocol/push';
import { disableWeb, enableWeb, getTime, setNtp, setStorage, setTime } from '../../../api/protocol/system';
import { timeToSend, type TimeFormat } from '../../../api/settings/time';
import { fleetOpsQueries } from './fleet-ops-queries';

export type SettingChange =
  | { setting: 'ntp'; enabled: boolean; url: string; port: number; cycle: number }
  | { setting: 'time'; zone: string; format: TimeFormat }
  | { setting: 'storage'; strategy: 1 | 2 }
  | { setting: 'push'; url: string; key: string }
  | { setting: 'web'; enabled: boolean };

/**
 * At most this many nodes are written at once: every node goes through the
 * console's one origin, and a browser keeps about six HTTP/1.1 connections to
 * an origin; more would only queue in the browser.
 */
export const APPLY_PARALLEL = 6;
const NODE_TIMEOUT_MS = 15_000;

export async function applyOn(node: string, change: SettingChange, now: () => number = Date.now): Promise<void> {
  const call = callOn(node, { wait: false });
  const s = { signal: AbortSignal.timeout(NODE_TIMEOUT_MS) };
  switch (change.setting) {
    case 'ntp':
      await call(
        setNtp,
        { url: change.url.trim(), port: String(change.port), ntp_cycle: String(change.cycle), ntp_disable: change.enabled ? '0' : '1' },
        s,
      );
      return;
    case 'time': {
      // §6.7 sets the clock with the zone: each node keeps its own instant, written in the new zone.
      const time = await call(getTime, {}, s);
      const sysTime = timeToSend('device', change.zone, {
        deviceWire: time.sys_time,
        deviceZone: time.time_zone,
        manual: null,
        now: now(),
      });
      await call(setTime, { sys_time: sysTime ?? time.sys_time, time_zone: change.zone, time_format: change.format }, s);
      return;
    }
    case 'storage':
      await call(setStorage, { storage_strategy: change.strategy }, s);
      return;
    case 'push':
      await call(setHttpPush, { url: change.url.trim(), key: change.key }, s);
      return;
    case 'web':
      await call(change.enabled ? enableWeb : disableWeb, {}, s);
      return;
  }
}

export type Outcome = { state: 'sending' } | { state: 'ok' } | { state: 'failed'; error: unknown };

/** Runs `work` on every item, at most `limit` at a time, in order. */
export async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(lanes);
}

/** One form's apply: the outcome per node, as each answers. */
export function useApplySetting() {
  const queryClient = useQueryClient();
  const [outcomes, setOutcomes] = useState<Readonly<Record<string, Outcome>>>({});
  const [change, setChange] = useState<SettingChange | null>(null);
  const apply = useCallback(
    async (nodes: readonly string[], next: SettingChange, { retry = false }: { retry?: boolean } = {}) => {
      setChange(next);
      // A retry keeps the other nodes' outcomes; a new apply starts afresh.
      const sending = Object.fromEntries(nodes.map((n) => [n, { state: 'sending' } as const]));
      setOutcomes((o) => (retry ? { ...o, ...sending } : sending));
      const done: Record<string, Outcome> = {};
      await eachLimited(nodes, APPLY_PARALLEL, async (node) => {
        let outcome: Outcome;
        try {
          await applyOn(node, next);
          outcome = { state: 'ok' };
        } catch (error) {
          outcome = { state: 'failed', error };
        }
        done[node] = outcome;
        setOutcomes((o) => ({ ...o, [node]: outcome }));
        await queryClient.invalidateQueries({ queryKey: fleetOpsQueries.settings(node).queryKey });
      });
      return done;
    },
    [queryClient],
  );
  const failed = Object.entries(outcomes)
    .filter(([, o]) => o.state === 'failed')
    .map(([n]) => n);
  const sending = Object.values(outcomes).some((o) => o.state === 'sending');
  return { apply, outcomes, change, failed, sending };
}
