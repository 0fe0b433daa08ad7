// Which nodes differ from the others, per setting. Each node's settings are
// read from the node (1291, 1283, 1288, 1299); a value is reduced to a key
// that is equal exactly when the device would behave the same, and the most
// common key is "the usual". Ties go to the value of the earliest node in the
// list (the fleet's own order): a choice, so two nodes out of two that differ
// still mark one of them rather than none.

export type SettingId = 'ntp' | 'timeZone' | 'timeFormat' | 'storage' | 'push' | 'web';
export const SETTINGS: readonly SettingId[] = ['ntp', 'timeZone', 'timeFormat', 'storage', 'push', 'web'];

/** What one node answered; a missing part is a read that failed (its error is the page's to show). */
export interface NodeSettings {
  ntp?: { enabled: boolean; url: string; port: string; cycle: string };
  time?: { zone: string; format: string };
  storage?: 1 | 2;
  push?: { url: string; key: string };
}

/** One node's cell in the comparison. */
export interface Cell {
  node: string;
  /** null: not read (the node is down, signed out, or the device has no query: the web switch, §6.16-6.17). */
  key: string | null;
  /** True when the node has a value and it is not the usual one. */
  differs: boolean;
}

export interface SettingRow {
  setting: SettingId;
  cells: Cell[];
  /** The usual key (null when no node was read). */
  usual: string | null;
  differing: number;
}

/**
 * The key of a setting: equal keys, same behaviour. NTP off is one value
 * whatever server it names (the device ignores it then); the push key counts
 * only with a target (no target, no push).
 */
export function settingKey(setting: SettingId, s: NodeSettings | undefined): string | null {
  if (!s) return null;
  switch (setting) {
    case 'ntp':
      if (!s.ntp) return null;
      return s.ntp.enabled ? `on|${s.ntp.url.trim().toLowerCase()}|${Number(s.ntp.port)}|${Number(s.ntp.cycle)}` : 'off';
    case 'timeZone':
      return s.time ? s.time.zone : null;
    case 'timeFormat':
      return s.time ? s.time.format : null;
    case 'storage':
      return s.storage === undefined ? null : String(s.storage);
    case 'push':
      if (!s.push) return null;
      return s.push.url.trim() === '' ? 'off' : `${s.push.url.trim()}|${s.push.key}`;
    case 'web':
      // The device answers no query for it: never compared.
      return null;
  }
}

export function compareSetting(
  setting: SettingId,
  nodes: readonly string[],
  read: Readonly<Record<string, NodeSettings | undefined>>,
): SettingRow {
  const keys = nodes.map((node) => ({ node, key: settingKey(setting, read[node]) }));
  const counts = new Map<string, number>();
  for (const { key } of keys) if (key !== null) counts.set(key, (counts.get(key) ?? 0) + 1);
  let usual: string | null = null;
  // Map keeps first-seen order, so a tie keeps the earliest node's value.
  for (const [key, n] of counts) if (usual === null || n > counts.get(usual)!) usual = key;
  const cells = keys.map(({ node, key }) => ({ node, key, differs: key !== null && key !== usual }));
  return { setting, cells, usual, differing: cells.filter((c) => c.differs).length };
}

export function compareAll(nodes: readonly string[], read: Readonly<Record<string, NodeSettings | undefined>>): SettingRow[] {
  return SETTINGS.map((s) => compareSetting(s, nodes, read));
}
