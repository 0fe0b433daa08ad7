// The feature's own paths, built on the section's root in src/app/paths.ts.
import { paths } from '../../app/paths';

export const libraryPaths = {
  list: paths.libraries,
  gallery: (libId: number | string) => `${paths.libraries}/${libId}`,
  import: (libId: number | string) => `${paths.libraries}/${libId}/import`,
} as const;

/** A stored picture, an export or a report on the device, through the proxy (§3.6, §3.11). */
export function deviceFileUrl(devicePath: string): string {
  return `/ws/${devicePath.replace(/^\/+/, '').split('/').map(encodeURIComponent).join('/')}`;
}
