// Where a record leads. Other features are reached by path only (features do
// not import each other): the libraries feature reads /libraries/<lib_id> with
// ?img_id= to open one person, the face search reads ?snap=<device path> to
// take its probe photo from the device.
import { paths } from '../../app/paths';

/** A stored picture or export on the device, through the proxy (§3.6, §3.11, §7.4). */
export function deviceFileUrl(devicePath: string): string {
  return `/ws/${devicePath.replace(/^\/+/, '').split('/').map(encodeURIComponent).join('/')}`;
}

export function galleryLink(libId: number, imgId?: string): string {
  const base = `${paths.libraries}/${libId}`;
  return imgId ? `${base}?${new URLSearchParams({ img_id: imgId })}` : base;
}

export function faceSearchLink(snapPath: string): string {
  return `${paths.faceSearch}?${new URLSearchParams({ snap: snapPath })}`;
}
