import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

/** The repository root, from test/bench under ts-jest and from dist/bench/test/bench when compiled. */
export const ROOT = (() => {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json')) || !fs.existsSync(path.join(dir, 'content'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no project root above ${__dirname}`);
    dir = parent;
  }
  return dir;
})();
export const BOT_ENTRY = path.join(ROOT, 'dist', 'src', 'index.js');
export const ECHO_ENTRY = path.join(ROOT, 'dist', 'bench', 'test', 'bench', 'echoBot.js');

export interface ServerProcess {
  child: ChildProcess;
  pid: number;
  baseUrl: string;
  /** Spawn → first 200 from GET /healthz. */
  startToHealthyMs: number;
  /** Current and peak resident memory of the process, from /proc (undefined where there is none). */
  memory(): { rssKiB: number; peakKiB: number } | undefined;
  /** CPU time (user + system) the process has used so far, from /proc. */
  cpuMs(): number | undefined;
  /** Bytes the process has caused to be written to storage so far (/proc/<pid>/io write_bytes). */
  diskWriteBytes(): number | undefined;
  output(): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function healthStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.setTimeout(1000, () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

export function readMemory(pid: number): { rssKiB: number; peakKiB: number } | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
    const rssKiB = field('VmRSS');
    const peakKiB = field('VmHWM');
    return Number.isFinite(rssKiB) && Number.isFinite(peakKiB) ? { rssKiB, peakKiB } : undefined;
  } catch {
    return undefined;
  }
}

/** utime + stime of a process in ms (/proc/<pid>/stat counts clock ticks, 100 a second on Linux). */
export function readCpuMs(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks * 10 : undefined;
  } catch {
    return undefined;
  }
}

export function readDiskWriteBytes(pid: number): number | undefined {
  try {
    const value = Number(/^write_bytes:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${pid}/io`, 'utf8'))?.[1]);
    return Number.isFinite(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs a built server (the bot's dist/src/index.js, or the echo bot) as its own process on 127.0.0.1 and
 * a free port (or `env.PORT`, for a test of a bad setting), and waits until GET /healthz answers 200. Only
 * PATH is passed through from this environment, plus `env`; BENCH_NODE_ARGS adds node options (e.g.
 * `--cpu-prof --cpu-prof-dir=/tmp/p`). The output kept is its last `outputLimit` characters (a long bench run
 * writes a lot; a test reading its log lines keeps all).
 */
export async function spawnServer(entry: string, env: Record<string, string>, timeoutMs = 20_000, outputLimit = 20_000): Promise<ServerProcess> {
  if (!fs.existsSync(entry)) throw new Error(`${entry} is missing: run "npm run build" (and the bench build) first`);
  const port = env.PORT ?? String(await freePort());
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(/\s+/).filter((a) => a !== '');
  const started = performance.now();
  const child = spawn(process.execPath, ['--disable-warning=DEP0111', '--disable-warning=DEP0005', ...nodeArgs, entry], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', ...env, PORT: port },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (chunk: Buffer) => {
    out = (out + chunk.toString()).slice(-outputLimit);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const baseUrl = `http://127.0.0.1:${port}`;
  const exited = new Promise<never>((_resolve, reject) =>
    child.once('exit', (code, signal) => reject(new Error(`${path.basename(entry)} exited (${code ?? signal}) before it was healthy:\n${out}`))),
  );
  exited.catch(() => undefined);
  const healthy = (async () => {
    while (performance.now() - started < timeoutMs) {
      // A port that is not a number (a test of a bad setting) is never probed: the server is expected to exit.
      if (/^\d+$/.test(port) && (await healthStatus(`${baseUrl}/healthz`)) === 200) return performance.now() - started;
      if (child.exitCode !== null || child.signalCode !== null) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error(`${path.basename(entry)} was not healthy within ${timeoutMs} ms:\n${out}`);
  })();
  let startToHealthyMs: number;
  try {
    startToHealthyMs = await Promise.race([healthy, exited]);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  const pid = child.pid ?? -1;
  return {
    child,
    pid,
    baseUrl,
    startToHealthyMs,
    memory: () => readMemory(pid),
    cpuMs: () => readCpuMs(pid),
    diskWriteBytes: () => readDiskWriteBytes(pid),
    output: () => out,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await gone;
      clearTimeout(timer);
    },
  };
}

export interface RssSampler {
  /** Resident memory (KiB) once per interval, from the start of sampling. */
  samples: { atMs: number; rssKiB: number }[];
  stop(): void;
}

/** Samples a process's RSS every `everyMs` (unref'd timer). */
export function sampleRss(pid: number, everyMs = 1000): RssSampler {
  const started = performance.now();
  const samples: RssSampler['samples'] = [];
  const take = () => {
    const memory = readMemory(pid);
    if (memory) samples.push({ atMs: performance.now() - started, rssKiB: memory.rssKiB });
  };
  take();
  const timer = setInterval(take, everyMs);
  timer.unref();
  return { samples, stop: () => clearInterval(timer) };
}
