import { ActivityTypes, type Activity, type Middleware, type ResourceResponse, type TurnContext } from 'botbuilder';

/**
 * Consecutive replies of a turn go out as few messages as reads the same.
 *
 * A step often ends with a few short notes and then the next question, or shows a note and then a card
 * or two: the offer turn sent seven activities, the call-script turn five. Teams asks bots to limit the
 * messages they post to one chat (a burst is shown as spam, and more than about seven a second is
 * answered 429), every activity is a separate round trip to the channel that the next one waits for
 * (about 100 ms each across a network), and on a phone one bubble reads calmer than four. So:
 * - a run of plain texts goes into the question after it (paragraphs apart), or into one message;
 * - cards that follow each other, or follow such a run, travel in one message: the text first, then
 *   the cards in order (channels draw a message's text above its attachments);
 * - nothing is ever put after a card in the same message, and files, events, typing and messages with
 *   buttons, values or channel data are never merged: each keeps its place in the order;
 * - but a merge never makes a wall of text: when the merged message would be long (its estimated
 *   reading length over LONG_MESSAGE), the pieces go separately, and so do two long cards; and the
 *   next question is led only by short notes (SHORT_LEAD): a result and the question after it are
 *   always two messages.
 */

/** At most this many cards in one message, and at most this much JSON (text and cards) in it. */
export const MAX_MERGED_CARDS = 4;
export const MAX_MERGED_BYTES = 20_000;
/**
 * A merged message may be at most this long, in characters of text as they read on a phone (a card
 * counts its texts plus a line's worth for each block and fact, which take a line or more of their own
 * at phone width). About 1,400 characters is a little under one phone screen (390×844): merging stops
 * there, so no merge makes a message taller than a screen (and none comes near Teams' ~28 KB limit).
 */
export const LONG_MESSAGE = 1400;
/**
 * The next question follows only notes shorter than this (a few sentences: "Saved.", what was
 * understood, a step's intro). After anything longer — a result — it comes as its own message, so a
 * result and the question after it are never one bubble.
 */
export const SHORT_LEAD = 600;
/** Characters a card block (a TextBlock, a fact, a container) adds beyond its text: its own line and spacing. */
const BLOCK_CHARS = 40;
const PARAGRAPH = '\n\n';
const FLUSH = Symbol('billcoach.flushReplies');
const CARD_TYPE = 'application/vnd.microsoft.card.';

/** A message whose text a run of plain texts may lead into: markdown text, buttons allowed, no card, file or speech. */
function canLeadInto(activity: Partial<Activity>): boolean {
  return (
    activity.type === ActivityTypes.Message &&
    typeof activity.text === 'string' &&
    activity.text.trim() !== '' &&
    (activity.textFormat === undefined || activity.textFormat === 'markdown') &&
    !activity.attachments?.length &&
    activity.speak === undefined
  );
}

/** Nothing else a message could carry: buttons, entities, a value, channel data. */
function carriesNothingElse(activity: Partial<Activity>): boolean {
  return !activity.suggestedActions && !activity.entities?.length && activity.value === undefined && activity.channelData === undefined;
}

/** Nothing but markdown text: no card, file, buttons, value, speech or channel data. */
export function isPlainText(activity: Partial<Activity>): boolean {
  return canLeadInto(activity) && carriesNothingElse(activity);
}

/** Nothing but cards, shown one under another: no text, file, buttons, value, speech or channel data. */
export function isCardsOnly(activity: Partial<Activity>): boolean {
  return (
    activity.type === ActivityTypes.Message &&
    (activity.text === undefined || activity.text === '') &&
    activity.speak === undefined &&
    (activity.attachmentLayout === undefined || activity.attachmentLayout === 'list') &&
    (activity.attachments?.length ?? 0) > 0 &&
    (activity.attachments ?? []).every((a) => typeof a.contentType === 'string' && a.contentType.startsWith(CARD_TYPE)) &&
    carriesNothingElse(activity)
  );
}

/** Replies that wait to see what follows them: they may merge with it. */
export function isMergeable(activity: Partial<Activity>): boolean {
  return isPlainText(activity) || isCardsOnly(activity);
}

const withText = (activity: Partial<Activity>, texts: string[]): Partial<Activity> => ({ ...activity, text: texts.join(PARAGRAPH) });
const bytesOf = (activity: Partial<Activity>): number => (activity.text?.length ?? 0) + JSON.stringify(activity.attachments ?? []).length;

/** What a card shows at first, in characters: its texts, facts and button titles; hidden parts (shown on demand) do not count. */
function cardLength(node: unknown): number {
  if (Array.isArray(node)) return node.reduce((sum: number, item) => sum + cardLength(item), 0);
  if (node === null || typeof node !== 'object') return 0;
  const element = node as Record<string, unknown>;
  if (element.isVisible === false) return 0;
  let sum = typeof element.type === 'string' && element.type !== 'AdaptiveCard' ? BLOCK_CHARS : 0;
  for (const key of ['text', 'title', 'value'] as const) if (typeof element[key] === 'string') sum += (element[key] as string).length;
  for (const key of ['body', 'items', 'facts', 'columns', 'actions'] as const) sum += cardLength(element[key]);
  return sum;
}

/** How long a message reads: its text and what its cards show at first. */
export function readingLength(activity: Partial<Activity>): number {
  return (activity.text?.length ?? 0) + (activity.attachments ?? []).reduce((sum, a) => sum + cardLength(a.content), 0);
}

/**
 * Merges each run of plain-text messages with the message after it when that one can take a lead (the
 * next question) or is cards only, and cards with the cards after them; everything else passes
 * unchanged, in order.
 */
export function coalesce(activities: readonly Partial<Activity>[]): Partial<Activity>[] {
  const out: Partial<Activity>[] = [];
  let run: Partial<Activity>[] = [];
  /** The last message out, while it still takes more cards. */
  let open: Partial<Activity> | undefined;
  const length = (items: Partial<Activity>[]) => items.reduce((sum, a) => sum + (a.text?.length ?? 0) + PARAGRAPH.length, 0);
  const flushRun = () => {
    const last = run.at(-1);
    if (last) out.push(withText(last, run.map((a) => a.text ?? '')));
    run = [];
  };
  const fits = (into: Partial<Activity>, cards: Partial<Activity>) =>
    (into.attachments?.length ?? 0) + (cards.attachments?.length ?? 0) <= MAX_MERGED_CARDS &&
    bytesOf(into) + bytesOf(cards) <= MAX_MERGED_BYTES &&
    readingLength(into) + readingLength(cards) <= LONG_MESSAGE;
  for (const activity of activities) {
    if (isPlainText(activity)) {
      open = undefined;
      if (run.length > 0 && length(run) + (activity.text?.length ?? 0) > LONG_MESSAGE) flushRun();
      run.push(activity);
      continue;
    }
    if (isCardsOnly(activity)) {
      const lead = run.length > 0 ? withText(run.at(-1) as Partial<Activity>, run.map((a) => a.text ?? '')) : undefined;
      if (lead && fits(lead, activity)) {
        open = { ...activity, text: lead.text, ...(lead.textFormat ? { textFormat: lead.textFormat } : {}), attachments: [...(activity.attachments ?? [])] };
        run = [];
        out.push(open);
        continue;
      }
      flushRun();
      if (open && fits(open, activity)) {
        open.attachments = [...(open.attachments ?? []), ...(activity.attachments ?? [])];
        continue;
      }
      open = { ...activity, attachments: [...(activity.attachments ?? [])] };
      out.push(open);
      continue;
    }
    open = undefined;
    // The next question goes with the notes before it only when they are short, and the whole stays short.
    if (run.length > 0 && canLeadInto(activity) && length(run) <= SHORT_LEAD && length(run) + readingLength(activity) <= LONG_MESSAGE) {
      out.push(withText(activity, [...run.map((a) => a.text ?? ''), activity.text ?? '']));
      run = [];
      continue;
    }
    flushRun();
    out.push(activity);
  }
  flushRun();
  return out;
}

/**
 * Holds a turn's plain-text and card replies until something follows them (a question, a card, an event) or
 * the turn's replies are flushed, then sends the run merged. A turn that fails drops what it holds:
 * the user gets the error reply, and the same step again when they answer, since nothing was saved.
 */
export class ReplyCoalescingMiddleware implements Middleware {
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    let held: Partial<Activity>[] = [];
    // While releasing, and once the turn is over (the error reply), sends go straight through.
    let passThrough = false;
    const release = async (): Promise<void> => {
      if (held.length === 0) return;
      const merged = coalesce(held);
      held = [];
      passThrough = true;
      try {
        await context.sendActivities(merged);
      } finally {
        passThrough = false;
      }
    };
    context.turnState.set(FLUSH, release);
    context.onSendActivities(async (_ctx, activities, send): Promise<ResourceResponse[]> => {
      // A typing indicator (sent from a timer) neither waits nor releases what is held.
      if (passThrough || activities.every((a) => a.type === ActivityTypes.Typing)) return send();
      held.push(...activities);
      // Send all but a trailing run of plain texts and cards: those wait for what comes next.
      let keep = held.length;
      while (keep > 0 && isMergeable(held[keep - 1] as Partial<Activity>)) keep--;
      const ready = coalesce(held.slice(0, keep));
      held = held.slice(keep);
      activities.splice(0, activities.length, ...ready);
      return activities.length === 0 ? [] : send();
    });
    try {
      await next();
    } catch (err) {
      held = [];
      passThrough = true;
      throw err;
    }
    await release();
    passThrough = true;
  }
}

/** Sends the replies a turn still holds (before its state is saved: a failed send then saves nothing). */
export async function flushReplies(context: TurnContext): Promise<void> {
  const release = context.turnState.get(FLUSH) as (() => Promise<void>) | undefined;
  await release?.();
}
