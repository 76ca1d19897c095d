import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createMemoryLogger } from '../../src/logger';
import { createStorage } from '../../src/storage/createStorage';
import { DB_FILE_NAME, PRAGMAS, SCHEMA_SQL, SCHEMA_VERSION, SQL } from '../../src/storage/sqliteSchema';
import { SqliteStorage } from '../../src/storage/sqliteStorage';
import { describeStorageConformance } from './conformance';
import { sleep, waitFor } from './timing';

const DAY_MS = 24 * 60 * 60 * 1000;

describeStorageConformance('SqliteStorage', (dir, env) => new SqliteStorage({ ...env, dataDir: dir }), { durable: true });

/**
 * Child process for the SIGKILL test: writes through the same pragmas, schema and upsert
 * statement as SqliteStorage, each row its own committed transaction, then says "written" and
 * waits to be killed.
 */
const CHILD_SCRIPT = `
const config = JSON.parse(process.env.BILLCOACH_CHILD_CONFIG);
const Database = require(config.driver);
const db = new Database(config.dbPath);
for (const pragma of config.pragmas) db.pragma(pragma);
db.exec(config.schema);
db.pragma('user_version = ' + config.version);
const upsert = db.prepare(config.upsert);
for (let i = 0; i < config.count; i++) {
  upsert.run('key/' + i + '/😀', 'etag-' + i, JSON.stringify({ i, text: 'مرحبا ' + i }), Date.now());
}
process.stdout.write('written\\n');
setInterval(() => {}, 1000);
`;

describe('SqliteStorage', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'billcoach-sqlite-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps acknowledged writes when the writing process is killed with SIGKILL', async () => {
    const count = 200;
    const scriptPath = join(dir, 'child.js');
    writeFileSync(scriptPath, CHILD_SCRIPT);
    const config = {
      driver: require.resolve('better-sqlite3'),
      dbPath: join(dir, DB_FILE_NAME),
      pragmas: PRAGMAS,
      schema: SCHEMA_SQL,
      version: SCHEMA_VERSION,
      upsert: SQL.upsert,
      count,
    };
    const child = spawn(process.execPath, [scriptPath], {
      env: { ...process.env, BILLCOACH_CHILD_CONFIG: JSON.stringify(config) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));

    await waitFor(() => stdout.includes('written') || stderr.length > 0 || child.exitCode !== null, 10_000);
    expect(stderr).toBe('');
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(existsSync(`${config.dbPath}-wal`)).toBe(true); // the rows were only in the WAL

    const store = new SqliteStorage({ dataDir: dir, retentionDays: 1 });
    try {
      const keys = Array.from({ length: count }, (_, i) => `key/${i}/😀`);
      const items = await store.read(keys);
      expect(Object.keys(items)).toHaveLength(count);
      expect(items['key/199/😀']).toEqual({ i: 199, text: 'مرحبا 199', eTag: 'etag-199' });
    } finally {
      await store.close();
    }
  });

  it('creates the data directory, uses WAL and records the schema version', async () => {
    const dataDir = join(dir, 'nested', 'data');
    const store = new SqliteStorage({ dataDir, retentionDays: 1 });
    await store.write({ a: { v: 1 } });
    await store.close();
    const db = new Database(join(dataDir, DB_FILE_NAME), { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(db.prepare('SELECT key, etag, data FROM records').all()).toEqual([
        { key: 'a', etag: expect.any(String), data: '{"v":1}' },
      ]);
    } finally {
      db.close();
    }
  });

  it('refuses a database written by a newer schema version', () => {
    const db = new Database(join(dir, DB_FILE_NAME));
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => new SqliteStorage({ dataDir: dir, retentionDays: 1 })).toThrow(/newer than supported/);
  });

  it('purges idle records when it opens', async () => {
    let clockMs = Date.UTC(2030, 0, 1);
    const first = new SqliteStorage({ dataDir: dir, retentionDays: 1, now: () => clockMs });
    await first.write({ a: { v: 1 } });
    await first.close();
    clockMs += 2 * DAY_MS;
    const purged: number[] = [];
    const second = new SqliteStorage({ dataDir: dir, retentionDays: 1, now: () => clockMs, onPurge: (n) => purged.push(n) });
    try {
      expect(purged).toEqual([1]);
      expect(await second.read(['a'])).toEqual({});
    } finally {
      await second.close();
    }
  });

  it('purges on its timer and stops when closed', async () => {
    let clockMs = Date.UTC(2030, 0, 1);
    const purged: number[] = [];
    const store = new SqliteStorage({
      dataDir: dir, retentionDays: 1, now: () => clockMs, purgeIntervalMs: 5, onPurge: (n) => purged.push(n),
    });
    await store.write({ a: { v: 1 } });
    clockMs += 2 * DAY_MS;
    await waitFor(() => purged.includes(1));
    await store.close();
    const calls = purged.length;
    await sleep(30);
    expect(purged).toHaveLength(calls);
  });

  it('is what createStorage returns for kind "sqlite"', async () => {
    const store = createStorage({ kind: 'sqlite', dataDir: dir, retentionDays: 1, logger: createMemoryLogger() });
    try {
      expect(store).toBeInstanceOf(SqliteStorage);
      expect(store.kind).toBe('sqlite');
      expect(existsSync(join(dir, DB_FILE_NAME))).toBe(true);
    } finally {
      await store.close();
    }
  });

  it.each(['sqlite', 'memory'] as const)('createStorage(%s) logs purge counts but never keys', async (kind) => {
    const logger = createMemoryLogger();
    let clockMs = Date.UTC(2030, 0, 1);
    const store = createStorage({ kind, dataDir: dir, retentionDays: 1, logger, now: () => clockMs });
    const secretKey = 'msteams/secret-user-key/جون';
    try {
      await store.write({ [secretKey]: { note: 'my bill is 4,200 dollars' }, other: { v: 1 } });
      clockMs += 2 * DAY_MS;
      expect(await store.purgeIdle()).toBe(2);
    } finally {
      await store.close();
    }
    const purgeLines = logger.lines.map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.event === 'storage.purged' && line.count === 2);
    expect(purgeLines).toEqual([expect.objectContaining({ level: 'info', storage: kind, count: 2 })]);
    const all = logger.lines.join('\n');
    expect(all).not.toContain('secret');
    expect(all).not.toContain('جون');
    expect(all).not.toContain('4,200');
  });
});
