import { Case } from '../../src/domain/case';
import { formatCents } from '../../src/domain/money';
import { owedAmount } from '../../src/domain/owedAmount';
import type { AmountAnswer } from '../../src/domain/numberReading';
import { Question, wasSkipped } from '../questionnaire/question';

type Offer = Case['offer'];
const withOffer = (c: Case, change: Partial<Offer>): Case => ({ ...c, offer: { ...c.offer, ...change } });

/** What she owes (the EOB's figure or the Good Faith Estimate when the bill is above it): the most to pay at once or a month. */
const owedOf = (c: Case): number | undefined => owedAmount(c).owedCents;

const monthlyOf = (a: AmountAnswer): number | undefined => a.others.find((o) => o.period === 'month')?.cents;

/** Step 3's questions: the balance (when step 1 did not get it), cash available now, a monthly budget. */
export const OFFER_QUESTIONS: readonly Question[] = [
  {
    id: 'balance', kind: 'money', skippable: false, applies: (c) => c.balanceCents === undefined,
    answered: (c) => c.balanceCents !== undefined,
    problem: (_c, v) => (Number(v) === 0 ? 'zeroBalance' : undefined),
    save: (c, v) => ({ ...c, balanceCents: Number(v) }),
    current: (c) => c.balanceCents, clear: (c) => ({ ...c, balanceCents: undefined }),
  },
  {
    id: 'cash', kind: 'money', skippable: true, applies: () => true,
    answered: (c) => c.offer.cashAvailableCents !== undefined || wasSkipped(c, 'cash'),
    problem: (c, v) => (owedOf(c) !== undefined && Number(v) > (owedOf(c) ?? 0) ? 'cashAboveBalance' : undefined),
    problemVars: (c) => ({ balance: formatCents(owedOf(c) ?? 0) }),
    save: (c, v) => withOffer(c, { cashAvailableCents: Number(v) }),
    // "I can keep 1500 and do 150 a month": the monthly amount answers the next question too.
    amountRole: 'lumpSum',
    saveAmount: (c, a) => withOffer(c, { cashAvailableCents: a.cents, monthlyBudgetCents: c.offer.monthlyBudgetCents ?? monthlyOf(a) }),
    current: (c) => c.offer.cashAvailableCents, clear: (c) => withOffer(c, { cashAvailableCents: undefined }),
  },
  {
    id: 'monthly', kind: 'money', skippable: true, applies: () => true,
    answered: (c) => c.offer.monthlyBudgetCents !== undefined || wasSkipped(c, 'monthly'),
    problem: (c, v) => (Number(v) === 0 ? 'budgetZero' : owedOf(c) !== undefined && Number(v) > (owedOf(c) ?? 0) ? 'budgetAboveBalance' : undefined),
    problemVars: (c) => ({ balance: formatCents(owedOf(c) ?? 0) }),
    save: (c, v) => withOffer(c, { monthlyBudgetCents: Number(v) }),
    amountRole: 'monthly',
    saveAmount: (c, a) => withOffer(c, { monthlyBudgetCents: a.cents, cashAvailableCents: c.offer.cashAvailableCents ?? a.others.find((o) => o.period === undefined)?.cents }),
    current: (c) => c.offer.monthlyBudgetCents, clear: (c) => withOffer(c, { monthlyBudgetCents: undefined }),
  },
];
