import type { Locator, Page } from 'playwright-core';
import type { ContentStore } from '../../src/content/contentStore';
import { PHONE, shownPattern, suggestedAction } from './webChatPage';

/**
 * Drives a persona through the real web chat page as a person would: wait for the bot to finish,
 * read what it asks, answer it (press the offered button or type), and record every message — its
 * text, its buttons and its rendered height — so a test can judge the conversation and the
 * walkthrough can write it down. The persona says which question it answers by the question's
 * content key, never by its position, so the order of questions can change without breaking it.
 */

/** 1.5 phone screens: no bot message may be taller. */
export const MAX_MESSAGE_PX = Math.round(PHONE.height * 1.5);
/**
 * The bot has finished its turn when it offers buttons (a question ends its turn) and nothing new came
 * for BUTTONS_QUIET_MS, or when nothing new came for QUIET_MS: longer than the page's Direct Line
 * polling interval (1 s without a WebSocket), so a turn's later messages are never taken for the next one's.
 */
const QUIET_MS = 1400;
const BUTTONS_QUIET_MS = 300;
const REPLY_TIMEOUT_MS = 20_000;

/** A file the user sends with Web Chat's 📎 button: its name, type and bytes (made when it is sent). */
export interface AttachedFile {
  name: string;
  mimeType: string;
  bytes(): Promise<Uint8Array>;
}

/** What the user does: press a button (its title's content key), type, or attach a file. */
export type Reply = { press: string } | { type: string } | { attach: AttachedFile };

export interface Answer {
  /** Content key of the bot's question (its first line identifies it). */
  when: string;
  /** Values for the question's placeholders; a placeholder not given matches anything. */
  vars?: Record<string, string | number | RegExp>;
  /** The answer; a list is used one item per time the question comes (a loop such as bill lines). */
  reply: Reply | Reply[];
  /** A plainer answer, used once when the bot asks again (it did not understand the first). */
  plain?: Reply;
}

export interface JourneyStep {
  /** Short id for files and headings ("gather", "callPrep" …). */
  id: string;
  title: string;
  /** How the step is started from the menu. */
  start: Reply;
  answers: Answer[];
  /** Content keys that end the step when the bot says one of them. */
  until: string[];
}

export interface Persona {
  id: string;
  title: string;
  story: string;
  steps: JourneyStep[];
}

export interface BotMessage {
  from: 'bot';
  text: string;
  /** Titles of the buttons inside the message (card actions). */
  cardButtons: string[];
  files: string[];
  heightPx: number;
  /** The message's element, for a screenshot. */
  locator: Locator;
}

export interface UserMessage {
  from: 'user';
  text: string;
  pressed: boolean;
}

export type Note = { from: 'note'; text: string; kind: 'reask' | 'unscripted' | 'suggested' };

export type TranscriptEntry = BotMessage | UserMessage | Note;

export interface StepRecord {
  step: JourneyStep;
  entries: TranscriptEntry[];
  completed: boolean;
  reasks: number;
}

export interface DriveOptions {
  /** Called when a step ends (completed or not), e.g. to take a screenshot. */
  afterStep?: (record: StepRecord) => Promise<void>;
  /** Most user turns in one step before the driver gives up on it. */
  maxTurns?: number;
}

const ACTIVITY = '.webchat__basic-transcript__activity';
const FROM_USER = '.webchat__stacked-layout--from-user';

/** A content text's first line as Web Chat shows it, as a pattern (placeholders not given match anything). */
export function matcher(content: ContentStore, key: string, vars: Answer['vars'] = {}): RegExp {
  const all: Record<string, string | number | RegExp> = {};
  for (const name of content.placeholders(key)) all[name] = vars[name] ?? /[\s\S]*?/;
  return shownPattern(content, key, all);
}

/** The bot's activities so far (the user's own messages do not count: the bot has not answered yet). */
async function botActivityCount(page: Page): Promise<number> {
  return page.locator(ACTIVITY).evaluateAll((els, fromUser) => els.filter((el) => (el as unknown as { querySelector(s: string): unknown }).querySelector(fromUser) === null).length, FROM_USER);
}

/** Waits until a new bot activity appeared after `before`, then until the bot's turn is over (see QUIET_MS). */
async function settle(page: Page, before: number): Promise<void> {
  const deadline = Date.now() + REPLY_TIMEOUT_MS;
  let count = await botActivityCount(page);
  while (count <= before && Date.now() < deadline) {
    await page.waitForTimeout(100);
    count = await botActivityCount(page);
  }
  let stableSince = Date.now();
  for (;;) {
    await page.waitForTimeout(100);
    const now = await botActivityCount(page);
    if (now !== count) {
      count = now;
      stableSince = Date.now();
      continue;
    }
    const quiet = Date.now() - stableSince;
    if (quiet >= QUIET_MS || Date.now() > deadline) return;
    if (quiet >= BUTTONS_QUIET_MS && (await offeredButtons(page)).length > 0) return;
  }
}

async function readActivity(locator: Locator): Promise<BotMessage | UserMessage> {
  const info = await locator.evaluate((el, fromUser) => {
    type Node = { innerText: string; textContent: string | null; getAttribute(n: string): string | null };
    const node = el as unknown as {
      querySelector(s: string): unknown;
      querySelectorAll(s: string): ArrayLike<Node>;
      getBoundingClientRect(): { height: number };
    };
    // The visible bubbles only (the message text, then each card or file): Web Chat also keeps a
    // screen-reader copy and a "Sent at" line.
    return {
      fromUser: node.querySelector(fromUser) !== null,
      text: Array.from(node.querySelectorAll('.webchat__bubble__content')).map((b) => b.innerText.trim()).filter((t) => t !== '').join('\n\n'),
      cardButtons: Array.from(node.querySelectorAll('.ac-adaptiveCard button')).map((b) => (b.textContent ?? '').trim()),
      files: Array.from(node.querySelectorAll('a[download]')).map((a) => a.getAttribute('download') ?? ''),
      height: node.getBoundingClientRect().height,
    };
  }, FROM_USER);
  if (info.fromUser) return { from: 'user', text: info.text, pressed: false };
  return { from: 'bot', text: info.text, cardButtons: info.cardButtons, files: info.files, heightPx: Math.round(info.height), locator };
}

/** The suggested actions on offer now. */
export async function offeredButtons(page: Page): Promise<string[]> {
  const toolbar = page.getByRole('toolbar', { name: 'Suggested actions' });
  if ((await toolbar.count()) === 0) return [];
  return (await toolbar.getByRole('button').allTextContents()).map((t) => t.trim()).filter((t) => t !== '');
}

interface Slot {
  answer: Answer;
  patterns: RegExp[];
  used: number;
  plainUsed: boolean;
}

/** Drives the persona's steps in order on a page already showing the menu; returns what each step showed. */
export class JourneyDriver {
  private seen = 0;
  /** The question answered last, for a general re-ask that names no question. */
  private lastAnswered: Slot | undefined;

  constructor(
    private readonly page: Page,
    private readonly content: ContentStore,
  ) {}

  /** Opens nothing: waits for the welcome (the page must be loading) and records it. */
  async welcome(): Promise<TranscriptEntry[]> {
    await settle(this.page, 0);
    return this.newEntries();
  }

  async drive(persona: Persona, options: DriveOptions = {}): Promise<StepRecord[]> {
    const records: StepRecord[] = [];
    for (const step of persona.steps) {
      const record = await this.runStep(step, options.maxTurns ?? 60);
      records.push(record);
      await options.afterStep?.(record);
    }
    return records;
  }

  private async newEntries(): Promise<TranscriptEntry[]> {
    const all = this.page.locator(ACTIVITY);
    const count = await all.count();
    const out: TranscriptEntry[] = [];
    for (let i = this.seen; i < count; i++) out.push(await readActivity(all.nth(i)));
    this.seen = count;
    return out;
  }

  private async act(reply: Reply, entries: TranscriptEntry[]): Promise<void> {
    const before = await botActivityCount(this.page);
    if ('press' in reply) {
      const title = this.content.text(reply.press);
      const button = suggestedAction(this.page, title);
      if ((await button.count()) > 0) await button.first().click();
      else {
        // No such button: a card button, or type the title as a person would.
        const inCard = this.page.locator(`${ACTIVITY} .ac-adaptiveCard button`, { hasText: title }).last();
        if ((await inCard.count()) > 0) await inCard.click();
        else await this.typeText(title);
      }
    } else if ('attach' in reply) {
      const { name, mimeType } = reply.attach;
      const buffer = Buffer.from(await reply.attach.bytes());
      const [chooser] = await Promise.all([this.page.waitForEvent('filechooser'), this.page.locator('.webchat__upload-button').click()]);
      const cards = this.page.locator(`${ACTIVITY} .ac-adaptiveCard`);
      const cardsBefore = await cards.count();
      await chooser.setFiles({ name, mimeType, buffer });
      // "Reading it now…" comes first; what was read (a card) or why not comes after the read, seconds later.
      const deadline = Date.now() + REPLY_TIMEOUT_MS;
      while ((await cards.count()) <= cardsBefore && Date.now() < deadline) await this.page.waitForTimeout(100);
    } else await this.typeText(reply.type);
    await settle(this.page, before);
    const fresh = await this.newEntries();
    for (const entry of fresh) if (entry.from === 'user' && 'press' in reply) entry.pressed = true;
    entries.push(...fresh);
  }

  private async typeText(text: string): Promise<void> {
    const input = this.page.locator('[data-id="webchat-sendbox-input"]');
    await input.fill(text);
    await input.press('Enter');
  }

  private lastBotText(entries: TranscriptEntry[]): string {
    // The bot's messages since the user last spoke.
    const since: string[] = [];
    for (let i = entries.length - 1; i >= 0; i--) {
      const e = entries[i] as TranscriptEntry;
      if (e.from === 'user') break;
      if (e.from === 'bot') since.unshift(e.text);
    }
    return since.join('\n');
  }

  private async runStep(step: JourneyStep, maxTurns: number): Promise<StepRecord> {
    const record: StepRecord = { step, entries: [], completed: false, reasks: 0 };
    const slots: Slot[] = step.answers.map((answer) => ({
      answer,
      patterns: [answer.when, answer.when.replace(/\.ask$/, '.retry')]
        .filter((key, i) => i === 0 || (key !== answer.when && this.content.has(key)))
        .map((key) => matcher(this.content, key, answer.vars)),
      used: 0,
      plainUsed: false,
    }));
    const until = step.until.map((key) => matcher(this.content, key));
    record.entries.push(...(await this.newEntries()));
    await this.act(step.start, record.entries);
    for (let turn = 0; turn < maxTurns; turn++) {
      const said = this.lastBotText(record.entries);
      if (until.some((re) => re.test(said))) {
        record.completed = true;
        break;
      }
      const reply = this.nextReply(slots, said, record);
      if (!reply) {
        const buttons = await offeredButtons(this.page);
        record.entries.push({ from: 'note', kind: 'unscripted', text: `The persona has no answer for this${buttons.length ? ` (buttons: ${buttons.join(' · ')})` : ''}; leaving the step with "menu".` });
        await this.act({ type: 'menu' }, record.entries);
        break;
      }
      await this.act(reply, record.entries);
    }
    return record;
  }

  private progress: RegExp[] | undefined;

  /** "Step 1 of 5 · … question N of M": every questionnaire's progress line. */
  private progressLines(): RegExp[] {
    this.progress ??= this.content.keys().filter((k) => k.endsWith('.progress')).map((k) => matcher(this.content, k));
    return this.progress;
  }

  /** The answer to what the bot just said: a new question's answer, or on a re-ask the plainer one. */
  private nextReply(slots: Slot[], said: string, record: StepRecord): Reply | undefined {
    const matching = slots.filter((s) => s.patterns.some((re) => re.test(said)));
    const fresh = matching.find((s) => s.used === 0 || (Array.isArray(s.answer.reply) && s.used < s.answer.reply.length));
    if (fresh) {
      const reply = Array.isArray(fresh.answer.reply) ? (fresh.answer.reply[fresh.used] as Reply) : fresh.answer.reply;
      fresh.used++;
      this.lastAnswered = fresh;
      return reply;
    }
    const again = matching.find((s) => s.answer.plain !== undefined && !s.plainUsed);
    if (again?.answer.plain) {
      again.plainUsed = true;
      record.reasks++;
      record.entries.push({ from: 'note', kind: 'reask', text: `The bot asked again (it did not take the answer above); answering more plainly.` });
      return again.answer.plain;
    }
    if (matching.length > 0) {
      record.reasks++;
      record.entries.push({ from: 'note', kind: 'reask', text: 'The bot asked again and the persona has no plainer answer.' });
      return undefined;
    }
    // Nothing known: a general re-ask ("Please type one whole number …") of the question just answered,
    // unless the bot went on to a question of its own (its progress line says so).
    const last = this.lastAnswered;
    const movedOn = this.progressLines().some((re) => re.test(said));
    if (!movedOn && last?.answer.plain && !last.plainUsed) {
      last.plainUsed = true;
      record.reasks++;
      record.entries.push({ from: 'note', kind: 'reask', text: 'The bot did not take the answer above; answering more plainly.' });
      return last.answer.plain;
    }
    return undefined;
  }
}

/** Every message the page shows now, in order, read as the driver records them (text, buttons, rendered height). */
export async function messagesShown(page: Page): Promise<(BotMessage | UserMessage)[]> {
  const all = page.locator(ACTIVITY);
  const out: (BotMessage | UserMessage)[] = [];
  for (let i = 0, count = await all.count(); i < count; i++) out.push(await readActivity(all.nth(i)));
  return out;
}

/** Every bot message in the records. */
export function botMessages(records: readonly StepRecord[]): BotMessage[] {
  return records.flatMap((r) => r.entries.filter((e): e is BotMessage => e.from === 'bot'));
}
