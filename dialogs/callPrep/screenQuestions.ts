import { Case } from '../../src/domain/case';
import { Assistance } from '../../src/domain/callPrepModel';
import { INCOME_PERIODS } from '../../src/domain/charityCare';
import { Question, wasSkipped } from '../questionnaire/question';

const withAssistance = (c: Case, change: Partial<Assistance>): Case => ({ ...c, assistance: { ...c.assistance, ...change } });
const known = (id: string, value: (a: Assistance) => unknown) => (c: Case) => value(c.assistance) !== undefined || wasSkipped(c, id);
const hasIncome = (c: Case) => c.assistance.annualIncomeCents === undefined;

/** The financial-assistance screen: household, income (any period, confirmed afterwards), state. */
export const SCREEN_QUESTIONS: readonly Question[] = [
  {
    id: 'householdSize', terms: ['financial assistance'], kind: 'count', range: [1, 20], skippable: true, applies: () => true,
    answered: known('householdSize', (a) => a.householdSize), save: (c, v) => withAssistance(c, { householdSize: Number(v) }),
  },
  {
    id: 'incomePeriod', kind: 'choice', choices: INCOME_PERIODS, skippable: true, applies: hasIncome,
    answered: known('incomePeriod', (a) => a.incomePeriod ?? a.annualIncomeCents),
    save: (c, v) => withAssistance(c, { incomePeriod: v as Assistance['incomePeriod'] }),
  },
  {
    id: 'income', kind: 'money', skippable: true, applies: (c) => hasIncome(c) && c.assistance.incomePeriod !== undefined,
    mayApply: hasIncome, answered: known('income', (a) => a.incomeCents ?? a.annualIncomeCents),
    save: (c, v) => withAssistance(c, { incomeCents: Number(v) }),
  },
  {
    id: 'hoursPerWeek', kind: 'count', range: [1, 100], skippable: true,
    applies: (c) => hasIncome(c) && c.assistance.incomePeriod === 'hour' && c.assistance.incomeCents !== undefined,
    mayApply: (c) => hasIncome(c) && (c.assistance.incomePeriod ?? 'hour') === 'hour',
    answered: known('hoursPerWeek', (a) => a.hoursPerWeek), save: (c, v) => withAssistance(c, { hoursPerWeek: Number(v) }),
  },
  {
    id: 'state', kind: 'state', skippable: true, applies: () => true, answered: (c) => c.state !== undefined || wasSkipped(c, 'state'),
    save: (c, v) => ({ ...c, state: String(v) }),
  },
];
