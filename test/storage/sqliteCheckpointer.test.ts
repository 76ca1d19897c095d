import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCheckpointer } from '../../src/storage/sqliteCheckpointer';
import { DB_FILE_NAME } from '../../src/storage/sqliteSchema';
import { SqliteStorage, type SqliteStorageOptions } from '../../src/storage/sqliteStorage';
import { sleep, waitFor } from './timing';

const RECORDS = 100;
/** 800 KB in 100 commits: a few hundred pages of log, under SQLite's own 1,000-page checkpoint threshold. */
async function writeRecords(storage: SqliteStorage, letter = 'a'): Promise<void> {
  for (let i = 0; i < RECORDS; i++) await storage.write({ [`user/${i}`]: { text: letter.repeat(8000) } });
}

describe('checkpointing the SQLite log from a worker thread', () => {
  let dir: string;
  const open: SqliteStorage[] = [];
  const storage = (options: Partial<SqliteStorageOptions> = {}) => {
    const created = new SqliteStorage({ dataDir: dir, retentionDays: 30, ...options });
    open.push(created);
    return created;
  };
  const databaseBytes = () => statSync(join(dir, DB_FILE_NAME)).size;
  const logExists = () => existsSync(join(dir, `${DB_FILE_NAME}-wal`));

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'billcoach-ckpt-'));
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies committed writes into the database file soon after, while the bot\'s own commits never checkpoint', async () => {
    const store = storage({ checkpointIntervalMs: 50 });
    const before = databaseBytes();
    await writeRecords(store);
    await waitFor(() => databaseBytes() > before + 600_000, 3000);
    expect((await store.read(['user/99']))['user/99']).toMatchObject({ text: 'a'.repeat(8000) });
  });

  it('without the worker (interval 0), the same writes stay in the log until SQLite\'s own threshold', async () => {
    const store = storage({ checkpointIntervalMs: 0 });
    const before = databaseBytes();
    await writeRecords(store);
    await sleep(300);
    expect(databaseBytes()).toBe(before);
  });

  it('closes the worker\'s connection before the store\'s own, so closing leaves no log behind', async () => {
    const store = storage({ checkpointIntervalMs: 50 });
    await writeRecords(store);
    expect(logExists()).toBe(true);
    await store.close();
    expect(logExists()).toBe(false);
    const reopened = storage({ checkpointIntervalMs: 0 });
    expect(Object.keys(await reopened.read(['user/0', 'user/99']))).toEqual(['user/0', 'user/99']);
  });

  it('when the worker fails, says so and the store checkpoints on commit again, as SQLite does by default', async () => {
    const failures: unknown[] = [];
    const store = storage({
      checkpointIntervalMs: 50,
      onCheckpointError: (err) => failures.push(err),
      startCheckpointer: ({ onFailure }) => {
        onFailure(new Error('worker gone'));
        return { close: async () => undefined };
      },
    });
    expect(failures).toEqual([new Error('worker gone')]);
    const before = databaseBytes();
    for (const letter of ['b', 'c', 'd', 'e']) await writeRecords(store, letter);
    // 3.2 MB of log crossed 1,000 pages: a commit on this thread copied it.
    expect(databaseBytes()).toBeGreaterThan(before + 600_000);
  });

  it('reports a worker that cannot open the database', async () => {
    const failures: unknown[] = [];
    const checkpointer = startCheckpointer({ file: join(dir, 'missing', DB_FILE_NAME), intervalMs: 50, onFailure: (err) => failures.push(err) });
    await waitFor(() => failures.length > 0, 5000);
    expect(String(failures[0])).toMatch(/unable to open|directory does not exist|SQLITE_CANTOPEN/i);
    await checkpointer.close();
  });

  it('rejects a negative or non-numeric interval', () => {
    expect(() => storage({ checkpointIntervalMs: -1 })).toThrow(/checkpointIntervalMs/);
    expect(() => storage({ checkpointIntervalMs: Number.NaN })).toThrow(/checkpointIntervalMs/);
  });
});
