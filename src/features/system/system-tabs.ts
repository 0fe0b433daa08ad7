// The system page's tabs, in order; the URL's ?tab= names one.
export const SYSTEM_TABS = ['overview', 'time', 'network', 'storage', 'push', 'access', 'maintenance'] as const;
export type SystemTab = (typeof SYSTEM_TABS)[number];

export function systemTabOf(raw: string | null): SystemTab {
  return (SYSTEM_TABS as readonly string[]).includes(raw ?? '') ? (raw as SystemTab) : 'overview';
}
