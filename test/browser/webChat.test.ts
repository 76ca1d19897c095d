import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ConsoleMessage, Locator, Page } from 'playwright-core';
import { loadConfig } from '../../src/config';
import { ContentStore } from '../../src/content/contentStore';
import { createMemoryLogger } from '../../src/logger';
import { startBot, type Running } from '../../src/wiring';
import { describeWithBrowser, launchBrowser, type LaunchedBrowser } from '../helpers/browser';

/**
 * The real local web chat page in headless Chromium: Microsoft's Web Chat bundle, the page script,
 * the CSP header and the in-process Direct Line stand-in, end to end. One browser profile for the
 * whole file, so the second test is a returning user (same localStorage user id).
 */

const content = ContentStore.load(path.join(__dirname, '..', '..', 'content', 'en'));
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const SCREENSHOT = path.join(__dirname, '..', '..', 'test-results', 'webchat-phone.png');
const UI_TIMEOUT = 15_000;

/**
 * A plain piece of a content text as Web Chat shows it: Markdown emphasis removed, and cut at quotes
 * (Web Chat turns straight quotes into curly ones), keeping the longest piece of the first line.
 */
function fragment(key: string, vars?: Record<string, string | number>): string {
  const firstLine = content.text(key, vars).replace(/\*\*|__|(?<!\w)_|_(?!\w)/g, '').split('\n')[0] ?? '';
  const pieces = firstLine.split(/['"‘’“”]/).map((p) => p.trim());
  return pieces.reduce((best, p) => (p.length > best.length ? p : best), '');
}

/** Console messages that are expected and harmless; everything else of type error fails the test. */
const HARMLESS: RegExp[] = [
  /favicon\.ico/i, // the page has no favicon; Chromium asks for one anyway
];

interface PageProblems {
  errors: string[];
  csp: string[];
}

function watch(page: Page): PageProblems {
  const problems: PageProblems = { errors: [], csp: [] };
  page.on('console', (msg: ConsoleMessage) => {
    if (msg.type() !== 'error') return;
    const text = `${msg.text()} (${msg.location().url || 'no url'})`;
    if (/Content[- ]Security[- ]Policy|Refused to/i.test(text)) problems.csp.push(text);
    else if (!HARMLESS.some((re) => re.test(text))) problems.errors.push(text);
  });
  page.on('pageerror', (err) => problems.errors.push(`pageerror: ${err.message}`));
  return problems;
}

/** CSP violations as the page itself sees them (also ones Chromium does not print to the console). */
async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (globalThis as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
}

function bubbles(page: Page, text: string): Locator {
  return page.locator('.webchat__bubble__content', { hasText: text });
}

/** Waits until at least `count` bubbles contain `text` (Web Chat may keep a second, screen-reader copy). */
async function waitForBubbles(page: Page, text: string, count: number): Promise<void> {
  await bubbles(page, text).nth(count - 1).waitFor({ state: 'visible', timeout: UI_TIMEOUT });
}

/**
 * Waits until the newest bubble is the menu prompt (the bot's turn is over) and returns how many menu
 * prompts are shown, so the next check can wait for one more without racing the current turn.
 */
async function promptsAfterTurn(page: Page): Promise<number> {
  const prompt = fragment('menu.prompt');
  await page.locator('.webchat__bubble__content').last().filter({ hasText: prompt }).waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  return bubbles(page, prompt).count();
}

function suggestedAction(page: Page, name: string): Locator {
  return page.getByRole('toolbar', { name: 'Suggested actions' }).getByRole('button', { name });
}

async function send(page: Page, text: string): Promise<void> {
  const input = page.locator('[data-id="webchat-sendbox-input"]');
  await input.fill(text);
  await input.press('Enter');
}

describeWithBrowser('local web chat page in Chromium', () => {
  let running: Running;
  let browser: LaunchedBrowser;
  let page: Page;
  let problems: PageProblems;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bc-browser-'));
    [running, browser] = await Promise.all([
      startBot(loadConfig({ PORT: '0', HOST: '127.0.0.1', STORAGE: 'sqlite', DATA_DIR: dataDir }), createMemoryLogger('warn')),
      launchBrowser({ viewport: PHONE }),
    ]);
    await browser.context.addInitScript(() => {
      const g = globalThis as unknown as {
        __cspViolations?: string[];
        addEventListener(type: string, fn: (e: { violatedDirective: string; blockedURI: string; sourceFile: string; lineNumber: number }) => void): void;
      };
      g.__cspViolations = [];
      g.addEventListener('securitypolicyviolation', (e) => {
        g.__cspViolations?.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
      });
    });
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    problems = watch(page);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await running?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  afterEach(async () => {
    // Every test ends with a clean console: no CSP violations, no unexpected errors.
    const csp = [...problems.csp, ...(await cspViolations(page).catch(() => []))];
    const report = [...csp.map((c) => `CSP: ${c}`), ...problems.errors];
    problems.csp.length = 0;
    problems.errors.length = 0;
    expect(report).toEqual([]);
  });

  it('a new user on a phone: welcome, menu, a step, help, the case card and its buttons', async () => {
    const response = await page.goto(running.baseUrl, { waitUntil: 'domcontentloaded' });
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");

    await expect(page.title()).resolves.toBe(content.text('web.title'));
    await page.getByRole('heading', { level: 1, name: content.text('web.title') }).waitFor({ state: 'visible' });
    await page.locator('footer.privacy').getByText(fragment('web.privacy')).waitFor({ state: 'visible' });

    // Welcome (first visit) and the menu as suggested actions.
    await waitForBubbles(page, fragment('welcome.first'), 1);
    expect(await bubbles(page, fragment('welcome.backNoCase')).count()).toBe(0);
    const menuPrompts = await promptsAfterTurn(page);
    for (const key of ['gather', 'callPrep', 'offer', 'rehearsal', 'followUp', 'ask', 'myCase']) {
      await suggestedAction(page, content.text(`menu.options.${key}.title`)).waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    }

    // A menu button: the step's reply, then the menu again.
    await suggestedAction(page, content.text('menu.options.callPrep.title')).click();
    await waitForBubbles(page, fragment('menu.comingSoon.callPrep'), 1);
    await waitForBubbles(page, fragment('menu.prompt'), menuPrompts + 1);
    await suggestedAction(page, content.text('menu.options.gather.title')).waitFor({ state: 'visible', timeout: UI_TIMEOUT });

    // Typed commands: help, then "my case" as an Adaptive Card.
    await send(page, 'help');
    await waitForBubbles(page, fragment('help.text'), 1);

    await send(page, 'my case');
    const card = page.locator('.ac-adaptiveCard').last();
    await card.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    await card.getByText(content.text('card.title')).first().waitFor({ state: 'visible' });

    // A card button works like typing the command.
    const before = await promptsAfterTurn(page);
    await card.locator('button', { hasText: content.text('card.actions.menu') }).click();
    await waitForBubbles(page, fragment('menu.prompt'), before + 1);
    await suggestedAction(page, content.text('menu.options.gather.title')).waitFor({ state: 'visible', timeout: UI_TIMEOUT });

    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
  }, 60_000);

  it('a returning user (same browser, page reloaded) is welcomed back', async () => {
    await page.reload({ waitUntil: 'domcontentloaded' });
    await waitForBubbles(page, fragment('welcome.backNoCase'), 1);
    expect(await bubbles(page, fragment('welcome.first')).count()).toBe(0);
    await suggestedAction(page, content.text('menu.options.gather.title')).waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  }, 60_000);

  it('fits the screen at phone and desktop width: no horizontal scrolling, send box visible', async () => {
    const layout = () =>
      page.evaluate(() => {
        const d = (globalThis as unknown as {
          document: { scrollingElement: { scrollWidth: number } | null; querySelector(s: string): { getBoundingClientRect(): { left: number; right: number; width: number } } | null };
          innerWidth: number;
        });
        const chat = d.document.querySelector('#webchat')?.getBoundingClientRect();
        return { scrollWidth: d.document.scrollingElement?.scrollWidth ?? 0, innerWidth: d.innerWidth, chatLeft: chat?.left ?? -1, chatRight: chat?.right ?? -1 };
      });
    const sendBox = page.locator('[data-id="webchat-sendbox-input"]');

    for (const size of [PHONE, DESKTOP]) {
      await page.setViewportSize(size);
      await sendBox.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await expect(sendBox.isVisible()).resolves.toBe(true);
      const box = await sendBox.boundingBox();
      expect(box).not.toBeNull();
      // Fully on screen, not below the fold.
      expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(size.height);
      const { scrollWidth, innerWidth, chatLeft, chatRight } = await layout();
      expect(innerWidth).toBe(size.width);
      expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
      expect(chatLeft).toBeGreaterThanOrEqual(0);
      expect(chatRight).toBeLessThanOrEqual(innerWidth);
    }
    await page.setViewportSize(PHONE);
  }, 60_000);
});
