import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { echoChecker, loadContent, projectChecker } from './checks';
import { ConnectorStub, startConnectorStub } from './connectorStub';
import { journeyFor, seededRandom } from './journey';
import { LoadResult, SimUser, TurnChecker, percentile, runLoad } from './loadDriver';
import { BOT_ENTRY, ECHO_ENTRY, ServerProcess, spawnServer } from './serverProcess';
import { StoreReport, inspectSqliteStore } from './storeStats';
import { billPhoto } from '../ingest/billFixtures';
import { PhotoReads, startPhotoReader } from './photoReader';

export interface BenchOptions {
  concurrency: number;
  /** Seconds of load on the bot; ignored when `journeys` is set (unless both are). */
  durationS?: number;
  /** Number of simulated users (each one whole journey). */
  journeys?: number;
  /** Whole journeys run on each server before measuring (JIT, recognizer models, caches), not counted. */
  warmupJourneys: number;
  storage: 'sqlite' | 'memory';
  seed: number;
  /** The connector stub acknowledges each reply this much later (a channel across a network). */
  replyDelayMs?: number;
  /** One more user keeps sending a photo of a bill (OCR on the bot) during the bot's load: the others' figures while it reads. */
  ocr?: boolean;
  /** Progress lines (stderr in the CLI). */
  log: (line: string) => void;
}

/** The photo-reading user's figures (`ocr`): reads done during the load, and how long each took. */
export interface OcrFigures {
  reads: number;
  p50Ms: number;
  maxMs: number;
  failures: string[];
}

export interface RunFigures {
  turns: number;
  turnsPerSecond: number;
  elapsedS: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number; mean: number };
  journeys: { started: number; completed: number; cut: number; failed: number };
  http5xx: number;
  failedTurns: number;
  peakRssMiB: number | null;
  startToHealthyMs: number;
  /** CPU used per turn during the load: by the server process, and by this process (driver + connector stub). */
  cpuMsPerTurn: { server: number | null; driver: number };
  /** What the server process wrote to disk per turn during the load (sqlite database and WAL). */
  diskKiBPerTurn: number | null;
  /** Activities the server posted to the connector per turn (messages and typing): each is one HTTP request. */
  activitiesPerTurn: number;
}

export interface Target {
  name: string;
  target: string;
  value: number | null;
  pass: boolean | null;
}

export interface BenchReport {
  config: { concurrency: number; durationS: number | null; journeys: number | null; warmupJourneys: number; storage: string; seed: number; replyDelayMs: number; ocr: boolean; node: string; cpus: number };
  bot: RunFigures;
  /** With `ocr`: the photo reads that ran during the bot's load. */
  ocr: OcrFigures | null;
  echo: RunFigures;
  ratios: { p99: number; throughput: number };
  store: (Omit<StoreReport, 'incomplete'> & { method: string }) | null;
  slowestTurns: { label: string; avgMs: number; maxMs: number; count: number }[];
  targets: Target[];
  failures: string[];
  /** No 5xx, no failed turn or journey, every completed user's case complete in storage. */
  ok: boolean;
}

const round = (n: number, digits = 1): number => (Number.isFinite(n) ? Math.round(n * 10 ** digits) / 10 ** digits : n);

interface Measured {
  warmup?: LoadResult;
  load: LoadResult;
  peakKiB?: number;
  serverCpuMs?: number;
  driverCpuMs: number;
  diskBytes?: number;
  activities: number;
}

/**
 * Warms a server up, then runs the load against it, measuring its CPU and peak memory and this process's
 * CPU, then stops it.
 */
async function measure(server: ServerProcess, stub: ConnectorStub, warmup: (() => Promise<LoadResult>) | undefined, run: () => Promise<LoadResult>): Promise<Measured> {
  try {
    const warmed = await warmup?.();
    const cpuBefore = server.cpuMs();
    const diskBefore = server.diskWriteBytes();
    const driverBefore = process.cpuUsage();
    const activitiesBefore = stub.counts().replies;
    const load = await run();
    const activities = stub.counts().replies - activitiesBefore;
    const driver = process.cpuUsage(driverBefore);
    const cpuAfter = server.cpuMs();
    const diskAfter = server.diskWriteBytes();
    return {
      warmup: warmed,
      load,
      peakKiB: server.memory()?.peakKiB,
      serverCpuMs: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore,
      driverCpuMs: (driver.user + driver.system) / 1000,
      diskBytes: diskBefore === undefined || diskAfter === undefined ? undefined : diskAfter - diskBefore,
      activities,
    };
  } finally {
    await server.stop();
  }
}

function figures({ load, peakKiB, serverCpuMs, driverCpuMs, diskBytes, activities }: Measured, startToHealthyMs: number): RunFigures {
  const l = load.latenciesMs;
  return {
    turns: load.turns,
    turnsPerSecond: round(load.turns / (load.elapsedMs / 1000)),
    elapsedS: round(load.elapsedMs / 1000, 2),
    latencyMs: {
      p50: round(percentile(l, 50)), p95: round(percentile(l, 95)), p99: round(percentile(l, 99)),
      max: round(Math.max(...l)), mean: round(l.reduce((a, b) => a + b, 0) / Math.max(1, l.length)),
    },
    journeys: { started: load.journeysStarted, completed: load.journeysCompleted, cut: load.journeysCut, failed: load.journeysFailed },
    http5xx: load.http5xx,
    failedTurns: load.failedTurns,
    peakRssMiB: peakKiB === undefined ? null : round(peakKiB / 1024),
    startToHealthyMs: Math.round(startToHealthyMs),
    cpuMsPerTurn: { server: serverCpuMs === undefined ? null : round(serverCpuMs / load.turns, 2), driver: round(driverCpuMs / load.turns, 2) },
    diskKiBPerTurn: diskBytes === undefined ? null : round(diskBytes / 1024 / load.turns),
    activitiesPerTurn: round(activities / Math.max(1, load.turns), 2),
  };
}

/** The targets for this 2-core machine with sqlite storage. */
export function targetsFor(f: { p99Ratio: number; turnsPerSecond: number; storeBytesMax: number | undefined; startToHealthyMs: number; ocrMaxMs?: number }): Target[] {
  const bytes = f.storeBytesMax;
  const ocr = f.ocrMaxMs;
  return [
    // 2.5×: the target for replies through the SDK's own connector client (issue 21), not a private fast path.
    { name: 'p99 turn latency ≤ 2.5× echo p99', target: '≤ 2.50', value: f.p99Ratio, pass: f.p99Ratio <= 2.5 },
    { name: 'throughput ≥ 300 turns/s', target: '≥ 300', value: f.turnsPerSecond, pass: f.turnsPerSecond >= 300 },
    { name: 'stored bytes per user with a full case ≤ 16 KB (max)', target: '≤ 16384', value: bytes ?? null, pass: bytes === undefined ? null : bytes <= 16_384 },
    { name: 'start → healthy ≤ 1.5 s', target: '≤ 1500', value: f.startToHealthyMs, pass: f.startToHealthyMs <= 1500 },
    // Issue 24: a one-page photo read (OCR) under 20 s, here while the load runs.
    ...(ocr === undefined ? [] : [{ name: 'one-page photo read (OCR) during the load < 20 s (max)', target: '< 20000', value: Math.round(ocr), pass: ocr < 20_000 }]),
  ];
}

/** The same turns for every run with the same seed: user i always answers the same way. */
export const journeyOf = (seed: number) => (user: SimUser) => journeyFor(seededRandom(seed * 1_000_003 + user.index));

/** Bill Coach under load, then a bare echo bot on the same stack with the same load, compared. */
export async function runBench(options: BenchOptions): Promise<BenchReport> {
  const { log, concurrency, seed } = options;
  const durationMs = options.durationS === undefined ? undefined : options.durationS * 1000;
  const content = loadContent();
  const stub = await startConnectorStub({ replyDelayMs: options.replyDelayMs });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bc-bench-'));
  try {
    log(`bot: starting (STORAGE=${options.storage}, DATA_DIR=${dataDir})`);
    const bot = await spawnServer(BOT_ENTRY, { STORAGE: options.storage, DATA_DIR: dataDir, MicrosoftAppId: '', LOG_LEVEL: 'info' });
    log(`bot: healthy after ${Math.round(bot.startToHealthyMs)} ms; ${concurrency} users at a time, ${options.journeys ?? '∞'} journeys, ${options.durationS ?? '∞'} s`);
    const warm = (baseUrl: string, check: TurnChecker, runId: string) =>
      options.warmupJourneys > 0
        ? () => runLoad({ baseUrl, stub, concurrency: Math.min(concurrency, options.warmupJourneys), journeys: options.warmupJourneys, journey: journeyOf(seed + 7919), check, runId })
        : undefined;
    const photo = options.ocr ? await billPhoto() : undefined;
    let photoReads: PhotoReads | undefined;
    // Journeys running when the time is up finish: every user who started is checked end to end.
    const botRun = await measure(bot, stub, warm(bot.baseUrl, projectChecker(content), `warm-${process.pid}`), async () => {
      const reader = photo ? await startPhotoReader({ baseUrl: bot.baseUrl, stub, photo, runId: `bench-${process.pid}`, typeInstead: content.text('upload.card.typeInstead') }) : undefined;
      try {
        return await runLoad({
          baseUrl: bot.baseUrl, stub, concurrency, durationMs, finishJourneys: true, preconnect: true, journeys: options.journeys, journey: journeyOf(seed), check: projectChecker(content), runId: `bench-${process.pid}`,
        });
      } finally {
        photoReads = await reader?.stop();
      }
    });
    const ocr: OcrFigures | null = photoReads
      ? { reads: photoReads.reads, p50Ms: round(percentile(photoReads.readMs, 50)), maxMs: round(Math.max(0, ...photoReads.readMs)), failures: photoReads.failures }
      : null;
    if (ocr) log(`ocr: ${ocr.reads} photo reads during the load, p50 ${ocr.p50Ms} ms, max ${ocr.maxMs} ms`);
    const load = botRun.load;
    log(`bot: ${load.turns} turns in ${(load.elapsedMs / 1000).toFixed(1)} s, ${load.journeysCompleted} journeys completed`);
    const allUsers = load.journeysStarted + (botRun.warmup?.journeysStarted ?? 0);
    const storeReport = options.storage === 'sqlite' ? await inspectSqliteStore(dataDir, load.completedUsers, allUsers) : undefined;

    log('echo: starting');
    const echo = await spawnServer(ECHO_ENTRY, {});
    const echoRun = await measure(echo, stub, warm(echo.baseUrl, echoChecker, `echo-warm-${process.pid}`), () =>
      runLoad({ baseUrl: echo.baseUrl, stub, concurrency, preconnect: true, maxTurns: load.turns, journey: journeyOf(seed), check: echoChecker, runId: `echo-${process.pid}` }),
    );
    const echoLoad = echoRun.load;
    log(`echo: ${echoLoad.turns} turns in ${(echoLoad.elapsedMs / 1000).toFixed(1)} s`);

    const botFigures = figures(botRun, bot.startToHealthyMs);
    const echoFigures = figures(echoRun, echo.startToHealthyMs);
    const ratios = {
      p99: round(botFigures.latencyMs.p99 / echoFigures.latencyMs.p99, 2),
      throughput: round(botFigures.turnsPerSecond / echoFigures.turnsPerSecond, 3),
    };
    const targets = targetsFor({ p99Ratio: ratios.p99, turnsPerSecond: botFigures.turnsPerSecond, storeBytesMax: storeReport?.bytesPerUser.max, startToHealthyMs: botFigures.startToHealthyMs, ...(ocr ? { ocrMaxMs: ocr.maxMs } : {}) });
    const slowestTurns = [...load.perTurn.entries()]
      .map(([label, s]) => ({ label, avgMs: round(s.totalMs / s.count), maxMs: round(s.maxMs), count: s.count }))
      .sort((a, b) => b.avgMs - a.avgMs)
      .slice(0, 5);
    const warmupFailures = [...(botRun.warmup?.failures ?? []), ...(echoRun.warmup?.failures ?? [])].map((f) => `warm-up: ${f}`);
    const failures = [...warmupFailures, ...load.failures, ...echoLoad.failures.map((f) => `echo: ${f}`), ...(storeReport?.incomplete.map((f) => `store: ${f}`) ?? []), ...(ocr?.failures ?? [])];
    const ocrOk = !ocr || (ocr.reads > 0 && ocr.failures.length === 0);
    const ok = warmupFailures.length === 0 && load.failedTurns === 0 && echoLoad.failedTurns === 0 && load.journeysCompleted > 0 && (storeReport?.incompleteCount ?? 0) === 0 && ocrOk;
    const store = storeReport
      ? { method: 'per completed user: bytes of key+data of its user and conversation records + its entries in the shared reminder index', checked: storeReport.checked, incompleteCount: storeReport.incompleteCount, bytesPerUser: storeReport.bytesPerUser, dbFileBytesPerUser: storeReport.dbFileBytesPerUser }
      : null;
    return {
      config: { concurrency, durationS: options.durationS ?? null, journeys: options.journeys ?? null, warmupJourneys: options.warmupJourneys, storage: options.storage, seed, replyDelayMs: options.replyDelayMs ?? 0, ocr: options.ocr === true, node: process.version, cpus: os.cpus().length },
      bot: botFigures, ocr, echo: echoFigures, ratios, store, slowestTurns, targets, failures, ok,
    };
  } finally {
    await stub.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
