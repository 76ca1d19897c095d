import { Activity, ActivityTypes } from 'botbuilder';
import type { Harness } from '../helpers/botHarness';
import type { MarkupSample } from './hostileInputs';

/** What the adapter's error handler says when a turn fails (whichever of these the content has). */
const FAILURE_KEYS = ['errors.turn', 'errors.busy', 'errors.storageDown'];

const shown = (input: string) => JSON.stringify(Array.from(input).slice(0, 60).join(''));

/** Properties 1 and 2: the turn reached no error handler, logged no turn error, and got at least one reply. */
export function expectAnswered(h: Harness, replies: Partial<Activity>[], input: string): void {
  const messages = replies.filter((a) => a.type === ActivityTypes.Message);
  if (messages.length === 0) throw new Error(`no reply to ${shown(input)}`);
  const failures = FAILURE_KEYS.filter((key) => h.content.has(key)).map((key) => h.content.text(key));
  const failed = messages.find((m) => failures.includes(m.text ?? ''));
  if (failed) throw new Error(`the turn for ${shown(input)} failed: "${failed.text ?? ''}"\n${h.logger.lines.slice(-3).join('\n')}`);
  const logged = h.logger.lines.find((line) => line.includes('turn.error'));
  if (logged) throw new Error(`the turn for ${shown(input)} logged an error: ${logged}`);
}

export const messageTexts = (replies: Partial<Activity>[]): string[] =>
  replies.filter((a) => a.type === ActivityTypes.Message && typeof a.text === 'string').map((a) => a.text ?? '');

/** The text of the last message (the question the user is looking at now). */
export const lastText = (replies: Partial<Activity>[]): string => messageTexts(replies).at(-1) ?? '';

function cardTexts(node: unknown, out: string[]): void {
  if (Array.isArray(node)) {
    node.forEach((child) => cardTexts(child, out));
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const element = node as { type?: unknown; text?: unknown; facts?: { title?: unknown; value?: unknown }[] };
  if (element.type === 'TextBlock' && typeof element.text === 'string') out.push(element.text);
  if (element.type === 'FactSet') for (const f of element.facts ?? []) out.push(String(f.title), String(f.value));
  for (const value of Object.values(node)) cardTexts(value, out);
}

/**
 * Everything a channel renders as Markdown: message text and the text of Adaptive Card TextBlocks and
 * FactSets. (Downloadable files are plain text on purpose, and button titles are never Markdown.)
 */
export function markdownSurfaces(replies: Partial<Activity>[]): string[] {
  const out = messageTexts(replies);
  for (const attachment of replies.flatMap((a) => a.attachments ?? [])) {
    if (attachment.contentType === 'application/vnd.microsoft.card.adaptive') cardTexts(attachment.content, out);
  }
  return out;
}

/** Property 4: no sample renders as markup anywhere, and each was shown (escaped) at least once. */
export function expectNoMarkup(surfaces: string[], samples: readonly MarkupSample[], where: string): void {
  for (const sample of samples) {
    const rendered = surfaces.find((s) => sample.forbidden.test(s));
    if (rendered) throw new Error(`${where}: ${JSON.stringify(sample.text)} is shown unescaped in:\n${rendered}`);
    if (!surfaces.some((s) => s.includes(sample.token))) throw new Error(`${where}: ${JSON.stringify(sample.text)} was never shown`);
  }
}

/** Sends each message in turn (each must be answered cleanly) and returns every reply. */
export async function converse(h: Harness, messages: readonly string[]): Promise<Partial<Activity>[]> {
  const all: Partial<Activity>[] = [];
  for (const message of messages) {
    const replies = await h.say(message);
    expectAnswered(h, replies, message);
    all.push(...replies);
  }
  return all;
}
