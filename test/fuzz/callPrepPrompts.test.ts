import { INCOME_PERIODS } from '../../src/domain/charityCare';
import { fuzzPrompts } from './promptFuzz';
import { question, texts } from './questionSpecs';

/** Step 2: the assistance screen, the yearly income check, and the hardship statement. */
const NO_STATE = { provider: { name: 'Lakeside Clinic', kind: 'doctor' }, firstBillDate: '2026-10-01', balanceCents: 90000, inCollections: 'yes' };
const DOCTOR = { ...NO_STATE, state: 'OH' };
const withAssistance = (assistance: Record<string, unknown>, fields: Record<string, unknown> = DOCTOR) => ({ ...fields, assistance });
const SCREENED = withAssistance({ householdSize: 2, annualIncomeCents: 3000000 });
const SHOW = (c: { text(key: string, vars?: Record<string, string>): string }) => c.text('hardship.show', { statement: '' }).split('>')[0] ?? '';
const OWN_STATEMENT = 'I was laid off in May and my savings are gone.';

fuzzPrompts([
  question('screen', 'householdSize', 'count', {
    seed: DOCTOR, path: ['2'], valid: '4', range: [1, 20], saved: (c) => c.assistance.householdSize, expected: 4,
  }),
  question('screen', 'income', 'money', {
    seed: withAssistance({ householdSize: 2 }), path: ['2'], valid: '$3,000', saved: (c) => c.assistance.incomeCents, expected: 300000,
  }),
  question('screen', 'incomePeriod', 'choice', {
    seed: withAssistance({ householdSize: 2, incomeCents: 300000 }), path: ['2'], valid: 'Per month', choices: INCOME_PERIODS, askVars: { amount: '$3,000' },
    saved: (c) => c.assistance.incomePeriod, expected: 'month',
  }),
  question('screen', 'hoursPerWeek', 'count', {
    seed: withAssistance({ householdSize: 2, incomePeriod: 'hour', incomeCents: 2000 }), path: ['2'], valid: '40', range: [1, 100],
    saved: (c) => c.assistance.hoursPerWeek, expected: 40,
  }),
  question('screen', 'state', 'state', {
    seed: withAssistance({ householdSize: 2, annualIncomeCents: 3000000 }, NO_STATE), path: ['2'], valid: 'Ohio',
    saved: (c) => c.state, expected: 'OH',
  }),
  {
    name: 'callPrep.confirmIncome', seed: withAssistance({ householdSize: 2, incomePeriod: 'month', incomeCents: 300000 }), path: ['2'], valid: 'yes',
    // "No" asks for the income again, so only the household is sure to stay.
    kept: withAssistance({ householdSize: 2 }),
    final: (c) => c.assistance.annualIncomeCents, expected: 3600000,
    reasks: texts('callPrep.confirm.retry'), onward: (c) => [...texts('callPrep.confirm.again', 'callPrep.otherProvider')(c), c.text('hardship.reasons.ask', { list: '' }).split('\n')[0] ?? ''],
  },
  {
    name: 'hardship.reasons', seed: SCREENED, path: ['2'], valid: '1, 5', next: (c) => c.text('hardship.ownWords.ask'),
    reasks: texts('hardship.reasons.retry'), onward: texts('hardship.ownWords.ask'),
  },
  {
    name: 'hardship.ownWords', seed: SCREENED, path: ['2', '1, 5'], valid: 'I had surgery and was out of work.', next: SHOW,
    reasks: texts('hardship.ownWords.retry'), onward: (c) => [SHOW(c)],
  },
  {
    name: 'hardship.use', seed: SCREENED, path: ['2', '1, 5', 'skip'], valid: 'Use this',
    final: (c) => c.hardship?.reasons, expected: ['jobLoss', 'otherMedicalBills'],
    reasks: texts('hardship.choices.retry'), onward: texts('hardship.saved', 'hardship.own.ask'),
  },
  {
    name: 'hardship.own', seed: SCREENED, path: ['2', 'skip', 'skip', 'Write my own'], valid: OWN_STATEMENT,
    saved: (c) => c.hardship?.statement, expected: OWN_STATEMENT,
    reasks: texts('hardship.own.retry'),
    // Kept as typed, with runs of spaces and line breaks made one space.
    sane: (statement, input) => expect(statement).toBe(input.trim().replace(/\s+/g, ' ')),
  },
]);
