// Paths this feature links to or reads. The libraries feature opens one person
// at /libraries/<lib_id>?img_id=<img_id>; the records feature sends a snapshot
// here as ?snap=<device path> (features do not import each other).
import { paths } from '../../app/paths';

export type SearchMode = 'search' | 'compare' | 'detect';
export const SEARCH_MODES: readonly SearchMode[] = ['search', 'compare', 'detect'];

/** A stored picture on the device, through the proxy (§3.6). */
export function deviceFileUrl(devicePath: string): string {
  return `/ws/${devicePath.replace(/^\/+/, '').split('/').map(encodeURIComponent).join('/')}`;
}

export function galleryLink(libId: number, imgId: string): string {
  return `${paths.libraries}/${libId}?${new URLSearchParams({ img_id: imgId })}`;
}

/** This page searching one of the device's pictures. */
export function searchWithDevicePhoto(devicePath: string): string {
  return `${paths.faceSearch}?${new URLSearchParams({ snap: devicePath })}`;
}
