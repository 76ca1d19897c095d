import { Case } from '../../src/domain/case';
import { Assistance } from '../../src/domain/callPrepModel';
import { INCOME_PERIODS } from '../../src/domain/charityCare';
import { formatCents } from '../../src/domain/money';
import { Question, wasSkipped } from '../questionnaire/question';

const withAssistance = (c: Case, change: Partial<Assistance>): Case => ({ ...c, assistance: { ...c.assistance, ...change } });
const known = (id: string, value: (a: Assistance) => unknown) => (c: Case) => value(c.assistance) !== undefined || wasSkipped(c, id);
/** The yearly income is not confirmed yet: the income questions may still come. */
const incomeUnconfirmed = (c: Case) => c.assistance.annualIncomeCents === undefined;

const clearAssistance = (c: Case, ...keys: (keyof Assistance)[]): Case => withAssistance(c, Object.fromEntries(keys.map((k) => [k, undefined])));

/**
 * The financial-assistance screen: household, income (in any period: "about 40k a year" gives both the
 * amount and the period; a bare amount asks for the period next; confirmed as a yearly figure afterwards), state.
 */
export const SCREEN_QUESTIONS: readonly Question[] = [
  {
    id: 'householdSize', terms: ['financial assistance'], kind: 'count', range: [1, 20], skippable: true, applies: () => true,
    answered: known('householdSize', (a) => a.householdSize), save: (c, v) => withAssistance(c, { householdSize: Number(v) }),
    current: (c) => c.assistance.householdSize, clear: (c) => clearAssistance(c, 'householdSize'),
  },
  {
    // A new income (or period, or hours) forgets the yearly figure confirmed from the old one: it is confirmed again.
    id: 'income', kind: 'money', skippable: true, applies: () => true,
    answered: known('income', (a) => a.incomeCents ?? a.annualIncomeCents),
    save: (c, v) => withAssistance(c, { incomeCents: Number(v), annualIncomeCents: undefined }),
    saveAmount: (c, answer) => withAssistance(c, { incomeCents: answer.cents, incomePeriod: answer.period ?? c.assistance.incomePeriod, annualIncomeCents: undefined }),
    current: (c) => c.assistance.incomeCents ?? c.assistance.annualIncomeCents, clear: (c) => clearAssistance(c, 'incomeCents', 'annualIncomeCents'),
  },
  {
    id: 'incomePeriod', kind: 'choice', choices: INCOME_PERIODS, skippable: true, applies: (c) => c.assistance.incomeCents !== undefined,
    mayApply: incomeUnconfirmed, answered: known('incomePeriod', (a) => a.incomePeriod ?? a.annualIncomeCents),
    askVars: (c) => ({ amount: formatCents(c.assistance.incomeCents ?? 0) }),
    save: (c, v) => withAssistance(c, { incomePeriod: v as Assistance['incomePeriod'], annualIncomeCents: undefined }),
    current: (c) => c.assistance.incomePeriod, clear: (c) => clearAssistance(c, 'incomePeriod', 'annualIncomeCents'),
  },
  {
    id: 'hoursPerWeek', kind: 'count', range: [1, 100], skippable: true,
    applies: (c) => c.assistance.incomePeriod === 'hour' && c.assistance.incomeCents !== undefined,
    mayApply: (c) => incomeUnconfirmed(c) && (c.assistance.incomePeriod ?? 'hour') === 'hour',
    answered: known('hoursPerWeek', (a) => a.hoursPerWeek), save: (c, v) => withAssistance(c, { hoursPerWeek: Number(v), annualIncomeCents: undefined }),
    current: (c) => c.assistance.hoursPerWeek, clear: (c) => clearAssistance(c, 'hoursPerWeek', 'annualIncomeCents'),
  },
  {
    id: 'state', kind: 'state', skippable: true, applies: () => true, answered: (c) => c.state !== undefined || wasSkipped(c, 'state'),
    save: (c, v) => ({ ...c, state: String(v) }),
    current: (c) => c.state, clear: (c) => ({ ...c, state: undefined }),
  },
];
