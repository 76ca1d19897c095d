import { Case } from '../../src/domain/case';
import { formatCents } from '../../src/domain/money';
import { Question, wasSkipped } from '../questionnaire/question';

type Offer = Case['offer'];
const withOffer = (c: Case, change: Partial<Offer>): Case => ({ ...c, offer: { ...c.offer, ...change } });

/** Step 3's questions: the balance (when step 1 did not get it), cash available now, a monthly budget. */
export const OFFER_QUESTIONS: readonly Question[] = [
  {
    id: 'balance', kind: 'money', skippable: false, applies: (c) => c.balanceCents === undefined,
    answered: (c) => c.balanceCents !== undefined,
    problem: (_c, v) => (Number(v) === 0 ? 'zeroBalance' : undefined),
    save: (c, v) => ({ ...c, balanceCents: Number(v) }),
  },
  {
    id: 'cash', kind: 'money', skippable: true, applies: () => true,
    answered: (c) => c.offer.cashAvailableCents !== undefined || wasSkipped(c, 'cash'),
    problem: (c, v) => (c.balanceCents !== undefined && Number(v) > c.balanceCents ? 'cashAboveBalance' : undefined),
    problemVars: (c) => ({ balance: formatCents(c.balanceCents ?? 0) }),
    save: (c, v) => withOffer(c, { cashAvailableCents: Number(v) }),
  },
  {
    id: 'monthly', kind: 'money', skippable: true, applies: () => true,
    answered: (c) => c.offer.monthlyBudgetCents !== undefined || wasSkipped(c, 'monthly'),
    problem: (c, v) => (Number(v) === 0 ? 'budgetZero' : c.balanceCents !== undefined && Number(v) > c.balanceCents ? 'budgetAboveBalance' : undefined),
    problemVars: (c) => ({ balance: formatCents(c.balanceCents ?? 0) }),
    save: (c, v) => withOffer(c, { monthlyBudgetCents: Number(v) }),
  },
];
