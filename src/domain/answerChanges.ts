import type { Case, JourneyStep } from './case';

/** The parts of a case a user can change answers in, and the journey steps whose results use each. */
export const ANSWER_PARTS = ['bill', 'eob', 'screen', 'offer'] as const;
export type AnswerPart = (typeof ANSWER_PARTS)[number];

const USED_BY: Record<AnswerPart, readonly JourneyStep[]> = {
  // Who billed, dates, balance, insurance, collections, state: the bill check, the call plan and the offer.
  bill: ['gather', 'callPrep', 'offer'],
  // The EOB's figures: the bill check and what the offer is worked from.
  eob: ['gather', 'offer'],
  // Household and income: the assistance screen and the call plan.
  screen: ['callPrep'],
  // Cash and monthly budget: the offer and plan.
  offer: ['offer'],
};

/**
 * After an answer in `part` changed: the finished steps whose results were worked out from the old
 * answer. They go back to "in progress", so the user is told and can redo them.
 */
export function staleSteps(part: AnswerPart, c: Case): JourneyStep[] {
  return USED_BY[part].filter((step) => c.progress[step] === 'done');
}

export function markStale(c: Case, steps: readonly JourneyStep[]): Case {
  if (steps.length === 0) return c;
  const progress = { ...c.progress };
  for (const step of steps) progress[step] = 'in_progress';
  return { ...c, progress };
}
