import type { ChildProcess } from 'node:child_process';
import { BOT_ENTRY, spawnServer } from '../bench/serverProcess';

export const BUILT_ENTRY = BOT_ENTRY;

export interface BotProcess {
  child: ChildProcess;
  baseUrl: string;
  /** Milliseconds from spawn to the first 200 from GET /healthz. */
  startMs: number;
  output(): string;
}

/**
 * Runs the built bot (`npm start` without the build) as a real process on 127.0.0.1 and a free port, with
 * the bench's spawner (one way to start a server in tests): info logs, and all its output kept for logLine.
 */
export async function spawnBot(env: Record<string, string>, timeoutMs = 15_000): Promise<BotProcess> {
  const server = await spawnServer(BOT_ENTRY, { LOG_LEVEL: 'info', ...env }, timeoutMs, Number.POSITIVE_INFINITY);
  return { child: server.child, baseUrl: server.baseUrl, startMs: server.startToHealthyMs, output: server.output };
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
