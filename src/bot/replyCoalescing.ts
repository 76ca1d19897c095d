import { ActivityTypes, type Activity, type Middleware, type ResourceResponse, type TurnContext } from 'botbuilder';

/**
 * Consecutive plain-text replies of a turn go out as one message, paragraphs apart.
 *
 * A step often ends with a few short notes and then the next question: the offer turn sent seven
 * activities, the call-script turn five. Teams asks bots to limit the messages they post to one chat
 * (a burst is shown as spam, and more than about seven a second is answered 429), every activity is
 * a separate round trip to the channel that the next one waits for (about 100 ms each across a
 * network), and on a phone one bubble reads calmer than four. Cards, files, events and typing are
 * never merged and keep their place in the order.
 */

/** Longest merged text; a longer run is split into several messages (Teams' limit is ~28 KB). */
export const MAX_MERGED_CHARS = 4000;
const PARAGRAPH = '\n\n';
const FLUSH = Symbol('billcoach.flushReplies');

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

/** Nothing but markdown text: no card, file, buttons, value, speech or channel data. */
export function isPlainText(activity: Partial<Activity>): boolean {
  return (
    canLeadInto(activity) &&
    !activity.suggestedActions &&
    !activity.entities?.length &&
    activity.value === undefined &&
    activity.channelData === undefined
  );
}

const withText = (activity: Partial<Activity>, texts: string[]): Partial<Activity> => ({ ...activity, text: texts.join(PARAGRAPH) });

/**
 * Merges each run of plain-text messages with the message after it when that one can take a lead
 * (the next question), or into one message of its own; everything else passes unchanged, in order.
 */
export function coalesce(activities: readonly Partial<Activity>[]): Partial<Activity>[] {
  const out: Partial<Activity>[] = [];
  let run: Partial<Activity>[] = [];
  const length = (items: Partial<Activity>[]) => items.reduce((sum, a) => sum + (a.text?.length ?? 0) + PARAGRAPH.length, 0);
  const flushRun = () => {
    const last = run.at(-1);
    if (last) out.push(withText(last, run.map((a) => a.text ?? '')));
    run = [];
  };
  for (const activity of activities) {
    if (isPlainText(activity)) {
      if (run.length > 0 && length(run) + (activity.text?.length ?? 0) > MAX_MERGED_CHARS) flushRun();
      run.push(activity);
      continue;
    }
    if (run.length > 0 && canLeadInto(activity) && length(run) + (activity.text?.length ?? 0) <= MAX_MERGED_CHARS) {
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
 * Holds a turn's plain-text replies until something follows them (a question, a card, an event) or
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
      // Send all but a trailing run of plain texts: those wait for what comes next.
      let keep = held.length;
      while (keep > 0 && isPlainText(held[keep - 1] as Partial<Activity>)) keep--;
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
