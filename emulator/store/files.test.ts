import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileStore } from './files';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function store(): FileStore {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nebula-files-'));
  dirs.push(dir);
  return new FileStore(dir);
}

describe('FileStore', () => {
  it('sweeps old files under tmp/ and keeps new ones and other folders', () => {
    const files = store();
    files.write('tmp/old.zip', Buffer.from('a'));
    files.write('tmp/sub/old.csv', Buffer.from('b'));
    files.write('tmp/new.zip', Buffer.from('c'));
    files.write('faces/1/old.jpg', Buffer.from('d'));
    const hourAgo = new Date(Date.now() - 2 * 3600_000);
    for (const p of ['tmp/old.zip', 'tmp/sub/old.csv', 'faces/1/old.jpg']) fs.utimesSync(files.resolve(p)!, hourAgo, hourAgo);

    expect(files.sweep('tmp', Date.now() - 3600_000)).toBe(2);
    expect(files.read('tmp/old.zip')).toBeNull();
    expect(files.read('tmp/sub/old.csv')).toBeNull();
    expect(files.read('tmp/new.zip')?.toString()).toBe('c');
    expect(files.read('faces/1/old.jpg')?.toString()).toBe('d');
  });

  it('sweeps nothing where there is no folder, and never outside the store', () => {
    const files = store();
    expect(files.sweep('tmp', Date.now())).toBe(0);
    expect(files.sweep('../..', Date.now())).toBe(0);
  });

  it('refuses paths that leave the store', () => {
    const files = store();
    expect(files.resolve('../secret')).toBeNull();
    expect(files.resolve('/tmp/../../etc/passwd')).toBeNull();
    expect(files.read('..%2f..')).toBeNull();
  });
});
