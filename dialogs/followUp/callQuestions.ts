import { Case } from '../../src/domain/case';
import { CALL_OUTCOMES } from '../../src/domain/followUp';
import { Question, wasSkipped } from '../questionnaire/question';

type Draft = NonNullable<Case['callDraft']>;
const draftOf = (c: Case): Draft => c.callDraft ?? {};
const withDraft = (c: Case, change: Partial<Draft>): Case => ({ ...c, callDraft: { ...draftOf(c), ...change } });
/** Skips are remembered per draft: the ids are prefixed so the next call asks again. */
const id = (name: string) => `call.${name}`;
const known = (name: string, value: (d: Draft) => unknown) => (c: Case) => value(draftOf(c)) !== undefined || wasSkipped(c, id(name));
const always = () => true;

/** Logging one call: when, with whom, which department, the reference, how it ended, what happens next. */
export const CALL_QUESTIONS: readonly Question[] = [
  { id: id('callDate'), kind: 'pastDate', skippable: false, applies: always, answered: known('callDate', (d) => d.date), save: (c, v) => withDraft(c, { date: String(v) }), current: (c) => draftOf(c).date, clear: (c) => withDraft(c, { date: undefined }) },
  { id: id('who'), kind: 'text', maxLength: 80, skippable: true, applies: always, answered: known('who', (d) => d.who), save: (c, v) => withDraft(c, { who: String(v).slice(0, 80) }), current: (c) => draftOf(c).who, clear: (c) => withDraft(c, { who: undefined }) },
  { id: id('department'), kind: 'text', maxLength: 80, skippable: true, applies: always, answered: known('department', (d) => d.department), save: (c, v) => withDraft(c, { department: String(v).slice(0, 80) }), current: (c) => draftOf(c).department, clear: (c) => withDraft(c, { department: undefined }) },
  { id: id('reference'), kind: 'text', maxLength: 60, skippable: true, applies: always, answered: known('reference', (d) => d.reference), save: (c, v) => withDraft(c, { reference: String(v).slice(0, 60) }), current: (c) => draftOf(c).reference, clear: (c) => withDraft(c, { reference: undefined }) },
  { id: id('outcome'), kind: 'choice', choices: CALL_OUTCOMES, skippable: false, applies: always, answered: known('outcome', (d) => d.outcome), save: (c, v) => withDraft(c, { outcome: v as Draft['outcome'] }), current: (c) => draftOf(c).outcome, clear: (c) => withDraft(c, { outcome: undefined }) },
  { id: id('notes'), kind: 'text', maxLength: 500, skippable: true, applies: always, answered: known('notes', (d) => d.notes), save: (c, v) => withDraft(c, { notes: String(v).slice(0, 500) }), current: (c) => draftOf(c).notes, clear: (c) => withDraft(c, { notes: undefined }) },
];

/** After the call is logged, its skips are forgotten so the next call asks everything again. */
export function clearCallSkips(c: Case): Case {
  return { ...c, callDraft: undefined, skippedQuestions: c.skippedQuestions.filter((s) => !s.startsWith('call.')) };
}
