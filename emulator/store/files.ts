// Pictures and export files, kept under <data>/files and served at /ws/<path>
// as the device serves img_path and snap_path (§3.6, §7.4).
import fs from 'node:fs';
import path from 'node:path';

export class FileStore {
  readonly root: string;
  /** The root with every link resolved, to check where a served file really is. */
  private readonly realRoot: string;
  constructor(dataDir: string) {
    this.root = path.join(dataDir, 'files');
    fs.mkdirSync(this.root, { recursive: true });
    this.realRoot = fs.realpathSync(this.root);
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
      // A symlink inside the store (nothing in the API makes one) must not lead a served path out of it.
      if (!fs.realpathSync(full).startsWith(this.realRoot + path.sep)) return null;
      return fs.readFileSync(full);
    } catch {
      return null;
    }
  }

  remove(devicePath: string): void {
    const full = this.resolve(devicePath);
    if (full) fs.rmSync(full, { force: true });
  }

  /**
   * Removes the files under a folder last written before `olderThanMs`; returns
   * how many went. For tmp/ (exports, batch reports, crops), which the reference
   * never says the device keeps: we keep each an hour, long enough to download.
   */
  sweep(devicePath: string, olderThanMs: number): number {
    const dir = this.resolve(devicePath);
    if (!dir) return 0;
    let removed = 0;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true, recursive: true });
    } catch {
      return 0;
    }
    for (const e of entries) {
      if (!e.isFile()) continue;
      const full = path.join(e.parentPath, e.name);
      try {
        if (fs.statSync(full).mtimeMs < olderThanMs) {
          fs.rmSync(full, { force: true });
          removed++;
        }
      } catch {
        // Gone already (a concurrent sweep or a download finishing): nothing to do.
      }
    }
    return removed;
  }

  removeDir(devicePath: string): void {
    const full = this.resolve(devicePath);
    if (full) fs.rmSync(full, { recursive: true, force: true });
  }
}
