import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's Chromium (`apt-get install -y chromium`); Playwright never downloads a browser here. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** The Chromium to drive, or undefined when it is not installed. */
export function chromiumPath(): string | undefined {
  return fs.existsSync(CHROMIUM_PATH) ? CHROMIUM_PATH : undefined;
}

/** CI sets CI=true (GitHub Actions, GitLab, most others); CI=0 / CI=false count as not set. */
function onCi(): boolean {
  const value = process.env.CI?.trim() ?? '';
  return value !== '' && !/^(0|false)$/i.test(value);
}

/**
 * A describe block that needs a real browser. Without Chromium it is skipped with a loud warning on a
 * developer machine, and fails (throws) on CI (`CI` set), so CI can never skip the browser tests silently.
 */
export function describeWithBrowser(name: string, fn: () => void): void {
  const executable = chromiumPath();
  if (!executable) {
    const message = `BROWSER TESTS SKIPPED: ${CHROMIUM_PATH} not found — install with apt-get install -y chromium`;
    if (onCi()) {
      throw new Error(`${message}\n(CI is set: browser tests must run on CI, so this is a failure, not a skip.)`);
    }
    const bar = '!'.repeat(message.length);
    process.stderr.write(`\n${bar}\n${message}\n  ("${name}" did not run.)\n${bar}\n\n`);
  }
  const maybe = executable ? describe : describe.skip;
  maybe(name, fn);
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface LaunchedBrowser {
  /** A persistent profile: localStorage survives reloads and new pages, like a returning user's browser. */
  context: BrowserContext;
  /** Closes the browser and removes its temporary profile folder. */
  close(): Promise<void>;
}

export async function launchBrowser(options: { viewport?: { width: number; height: number } } = {}): Promise<LaunchedBrowser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error(`${CHROMIUM_PATH} not found — install with apt-get install -y chromium`);
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bc-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath,
      headless: true,
      args: CHROMIUM_ARGS,
      ...(options.viewport ? { viewport: options.viewport } : {}),
    });
  } catch (err) {
    fs.rmSync(profileDir, { recursive: true, force: true });
    throw err;
  }
  let closed = false;
  return {
    context,
    async close() {
      if (closed) return;
      closed = true;
      try {
        await context.close();
      } finally {
        fs.rmSync(profileDir, { recursive: true, force: true });
      }
    },
  };
}
