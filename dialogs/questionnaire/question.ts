import type { Case } from '../../src/domain/case';
import type { AmountAnswer, AmountRole } from '../../src/domain/numberReading';

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
  /** Values for the `ask` text, e.g. the amount a period question is about. */
  askVars?(c: Case): Record<string, string>;
  /** Could still apply once earlier answers are in (for a progress total that never grows). Defaults to applies. */
  mayApply?(c: Case): boolean;
  answered(c: Case): boolean;
  /** A content key (under `<prefix>.problems`) when this answer cannot be right for this case. */
  problem?(c: Case, value: AnswerValue): string | undefined;
  /** Values for the problem text, e.g. the billed amount it was compared with. */
  problemVars?(c: Case): Record<string, string>;
  save(c: Case, value: AnswerValue): Case;
  /** The stored answer, to say it back ("You said $2,400") and to re-check it after another answer changes. */
  current(c: Case): AnswerValue | undefined;
  /** The case without this answer (the questionnaire also forgets a skip), so it is asked again. */
  clear(c: Case): Case;
  /** The other question a `problem` compares with: the re-ask offers to change that one instead. */
  conflictsWith?: string;
  /** Money: which amount of a sentence with several is this question's ("1500 now and 150 a month"). */
  amountRole?: AmountRole;
  /** A note shown right after this answer is saved (content key under `<prefix>.`), e.g. a figure that doesn't add up. */
  note?(c: Case): { key: string; vars: Record<string, string> } | undefined;
  /** Money: saves the whole reading (a period said with the amount, other amounts) instead of `save`. */
  saveAmount?(c: Case, answer: AmountAnswer): Case;
}

export const wasSkipped = (c: Case, id: string): boolean => c.skippedQuestions.includes(id);

export const skip = (c: Case, id: string): Case => (wasSkipped(c, id) ? c : { ...c, skippedQuestions: [...c.skippedQuestions, id] });

export const unskip = (c: Case, id: string): Case => (wasSkipped(c, id) ? { ...c, skippedQuestions: c.skippedQuestions.filter((s) => s !== id) } : c);

export const INSURED = ['employer', 'marketplace', 'medicare', 'medicaid'] as const;
export const isInsured = (c: Case): boolean => (INSURED as readonly string[]).includes(c.insurance ?? '');
