import type { CallOutcome } from './followUpModel';

/** What a "confirming our call" letter confirms, by how the call ended: each kind has its own words. */
export const LETTER_KINDS = ['settlement', 'plan', 'review', 'itemized', 'assistance', 'general'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

/** The letter for a call's outcome: "zero balance once it is paid" only for a settlement, "you agreed to review my bill" for a review. */
export function letterKind(outcome: CallOutcome): LetterKind {
  switch (outcome) {
    case 'agreementReached': return 'settlement';
    case 'planSetUp': return 'plan';
    case 'waitingReview': return 'review';
    case 'waitingItemized': return 'itemized';
    case 'assistanceApplied': return 'assistance';
    default: return 'general';
  }
}

/**
 * Her notes, written to the person she spoke with: a sentence that starts "they" ("they agreed to review
 * the bill") starts "you" in a letter to them; a capital first letter and a final full stop. A full stop
 * after a number ("1. first payment") ends no sentence.
 */
export function notesToThem(notes: string): string {
  const text = notes.trim().replace(/\s+/g, ' ')
    .replace(/(^|\p{L}[.!?]\s+)they(?=\b)/giu, (_, start: string) => `${start}you`)
    .replace(/(^|\p{L}[.!?]\s+)(\p{Ll})/gu, (_, start: string, letter: string) => `${start}${letter.toUpperCase()}`);
  if (text === '') return '';
  return /[.!?…]["')\]]?$/.test(text) ? text : `${text}.`;
}
