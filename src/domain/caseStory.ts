import type { Case, JourneyStep, StepStatus } from './case';
import { daysBetween } from './dateMath';
import type { IsoDate } from './dates';
import { caseDeadlines, type Deadline } from './deadlines';
import type { CallLogEntry } from './followUp';
import type { FollowUp } from './gatherModel';

/**
 * "My case" as a story: what happened (calls), what comes next (open follow-ups) and the dates that
 * matter (deadlines), on one time line; and how far each step of the journey has come, as the user
 * should read it. Pure: "today" is the user's (see `userToday`); the words come from content.
 */

export type TimelineEntry =
  | { kind: 'call'; date: IsoDate; call: CallLogEntry }
  | { kind: 'followUp'; date: IsoDate; followUp: FollowUp }
  | { kind: 'deadline'; date: IsoDate; deadline: Deadline };

/** Entries "my case" shows at most; the rest go to the downloadable timeline. */
export const TIMELINE_SHOWN = 4;

/** Calls and deadlines first on a shared day: what happened, then what it means, then what to do. */
const KIND_ORDER: Readonly<Record<TimelineEntry['kind'], number>> = { call: 0, deadline: 1, followUp: 2 };

/** Every entry of the case, oldest first: logged calls, open follow-ups and the case's deadlines. */
export function caseTimeline(c: Case, today: IsoDate): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...c.calls.map((call): TimelineEntry => ({ kind: 'call', date: call.date, call })),
    ...c.followUps.filter((f) => f.status === 'open').map((followUp): TimelineEntry => ({ kind: 'followUp', date: followUp.due, followUp })),
    ...caseDeadlines(c, today).map((deadline): TimelineEntry => ({ kind: 'deadline', date: deadline.date, deadline })),
  ];
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => compare(a.entry.date, b.entry.date) || KIND_ORDER[a.entry.kind] - KIND_ORDER[b.entry.kind] || a.index - b.index)
    .map(({ entry }) => entry);
}

export interface TimelineView {
  /** Oldest first: the latest of what has happened and the nearest of what is coming. */
  shown: TimelineEntry[];
  /** How many entries are left out (they are in the full timeline). */
  hidden: number;
}

/**
 * At most `limit` entries around today: up to half of them the latest past ones (today counts as
 * past: a call logged today has happened), the rest the nearest coming ones; a side with fewer
 * entries leaves its room to the other.
 */
export function timelineAroundToday(entries: readonly TimelineEntry[], today: IsoDate, limit = TIMELINE_SHOWN): TimelineView {
  const past = entries.filter((e) => daysBetween(today, e.date) <= 0);
  const coming = entries.filter((e) => daysBetween(today, e.date) > 0);
  const half = Math.ceil(limit / 2);
  const pastCount = Math.min(past.length, Math.max(half, limit - coming.length));
  const comingCount = Math.min(coming.length, limit - pastCount);
  const shown = [...past.slice(past.length - pastCount), ...coming.slice(0, comingCount)];
  return { shown, hidden: entries.length - shown.length };
}

/** The words around a reference number she may type (content's `words`), as data: the domain reads no language. */
export interface ReferenceWords {
  /** Answers that mean there was none ("none", "n/a"), in their compared form (lowercased, single-spaced). */
  none: ReadonlySet<string>;
  /** Labels typed before the number ("ref", "reference no", "confirmation number"). */
  labels: readonly string[];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const labelPatterns = new WeakMap<readonly string[], RegExp>();

/** A label typed before the number: one of `labels` then ".", "#", ":" or a space ("ref # ", "ref. "), or a bare "#" ("REF-1" is a number). */
function referenceLabel(labels: readonly string[]): RegExp {
  let pattern = labelPatterns.get(labels);
  if (!pattern) {
    const words = [...labels].sort((a, b) => b.length - a.length).map((l) => escapeRegExp(l.trim()).replace(/\s+/g, '\\s*'));
    pattern = new RegExp(`^(?:(?:${words.join('|')})(?:\\.?\\s*[#:]\\s*|\\.\\s*|\\s+)|#\\s*)`, 'i');
    labelPatterns.set(labels, pattern);
  }
  return pattern;
}

/**
 * The reference number as the letter and the log should print it: what she typed without a label she put
 * before it ("ref # RX-4471" → "RX-4471"), so "reference {{reference}}" never reads "reference ref # RX-4471".
 * When nothing but a label was typed, it stays as typed.
 */
export function cleanReference(typed: string, labels: readonly string[]): string {
  const REFERENCE_LABEL = referenceLabel(labels);
  let reference = typed.trim();
  for (let label = REFERENCE_LABEL.exec(reference); label && label[0].length > 0; label = REFERENCE_LABEL.exec(reference)) {
    const rest = reference.slice(label[0].length).trim();
    if (rest === '') break;
    reference = rest;
  }
  return reference;
}

/** The reference number of a call, without a typed label, unless the user said there was none (`words.none`). */
export function callReference(call: Pick<CallLogEntry, 'reference'>, words: ReferenceWords): string | undefined {
  const reference = call.reference === undefined ? undefined : cleanReference(call.reference, words.labels);
  return reference && !words.none.has(reference.trim().toLowerCase().replace(/\s+/g, ' ')) ? reference : undefined;
}

/** A call that ended in an agreement or a payment plan: it still has to be confirmed in writing. */
export function endedInAgreement(call: Pick<CallLogEntry, 'outcome'>): boolean {
  return call.outcome === 'agreementReached' || call.outcome === 'planSetUp';
}

/** The agreement arrived in writing: logged as a call (or letter) whose outcome says so. */
export function confirmedInWriting(call: Pick<CallLogEntry, 'outcome'>): boolean {
  return call.outcome === 'confirmedInWriting';
}

/**
 * How a step reads in "my case" and the menu. Step 5 is never "done" because the user pressed
 * "done for now": nothing is settled until the agreement is in writing. It reads "done" once the latest
 * agreement is confirmed in writing; with an agreement logged and not yet confirmed, "agreed — get it in
 * writing"; with calls logged, "in progress".
 */
export type ShownStepStatus = StepStatus | 'awaitingWriting';

export function shownStepStatus(c: Case, step: JourneyStep): ShownStepStatus {
  const stored = c.progress[step];
  if (step !== 'followUp') return stored;
  const latest = [...c.calls].reverse().find((call) => endedInAgreement(call) || confirmedInWriting(call));
  if (latest && confirmedInWriting(latest)) return 'done';
  if (latest) return 'awaitingWriting';
  if (c.calls.length > 0 || stored !== 'not_started') return 'in_progress';
  return 'not_started';
}

function compare(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}
