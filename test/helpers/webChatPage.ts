import type { ConsoleMessage, Locator, Page, Response } from 'playwright-core';
import type { ContentStore, TextVars } from '../../src/content/contentStore';
import { launchBrowser, type LaunchedBrowser } from './browser';
import { startTestServer } from './server';

/**
 * The local web chat page (Microsoft's Web Chat) as a person uses it: read the bubbles, press the
 * suggested actions, type in the send box. Texts are always taken from the content files, so copy
 * edits never break a browser test.
 */

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 800 };
/** How long to wait for anything the bot or Web Chat shows. */
export const UI_TIMEOUT = 15_000;

/** The main menu's options (content keys under `menu.options`), in the order the menu shows them. */
export const MENU_OPTIONS = ['gather', 'callPrep', 'offer', 'rehearsal', 'followUp', 'ask', 'myCase'] as const;

const QUOTES = /['"‘’“”]/;

/** A content text as Web Chat shows it, first line only: Markdown emphasis (**, __, _) removed. */
function firstLineShown(text: string): string {
  return text.replace(/\*\*|__|(?<!\w)_|_(?!\w)/g, '').split('\n')[0] ?? '';
}

/**
 * A plain piece of a content text as Web Chat shows it: Markdown emphasis removed, and cut at quotes
 * (Web Chat turns straight quotes into curly ones), keeping the longest piece of the first line.
 */
export function fragment(content: ContentStore, key: string, vars?: TextVars): string {
  const pieces = firstLineShown(content.text(key, vars)).split(new RegExp(QUOTES, 'g')).map((p) => p.trim());
  return pieces.reduce((best, p) => (p.length > best.length ? p : best), '');
}

/**
 * The first line of a content text as Web Chat shows it, as a pattern: a RegExp value stands for
 * whatever it matches (`{ total: /\d+/ }`), a number matches only that whole number, any quote
 * matches any quote and any run of white space any other.
 */
export function shownPattern(content: ContentStore, key: string, vars: Readonly<Record<string, string | number | RegExp>>): RegExp {
  const names = Object.keys(vars);
  const marks = new Map(names.map((name, i) => [String.fromCharCode(0xe000 + i), vars[name]]));
  const marked = Object.fromEntries(names.map((name, i) => [name, String.fromCharCode(0xe000 + i)]));
  const line = firstLineShown(content.text(key, marked));
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const source = line.replace(/[\ue000-\uf8ff]|['"‘’“”]|\s+|[^\ue000-\uf8ff'"‘’“”\s]+/g, (piece) => {
    const value = marks.get(piece);
    if (value instanceof RegExp) return `(?:${value.source})`;
    if (typeof value === 'number') return `(?<!\\d)${value}(?!\\d)`;
    if (value !== undefined) return escape(value);
    if (QUOTES.test(piece)) return QUOTES.source;
    if (/^\s+$/.test(piece)) return '\\s+';
    return escape(piece);
  });
  return new RegExp(source);
}

/** Console messages that are expected and harmless; everything else of type error fails the test. */
const HARMLESS: RegExp[] = [
  /favicon\.ico/i, // the page has no favicon; Chromium asks for one anyway
];

export interface PageProblems {
  errors: string[];
  csp: string[];
}

/** Collects the page's console errors (CSP reports apart) and uncaught page errors from now on. */
export function watch(page: Page): PageProblems {
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

/** Makes every page of the browser record its CSP violations, for cspViolations(page). */
export async function recordCspViolations(browser: LaunchedBrowser): Promise<void> {
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
}

/**
 * CSP violations as the page itself sees them (also ones Chromium does not print to the console),
 * taken: the next call reports only newer ones.
 */
export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (globalThis as unknown as { __cspViolations?: string[] }).__cspViolations?.splice(0) ?? []);
}

/** Every message bubble, or the ones containing `text`. */
export function bubbles(page: Page, text?: string): Locator {
  return page.locator('.webchat__bubble__content', text === undefined ? {} : { hasText: text });
}

/** Waits until at least `count` bubbles contain `text` (Web Chat may keep a second, screen-reader copy). */
export async function waitForBubbles(page: Page, text: string, count = 1): Promise<void> {
  await bubbles(page, text).nth(count - 1).waitFor({ state: 'visible', timeout: UI_TIMEOUT });
}

/**
 * Waits until the newest bubble contains `text` (the bot has finished its turn with that message) and
 * returns it. Only safe when the bubble before cannot contain `text` too.
 */
export async function botSays(page: Page, text: string): Promise<Locator> {
  const last = bubbles(page).last().filter({ hasText: text });
  await last.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  return last;
}

/** The newest Adaptive Card, once it is shown. */
export async function lastCard(page: Page): Promise<Locator> {
  const card = page.locator('.ac-adaptiveCard').last();
  await card.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  return card;
}

/** A suggested-action button by its exact title ("No" is not "Not sure", "Yes" not "Yes, I have it"). */
export function suggestedAction(page: Page, name: string): Locator {
  return page.getByRole('toolbar', { name: 'Suggested actions' }).getByRole('button', { name, exact: true });
}

/** Waits until the main menu's buttons are offered. */
export async function menuOffered(page: Page, content: ContentStore): Promise<void> {
  for (const key of MENU_OPTIONS) {
    await suggestedAction(page, content.text(`menu.options.${key}.title`)).waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  }
}

/** Presses a suggested action once it is offered. */
export async function press(page: Page, title: string): Promise<void> {
  const button = suggestedAction(page, title);
  await button.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  await button.click();
}

export function sendBox(page: Page): Locator {
  return page.locator('[data-id="webchat-sendbox-input"]');
}

/** Types `text` into the send box and sends it. */
export async function sendText(page: Page, text: string): Promise<void> {
  const input = sendBox(page);
  await input.fill(text);
  await input.press('Enter');
}

export interface LocalBot {
  baseUrl: string;
  /** Stops the bot and removes its data folder. */
  stop(): Promise<void>;
}

/** The real bot and its web chat page, in this process, on 127.0.0.1 and a free port, with sqlite in a temp folder. */
export async function startLocalBot(): Promise<LocalBot> {
  const server = await startTestServer();
  return { baseUrl: server.baseUrl, stop: () => server.close() };
}

export interface ChatSession {
  bot: LocalBot;
  browser: LaunchedBrowser;
  /** One page in one persistent profile: a reload is the same user coming back. */
  page: Page;
  /** Opens the web chat page (the bot's base URL) and returns the page's response. */
  open(): Promise<Response | null>;
  /** CSP violations and unexpected console errors since the last call, as one list (empty when clean). */
  consoleProblems(): Promise<string[]>;
  close(): Promise<void>;
}

/** The local bot and headless Chromium side by side, the page watched for console errors and CSP violations. */
export async function startChatSession(viewport = PHONE): Promise<ChatSession> {
  const [bot, browser] = await Promise.allSettled([startLocalBot(), launchBrowser({ viewport })]);
  if (bot.status === 'rejected' || browser.status === 'rejected') {
    if (bot.status === 'fulfilled') await bot.value.stop();
    if (browser.status === 'fulfilled') await browser.value.close();
    throw bot.status === 'rejected' ? bot.reason : (browser as PromiseRejectedResult).reason;
  }
  await recordCspViolations(browser.value);
  const page = browser.value.context.pages()[0] ?? (await browser.value.context.newPage());
  const problems = watch(page);
  return {
    bot: bot.value,
    browser: browser.value,
    page,
    open: () => page.goto(bot.value.baseUrl, { waitUntil: 'domcontentloaded' }),
    async consoleProblems() {
      const csp = [...problems.csp.splice(0), ...(await cspViolations(page).catch(() => []))];
      return [...csp.map((c) => `CSP: ${c}`), ...problems.errors.splice(0)];
    },
    async close() {
      try {
        await browser.value.close();
      } finally {
        await bot.value.stop();
      }
    },
  };
}

/**
 * One chat session for the enclosing describe block: started before its tests, closed after them.
 * Read `session` (or `page`) inside the tests, not while the block is being declared.
 */
export function useChatSession(viewport = PHONE): { readonly session: ChatSession; readonly page: Page } {
  let current: ChatSession | undefined;
  beforeAll(async () => {
    current = await startChatSession(viewport);
  }, 60_000);
  afterAll(async () => {
    await current?.close();
  }, 30_000);
  const session = (): ChatSession => {
    if (!current) throw new Error('the chat session has not started (read it inside a test)');
    return current;
  };
  return {
    get session() {
      return session();
    },
    get page() {
      return session().page;
    },
  };
}
