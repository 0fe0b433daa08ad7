// The emulator's state on disk: one SQLite file under --data, plus the
// pictures beside it (store/files.ts). Everything survives a restart.
import Database from 'better-sqlite3';
import path from 'node:path';
import fs from 'node:fs';

export type Db = Database.Database;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS config (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE IF NOT EXISTS libraries (
  lib_id INTEGER PRIMARY KEY AUTOINCREMENT,
  lib_name TEXT NOT NULL UNIQUE,
  lib_type INTEGER NOT NULL,
  create_time TEXT NOT NULL,
  update_time TEXT NOT NULL
);

-- img_id is unique over the whole device (§3.7: "the picture's unique identifier").
CREATE TABLE IF NOT EXISTS faces (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  img_id TEXT NOT NULL UNIQUE,
  lib_id INTEGER NOT NULL REFERENCES libraries(lib_id) ON DELETE CASCADE,
  img_path TEXT NOT NULL,
  person_idcard TEXT NOT NULL DEFAULT '',
  person_name TEXT NOT NULL DEFAULT '',
  person_gender TEXT NOT NULL DEFAULT '',
  person_age TEXT NOT NULL DEFAULT '',
  person_addr TEXT NOT NULL DEFAULT '',
  create_time TEXT NOT NULL,
  -- 128 float32 (face-api's descriptor), little-endian
  feature BLOB
);
CREATE INDEX IF NOT EXISTS faces_lib ON faces(lib_id, seq);
-- §3.10 on a 100 000-face library: every field a query filters on, so a query
-- reads this narrow index instead of the rows (each row carries a 512-byte
-- descriptor); it also serves exact queries by name. The id number and the
-- gender have their own.
CREATE INDEX IF NOT EXISTS faces_search ON faces(lib_id, person_name, person_idcard, person_addr, person_gender, person_age, create_time);
CREATE INDEX IF NOT EXISTS faces_lib_idcard ON faces(lib_id, person_idcard);
-- A gender filter matches half a library: this one gives its matches in seq order.
CREATE INDEX IF NOT EXISTS faces_lib_gender ON faces(lib_id, person_gender, person_age, person_addr, create_time);

CREATE TABLE IF NOT EXISTS cameras (channel INTEGER PRIMARY KEY, data TEXT NOT NULL);

-- Face snapshots (kind 1), with alarm = 1 when a match passed the threshold,
-- and body snapshots (kind 2). trigger is the device's local time string,
-- which sorts as time.
CREATE TABLE IF NOT EXISTS records (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  snap_id TEXT NOT NULL UNIQUE,
  kind INTEGER NOT NULL,
  alarm INTEGER NOT NULL DEFAULT 0,
  channel INTEGER NOT NULL,
  camera_name TEXT NOT NULL,
  position TEXT NOT NULL,
  trigger TEXT NOT NULL,
  threshold INTEGER NOT NULL DEFAULT 0,
  quality INTEGER NOT NULL DEFAULT 0,
  lib_id INTEGER NOT NULL DEFAULT 0,
  lib_name TEXT NOT NULL DEFAULT '',
  lib_type INTEGER NOT NULL DEFAULT 0,
  ranking INTEGER NOT NULL DEFAULT 0,
  similarity INTEGER NOT NULL DEFAULT -1,
  -- the matched library face, copied at capture time (the face may be deleted later)
  match TEXT,
  attrs TEXT NOT NULL,
  snap_path TEXT NOT NULL,
  frame_path TEXT NOT NULL DEFAULT '',
  box TEXT NOT NULL DEFAULT '',
  bytes INTEGER NOT NULL DEFAULT 0
);
-- Queries page newest first (trigger DESC, seq DESC) and count their matches.
-- The indexes carry seq and every filter column, so the count and the page's
-- seqs come from the index alone (then 50 rows are fetched by seq): at a
-- million rows a channel + time page answers in about a millisecond and a
-- page 400 000 deep in about 20 ms. Alarms (a few percent) get a partial index;
-- queries say "alarm = 1" literally so SQLite can use it. (The first
-- schema's narrower indexes are dropped from stores made before.)
CREATE INDEX IF NOT EXISTS records_page_time ON records(kind, trigger, seq, channel, lib_type, lib_name);
CREATE INDEX IF NOT EXISTS records_page_channel ON records(kind, channel, trigger, seq, lib_type, lib_name);
CREATE INDEX IF NOT EXISTS records_page_alarm ON records(trigger, seq, channel, lib_id, lib_type, lib_name) WHERE alarm = 1;
DROP INDEX IF EXISTS records_kind_time;
DROP INDEX IF EXISTS records_kind_channel_time;
DROP INDEX IF EXISTS records_alarm_time;

CREATE TABLE IF NOT EXISTS relays (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  camera_channel INTEGER NOT NULL,
  dev_ip TEXT NOT NULL,
  dev_port INTEGER NOT NULL,
  dev_name TEXT NOT NULL DEFAULT '',
  dev_tag TEXT NOT NULL DEFAULT ''
);
`;

export function openDb(dataDir: string): Db {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, 'device.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.exec(SCHEMA);
  return db;
}

/** A typed key/value for the device's settings. */
export class ConfigStore {
  private readonly getStmt;
  private readonly setStmt;
  constructor(private readonly db: Db) {
    this.getStmt = db.prepare<[string], { value: string }>('SELECT value FROM config WHERE key = ?');
    this.setStmt = db.prepare('INSERT INTO config(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  }
  get<T>(key: string, fallback: T): T {
    const row = this.getStmt.get(key);
    return row ? (JSON.parse(row.value) as T) : fallback;
  }
  set<T>(key: string, value: T): void {
    this.setStmt.run(key, JSON.stringify(value));
  }
  has(key: string): boolean {
    return this.getStmt.get(key) !== undefined;
  }
  delete(key: string): void {
    this.db.prepare('DELETE FROM config WHERE key = ?').run(key);
  }
}
