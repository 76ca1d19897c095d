import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
export const BUILT_ENTRY = path.join(ROOT, 'dist', 'src', 'index.js');

export interface BotProcess {
  child: ChildProcess;
  baseUrl: string;
  /** Milliseconds from spawn to the "listening" log line. */
  startMs: number;
  output(): string;
}

/** Runs the built bot (`npm start` without the build) as a real process on 127.0.0.1 and a free port. */
export async function spawnBot(env: Record<string, string>, timeoutMs = 15_000): Promise<BotProcess> {
  if (!fs.existsSync(BUILT_ENTRY)) throw new Error(`${BUILT_ENTRY} is missing: run "npm run build" (npm test does it first)`);
  const started = Date.now();
  const child = spawn(process.execPath, ['--disable-warning=DEP0111', '--disable-warning=DEP0005', BUILT_ENTRY], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bot did not start in ${timeoutMs} ms:\n${out}`)), timeoutMs);
    const check = () => {
      const line = out.split('\n').find((l) => l.includes('"server.listening"'));
      if (!line) return;
      clearTimeout(timer);
      child.stdout?.off('data', check);
      const { host, port } = JSON.parse(line) as { host: string; port: number };
      resolve(`http://${host}:${port}`);
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`bot exited with ${code}:\n${out}`));
    });
  });
  return { child, baseUrl, startMs: Date.now() - started, output: () => out };
}

/** The first JSON log line of `event` the process writes (waits up to `timeoutMs`). */
export async function logLine(bot: BotProcess, event: string, timeoutMs = 5000): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const line = bot.output().split('\n').find((l) => l.includes(`"event":"${event}"`));
    if (line) return JSON.parse(line) as Record<string, unknown>;
    if (Date.now() > deadline) throw new Error(`no ${event} log line in ${timeoutMs} ms:\n${bot.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export async function kill(bot: BotProcess, signal: NodeJS.Signals): Promise<number | null> {
  if (bot.child.exitCode !== null || bot.child.signalCode !== null) return bot.child.exitCode;
  const exited = new Promise<number | null>((resolve) => bot.child.once('exit', (code) => resolve(code)));
  bot.child.kill(signal);
  return exited;
}
