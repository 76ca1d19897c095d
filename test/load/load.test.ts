import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { journeyOf } from '../bench/bench';
import { loadContent, projectChecker } from '../bench/checks';
import { ConnectorStub, startConnectorStub } from '../bench/connectorStub';
import { LoadResult, runLoad } from '../bench/loadDriver';
import { BOT_ENTRY, RssSampler, ServerProcess, sampleRss, spawnServer } from '../bench/serverProcess';
import { inspectSqliteStore } from '../bench/storeStats';
import { levelsOff } from '../bench/memoryTrend';

const LOAD_MS = 60_000;
const CONCURRENCY = 50;
/** Longest the test may take: startup, 60 s of load, the last turns, stopping and reading the store. */
const TIMEOUT_MS = 150_000;

describe(`load: ${CONCURRENCY} conversations at a time for ${LOAD_MS / 1000} s against the real bot (sqlite)`, () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bc-load-'));
  let stub: ConnectorStub;
  let bot: ServerProcess | undefined;
  let sampler: RssSampler | undefined;
  let result: LoadResult;

  beforeAll(async () => {
    stub = await startConnectorStub();
    bot = await spawnServer(BOT_ENTRY, { STORAGE: 'sqlite', DATA_DIR: dataDir, MicrosoftAppId: '', LOG_LEVEL: 'warn' });
    sampler = sampleRss(bot.pid, 1000);
    result = await runLoad({
      baseUrl: bot.baseUrl, stub, concurrency: CONCURRENCY, durationMs: LOAD_MS, preconnect: true, journey: journeyOf(7), check: projectChecker(loadContent()), runId: 'load',
    });
    sampler.stop();
    await bot.stop();
  }, TIMEOUT_MS);

  afterAll(async () => {
    sampler?.stop();
    await bot?.stop();
    await stub?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers every turn: no 5xx, no error reply, no re-ask, no failed journey', () => {
    expect(result.failures).toEqual([]);
    expect(result.http5xx).toBe(0);
    expect(result.failedTurns).toBe(0);
    expect(result.journeysFailed).toBe(0);
    expect(result.turns).toBe(result.latenciesMs.length);
    // Enough load to mean something, even on a slow shared CI machine (~100–200 turns/s on 2 idle cores).
    expect(result.turns).toBeGreaterThanOrEqual(20 * CONCURRENCY);
    expect(result.journeysCompleted).toBeGreaterThan(0);
    expect(result.journeysStarted).toBe(result.journeysCompleted + result.journeysCut);
  });

  it('stores a complete case for every user who finished', async () => {
    const store = await inspectSqliteStore(dataDir, result.completedUsers, result.journeysStarted);
    expect(store.incomplete).toEqual([]);
    expect(store.checked).toBe(result.journeysCompleted);
  }, 30_000);

  // See levelsOff for why peaks of 20 s windows, and why 10%.
  it('keeps memory level: the last 20 s peak at most 10% above the 20 s before', () => {
    const samples = sampler?.samples ?? [];
    expect(samples.length).toBeGreaterThanOrEqual(50);
    const verdict = levelsOff(samples);
    const trace = samples.filter((_s, i) => i % 5 === 0).map((s) => `${Math.round(s.atMs / 1000)}s:${Math.round(s.rssKiB / 1024)}MiB`).join(' ');
    expect({ ...verdict, trace }).toMatchObject({ ok: true });
  });
});
