import type Database from 'better-sqlite3';

/**
 * The SQLite file layout, shared by SqliteStorage and by tests that write through the same SQL
 * from a separate process (the SIGKILL durability test).
 */
export const DB_FILE_NAME = 'billcoach.sqlite';
export const SCHEMA_VERSION = 1;

/**
 * journal_mode=WAL with synchronous=NORMAL: a transaction is appended to the WAL file (in the
 * OS page cache) before commit returns, so an acknowledged write survives the process being
 * killed (kill -9, OOM kill, crash). Only an OS crash or power loss before the next checkpoint
 * can lose the most recent commits, and even then the database is not corrupted. That is the
 * trade-off we accept for a chat bot's conversation state; synchronous=FULL would fsync on
 * every commit. Copying the log back into the database file (a checkpoint, with its fsyncs) is done by
 * a worker thread's own connection (sqliteCheckpointer.ts), not inside the bot's commits.
 */
export const PRAGMAS: readonly string[] = [
  'journal_mode = WAL',
  'synchronous = NORMAL',
  'busy_timeout = 5000',
];

export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS records (
  key TEXT PRIMARY KEY,
  etag TEXT NOT NULL,
  data TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS records_updated_at ON records (updated_at);
`;

export const SQL = {
  selectOne: 'SELECT etag, data FROM records WHERE key = ?',
  selectETag: 'SELECT etag FROM records WHERE key = ?',
  upsert:
    'INSERT INTO records (key, etag, data, updated_at) VALUES (?, ?, ?, ?) ' +
    'ON CONFLICT (key) DO UPDATE SET etag = excluded.etag, data = excluded.data, updated_at = excluded.updated_at',
  insertNew: 'INSERT INTO records (key, etag, data, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (key) DO NOTHING',
  deleteOne: 'DELETE FROM records WHERE key = ?',
  purgeBefore: 'DELETE FROM records WHERE updated_at < ?',
  ping: 'SELECT 1 AS ok',
} as const;

/** Applies the pragmas and brings the schema to SCHEMA_VERSION (tracked in user_version). */
export function prepareDatabase(db: Database.Database): void {
  for (const pragma of PRAGMAS) db.pragma(pragma);
  const version = Number(db.pragma('user_version', { simple: true }));
  if (version > SCHEMA_VERSION) {
    throw new Error(`Storage: database schema version ${version} is newer than supported (${SCHEMA_VERSION}).`);
  }
  if (version === SCHEMA_VERSION) return;
  db.transaction(() => {
    db.exec(SCHEMA_SQL);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  })();
}
