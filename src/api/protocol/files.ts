// The device's stored files (pictures §3.6 / §9.2, exports §3.11 / §7.4) are
// answered as paths on the device; the console fetches them at GET /ws/<path>
// through the proxy (or the device serving its own console). Each segment is
// encoded, so a name with spaces or '#' stays one path.

// Several nodes: the node the page is about has its files under /node/<id>
// (src/session/node-store.ts sets it; the emulator never does).
let fileBase = '';
export function setDeviceFileBase(base: string): void {
  fileBase = base;
}
export function deviceFileBase(): string {
  return fileBase;
}

/** The URL of a file the device named by its path (leading slashes dropped); `base`: another node's (the merged wall). */
export function deviceFileUrl(devicePath: string, base = fileBase): string {
  return `${base}/ws/${devicePath.replace(/^\/+/, '').split('/').map(encodeURIComponent).join('/')}`;
}
