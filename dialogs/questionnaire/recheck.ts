import type { Case } from '../../src/domain/case';
import type { Question } from './question';

export interface Recheck {
  /** The first other answer that can no longer be right with the changed one: it is asked again. */
  questionId: string;
  /** Why, in the question's own problem text ("The allowed amount is usually no more than…"). */
  note: string;
}

/**
 * After an answer changes, the first other answer that can no longer be right with it ("the allowed
 * amount is more than the amount billed"). Its value is kept until the user gives a new one (or keeps it).
 */
export function recheckAnswers(
  questions: readonly Question[],
  changedId: string,
  c: Case,
  explain: (problem: string, c: Case, q: Question) => string,
): Recheck | undefined {
  for (const q of questions) {
    if (q.id === changedId || !q.problem || !q.applies(c)) continue;
    const value = q.current(c);
    const problem = value === undefined ? undefined : q.problem(c, value);
    if (problem) return { questionId: q.id, note: explain(problem, c, q) };
  }
  return undefined;
}
