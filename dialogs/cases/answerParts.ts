import type { AnswerPart } from '../../src/domain/answerChanges';
import type { Case } from '../../src/domain/case';
import { SCREEN_QUESTIONS } from '../callPrep/screenQuestions';
import { EOB_QUESTIONS } from '../gather/eobQuestions';
import { HOSPITAL_QUESTION } from '../gather/hospitalQuestion';
import { INTAKE_QUESTIONS } from '../gather/intakeQuestions';
import { OFFER_QUESTIONS } from '../offer/offerQuestions';
import { Question, wasSkipped } from '../questionnaire/question';

/** Each part of a case whose answers can be changed: its questions and where their words live. */
export interface PartQuestions {
  part: AnswerPart;
  questions: readonly Question[];
  prefix: string;
}

export const ANSWER_PART_QUESTIONS: readonly PartQuestions[] = [
  // The hospital picked from CMS's list is changed with the hospital dialog (issue 23), never asked as a question.
  { part: 'bill', questions: [...INTAKE_QUESTIONS, HOSPITAL_QUESTION], prefix: 'intake' },
  { part: 'eob', questions: EOB_QUESTIONS, prefix: 'eob' },
  // The state is asked in step 1 too: it is changed there.
  { part: 'screen', questions: SCREEN_QUESTIONS.filter((q) => q.id !== 'state'), prefix: 'screen' },
  // The balance is step 1's.
  { part: 'offer', questions: OFFER_QUESTIONS.filter((q) => q.id !== 'balance'), prefix: 'offer' },
];

/** The questions of a part that have an answer (or were skipped) in this case: those can be changed. */
export function changeableQuestions(part: PartQuestions, c: Case): Question[] {
  // The hospital from CMS's list can be looked up here even when step 1 did not (she had answered the nonprofit question).
  return part.questions.filter((q) => q.applies(c) && (q.current(c) !== undefined || wasSkipped(c, q.id) || q.id === HOSPITAL_QUESTION.id));
}
