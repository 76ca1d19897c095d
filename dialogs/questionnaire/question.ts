import type { Case } from '../../src/domain/case';

/** How an answer is read: each kind has its own SDK prompt and validator. */
export type AnswerKind = 'text' | 'choice' | 'pastDate' | 'anyDate' | 'money' | 'count' | 'state';

/** A validated answer: text or a choice value, an IsoDate, a US state code, or integer cents. */
export type AnswerValue = string | number;

/**
 * One question of a questionnaire. Its words live in content under `<prefix>.<id>`:
 * `ask`, `retry`, and for choices `choices.<value>`.
 */
export interface Question {
  id: string;
  kind: AnswerKind;
  choices?: readonly string[];
  /** "not sure" is an honest answer here: it skips the question and is remembered. */
  skippable: boolean;
  /** Terms the question uses: each gets a "what's that?" button answered from the FAQ. */
  terms?: readonly string[];
  /** Smallest and largest whole number accepted (kind 'count'). */
  range?: readonly [number, number];
  /** Longest free text accepted (kind 'text'; default 120). */
  maxLength?: number;
  applies(c: Case): boolean;
  /** Could still apply once earlier answers are in (for a progress total that never grows). Defaults to applies. */
  mayApply?(c: Case): boolean;
  answered(c: Case): boolean;
  /** A content key (under `<prefix>.problems`) when this answer cannot be right for this case. */
  problem?(c: Case, value: AnswerValue): string | undefined;
  /** Values for the problem text, e.g. the billed amount it was compared with. */
  problemVars?(c: Case): Record<string, string>;
  save(c: Case, value: AnswerValue): Case;
}

export const wasSkipped = (c: Case, id: string): boolean => c.intakeSkipped.includes(id);

export const skip = (c: Case, id: string): Case => (wasSkipped(c, id) ? c : { ...c, intakeSkipped: [...c.intakeSkipped, id] });

export const INSURED = ['employer', 'marketplace', 'medicare', 'medicaid'] as const;
export const isInsured = (c: Case): boolean => (INSURED as readonly string[]).includes(c.insurance ?? '');
