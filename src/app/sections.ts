// The console's pages, in the navigation's order: the router gives each its
// title from here and the sider adds an icon. A new page replaces its route's
// `lazy` in router.tsx; its entry here stays.
import type { MessageKey } from '../i18n';
import { paths } from '../config/paths';

export interface Section {
  path: string;
  titleKey: MessageKey;
}

export const SECTIONS = [
  { path: paths.overview, titleKey: 'nav.overview' },
  { path: paths.libraries, titleKey: 'nav.libraries' },
  { path: paths.cameras, titleKey: 'nav.cameras' },
  { path: paths.records, titleKey: 'nav.records' },
  { path: paths.faceSearch, titleKey: 'nav.faceSearch' },
  { path: paths.alarmWall, titleKey: 'nav.alarmWall' },
  { path: paths.system, titleKey: 'nav.system' },
] as const satisfies readonly Section[];

/** The section a location belongs to: the longest path that prefixes it. */
export function sectionOf(pathname: string): Section | undefined {
  let best: Section | undefined;
  for (const s of SECTIONS as readonly Section[]) {
    const inside = s.path === '/' ? pathname === '/' : pathname === s.path || pathname.startsWith(`${s.path}/`);
    if (inside && (!best || s.path.length > best.path.length)) best = s;
  }
  return best;
}
