import { BenchOptions, RunFigures, runBench } from './bench';
import { RoundsReport, combineRounds } from './rounds';

const USAGE = `npm run bench -- [options]

  --concurrency N   simulated users at a time (default 50)
  --duration S      start new users for S seconds; those running then finish their journey
                    (default 30 unless --users is given)
  --users N         number of simulated users, each one whole journey (alias --journeys)
  --warmup N        whole journeys run on each server first, not measured (default 10; 0: none)
  --storage KIND    sqlite (default) or memory
  --seed N          answers of user i depend only on the seed and i (default 1)
  --reply-delay MS  the connector stub acknowledges each reply MS later, like a channel across a
                    network (default 0); the targets are defined for 0
  --ocr             one more user keeps sending a photo of a bill during the bot's load (OCR on
                    the bot's machine): the others' figures while it is read, and each read's time
  --rounds N        run the bot and then the echo bot N times, in fresh processes, and judge the
                    targets on the medians (default 3: one round on a shared VM is noisy)
  --json            print exactly one JSON line with every figure (progress goes to stderr)
  --strict          also exit non-zero when a target is missed

Environment: BENCH_NODE_ARGS adds node options to the bot and echo processes (e.g. --cpu-prof).

Exit status: 0 ok; 1 errors (5xx, failed turns or journeys, incomplete cases); 2 missed targets with --strict.`;

interface CliOptions extends Omit<BenchOptions, 'log'> {
  rounds: number;
  json: boolean;
  strict: boolean;
}

class UsageError extends Error {}

export function parseArgs(argv: string[]): CliOptions {
  const options: CliOptions = { concurrency: 50, warmupJourneys: 10, storage: 'sqlite', seed: 1, rounds: 3, json: false, strict: false };
  const positive = (name: string, raw: string | undefined): number => {
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0) throw new UsageError(`${name} needs a positive number`);
    return value;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    switch (name) {
      case '--concurrency': options.concurrency = Math.floor(positive(name, value())); break;
      case '--duration': options.durationS = positive(name, value()); break;
      case '--users': case '--journeys': options.journeys = Math.floor(positive(name, value())); break;
      case '--seed': options.seed = Math.floor(positive(name, value())); break;
      case '--reply-delay': {
        const raw = value();
        options.replyDelayMs = raw === '0' ? 0 : Math.floor(positive(name, raw));
        break;
      }
      case '--rounds': options.rounds = Math.floor(positive(name, value())); break;
      case '--warmup': {
        const raw = value();
        options.warmupJourneys = raw === '0' ? 0 : Math.floor(positive(name, raw));
        break;
      }
      case '--storage': {
        const kind = value();
        if (kind !== 'sqlite' && kind !== 'memory') throw new UsageError('--storage is sqlite or memory');
        options.storage = kind;
        break;
      }
      case '--json': options.json = true; break;
      case '--ocr': options.ocr = true; break;
      case '--strict': options.strict = true; break;
      case '--help': case '-h': throw new UsageError('');
      default: throw new UsageError(`unknown option ${arg}`);
    }
  }
  if (options.durationS === undefined && options.journeys === undefined) options.durationS = 30;
  if (options.journeys !== undefined) options.concurrency = Math.min(options.concurrency, options.journeys);
  return options;
}

const pad = (text: string | number, width: number) => String(text).padStart(width);
const verdict = (pass: boolean | null) => (pass === null ? 'n/a ' : pass ? 'PASS' : 'MISS');

function runRow(name: string, f: RunFigures): string {
  const l = f.latencyMs;
  const cpu = `${f.cpuMsPerTurn.server ?? 'n/a'} / ${f.cpuMsPerTurn.driver}`;
  const columns = [pad(f.turns, 8), pad(f.turnsPerSecond, 9), pad(l.p50, 8), pad(l.p95, 8), pad(l.p99, 8), pad(l.max, 8)];
  return `${name.padEnd(6)}${columns.join('')}${pad(f.peakRssMiB ?? 'n/a', 10)}${pad(f.startToHealthyMs, 10)}${pad(cpu, 16)}${pad(f.diskKiBPerTurn ?? 'n/a', 8)}${pad(f.activitiesPerTurn, 8)}`;
}

export function humanReport(r: RoundsReport): string {
  const c = r.config;
  const several = r.rounds.length > 1;
  const lines = [
    `Bill Coach load bench — ${c.concurrency} concurrent users${c.ocr ? ' + one reading a photo' : ''}, ${c.journeys !== null ? `${c.journeys} users` : `new users for ${c.durationS} s`}, ${c.warmupJourneys} warm-up journeys, STORAGE=${c.storage}, seed ${c.seed},${c.replyDelayMs ? ` replies acknowledged after ${c.replyDelayMs} ms,` : ''} node ${c.node}, ${c.cpus} CPUs`,
    ...(several ? [`${r.rounds.length} rounds; the table shows the median round (by p99 ratio), the targets are judged on the medians`] : []),
    '',
    '       turns  turns/s  p50 ms  p95 ms  p99 ms  max ms  peak RSS  start→ok  CPU ms per turn    disk  posts',
    '                                                            MiB        ms  server / driver KiB/turn  /turn',
    runRow('bot', r.bot),
    runRow('echo', r.echo),
    '',
    `journeys (bot): ${r.bot.journeys.completed} completed, ${r.bot.journeys.cut} cut, ${r.bot.journeys.failed} failed; HTTP 5xx: ${r.bot.http5xx}; failed turns: ${r.bot.failedTurns} (echo: ${r.echo.failedTurns})`,
    `ratios: p99 bot/echo = ${r.ratios.p99}×, throughput bot/echo = ${r.ratios.throughput}×`,
  ];
  if (r.ocr) lines.push(`photo reads (OCR) during the bot's load: ${r.ocr.reads}, p50 ${r.ocr.p50Ms} ms, max ${r.ocr.maxMs} ms (one more user; not counted in the turns above)`);
  if (r.store) {
    const b = r.store.bytesPerUser;
    lines.push(`stored per user with a full case: avg ${b.avg} B, p50 ${b.p50} B, max ${b.max} B (${r.store.checked} users checked, ${r.store.incompleteCount} incomplete)`);
    lines.push(`  measured: ${r.store.method}; sqlite files / users started: ${r.store.dbFileBytesPerUser} B`);
  }
  lines.push('slowest turns (bot, avg / max ms): ' + r.slowestTurns.map((t) => `${t.label} ${t.avgMs}/${t.maxMs}`).join(', '));
  if (several) {
    lines.push('', 'rounds:        turns/s  p99 ms  echo p99  p99 ratio  echo turns/s  start→ok  server CPU ms/turn');
    r.rounds.forEach((x, i) => lines.push(`  ${String(i + 1).padEnd(10)}${pad(x.turnsPerSecond, 9)}${pad(x.p99Ms, 8)}${pad(x.echoP99Ms, 10)}${pad(`${x.p99Ratio}×`, 11)}${pad(x.echoTurnsPerSecond, 14)}${pad(x.startToHealthyMs, 10)}${pad(x.serverCpuMsPerTurn ?? 'n/a', 20)}`));
    lines.push(`  median    ${pad(r.medians.turnsPerSecond, 9)}${pad('', 18)}${pad(`${r.medians.p99Ratio}×`, 11)}${pad('', 14)}${pad(r.medians.startToHealthyMs, 10)}`);
  }
  lines.push('', several ? 'targets (medians over the rounds; stored bytes: the largest):' : 'targets:');
  for (const t of r.targets) lines.push(`  ${verdict(t.pass)}  ${t.name}: ${t.value ?? 'n/a'} (${t.target})`);
  if (r.failures.length > 0) lines.push('', 'failures (first few):', ...r.failures.map((f) => `  ${f}`));
  const checked = r.store ? 'every completed journey has a full case in storage' : 'cases not read back (memory storage)';
  lines.push('', r.ok ? `OK: no errors; every turn got its expected reply; ${checked}.` : 'ERRORS: see the failures above.');
  return lines.join('\n');
}

async function main(): Promise<number> {
  let options: CliOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`${err.message ? `${err.message}\n\n` : ''}${USAGE}\n`);
    return err.message ? 64 : 0;
  }
  const reports = [];
  for (let round = 1; round <= options.rounds; round++) {
    const prefix = options.rounds > 1 ? `round ${round}/${options.rounds}: ` : '';
    reports.push(await runBench({ ...options, log: (line) => process.stderr.write(`[bench] ${prefix}${line}\n`) }));
  }
  const report = combineRounds(reports);
  process.stdout.write(options.json ? `${JSON.stringify(report)}\n` : `${humanReport(report)}\n`);
  if (!report.ok) return 1;
  if (options.strict && report.targets.some((t) => t.pass === false)) return 2;
  return 0;
}

if (require.main === module) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
