import type { ContentStore } from '../../src/content/contentStore';
import type { Case } from '../../src/domain/case';
import { CALL_OUTCOMES } from '../../src/domain/followUp';
import { fuzzPrompts } from './promptFuzz';
import { TODAY, question, texts } from './questionSpecs';

/** Step 5: its menu, every question of the call log, the proposed follow-up and another date. */
const CASE = { provider: { name: 'Mercy General', kind: 'hospital', nonprofit: 'yes' }, firstBillDate: '2026-10-01', balanceCents: 240000, insurance: 'uninsured', inCollections: 'yes', state: 'OH' };
const LOG = ['5', 'Log a call'];
const ANSWERS = ['today', 'Dana', 'billing', 'REF-123', "They'll review the bill", 'skip'];
const at = (answered: number) => [...LOG, ...ANSWERS.slice(0, answered)];
/** The call's answers given before a question, kept in its draft while the call is being logged. */
const DRAFT = { date: TODAY, who: 'Dana', department: 'billing', reference: 'REF-123', outcome: 'waitingReview' };
const draftOf = (answered: number) => ({ ...CASE, callDraft: Object.fromEntries(Object.entries(DRAFT).slice(0, answered)) });
const PROPOSAL = (c: ContentStore) => c.text('followUp.propose.ask', { date: 'December 4, 2026', days: 7 });
const SCHEDULED = (c: ContentStore) => c.text('followUp.scheduled', { date: '' }).split('**')[0] ?? '';
/** The call is logged (and its draft cleared) once its last question is answered. */
const logged = (key: 'date' | 'who' | 'department' | 'reference' | 'outcome' | 'notes') => (c: Case) => c.callDraft?.[key] ?? c.calls[0]?.[key];

fuzzPrompts([
  {
    name: 'followUp.menu', seed: CASE, path: ['5'], valid: 'Log a call', next: (c) => c.text('followUp.call.callDate.ask'),
    reasks: texts('followUp.menu.retry', 'followUp.menu.ask'), onward: texts('followUp.call.callDate.ask', 'followUp.done'),
  },
  question('followUp', 'call.callDate', 'pastDate', { seed: CASE, path: at(0), valid: 'today', saved: logged('date'), expected: TODAY }),
  question('followUp', 'call.who', 'text', { seed: CASE, kept: draftOf(1), path: at(1), valid: 'Dana', maxLength: 80, saved: logged('who'), expected: 'Dana' }),
  question('followUp', 'call.department', 'text', { seed: CASE, kept: draftOf(2), path: at(2), valid: 'billing', maxLength: 80, saved: logged('department'), expected: 'billing' }),
  question('followUp', 'call.reference', 'text', { seed: CASE, kept: draftOf(3), path: at(3), valid: 'REF-123', maxLength: 60, saved: logged('reference'), expected: 'REF-123' }),
  question('followUp', 'call.outcome', 'choice', {
    seed: CASE, kept: draftOf(4), path: at(4), valid: "They'll review the bill", choices: CALL_OUTCOMES, saved: logged('outcome'), expected: 'waitingReview',
  }),
  {
    ...question('followUp', 'call.notes', 'text', { seed: CASE, path: at(5), valid: 'They will look at the charges.', maxLength: 500, saved: logged('notes'), expected: 'They will look at the charges.' }),
    // "skip" is forgotten as soon as the call is logged: the proposal shows it was taken.
    onward: (c) => [PROPOSAL(c)],
  },
  {
    name: 'followUp.propose', seed: CASE, path: at(6), valid: 'Yes, December 4, 2026', next: SCHEDULED,
    final: (c) => c.followUps.map((f) => f.due), expected: ['2026-12-04'],
    reasks: texts('followUp.propose.retry'), onward: (c) => [c.text('followUp.propose.askDate'), SCHEDULED(c)],
  },
  {
    name: 'followUp.date', seed: CASE, path: [...at(6), 'Pick another date'], valid: 'December 15', next: SCHEDULED,
    final: (c) => c.followUps.map((f) => f.due), expected: ['2026-12-15'],
    reasks: texts('followUp.propose.unclear', 'followUp.propose.past', 'followUp.propose.tooFar'), onward: (c) => [SCHEDULED(c)],
  },
]);
