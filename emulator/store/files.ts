// Pictures and export files, kept under <data>/files and served at /ws/<path>
// as the device serves img_path and snap_path (§3.6, §7.4).
import fs from 'node:fs';
import path from 'node:path';

export class FileStore {
  readonly root: string;
  constructor(dataDir: string) {
    this.root = path.join(dataDir, 'files');
    fs.mkdirSync(this.root, { recursive: true });
  }

  /** The absolute file for a device path, or null if the path leaves the store. */
  resolve(devicePath: string): string | null {
    const clean = path.posix.normalize(devicePath.replace(/^\/+/, ''));
    if (clean.startsWith('..') || clean.includes('\0')) return null;
    const full = path.join(this.root, clean);
    return full.startsWith(this.root + path.sep) ? full : null;
  }

  write(devicePath: string, data: Buffer | Uint8Array): number {
    const full = this.resolve(devicePath);
    if (!full) throw new Error(`bad path ${devicePath}`);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, data);
    return data.byteLength;
  }

  read(devicePath: string): Buffer | null {
    const full = this.resolve(devicePath);
    if (!full) return null;
    try {
      return fs.readFileSync(full);
    } catch {
      return null;
    }
  }

  remove(devicePath: string): void {
    const full = this.resolve(devicePath);
    if (full) fs.rmSync(full, { force: true });
  }

  removeDir(devicePath: string): void {
    const full = this.resolve(devicePath);
    if (full) fs.rmSync(full, { recursive: true, force: true });
  }
}
