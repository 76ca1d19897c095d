import { fuzzPrompts } from './promptFuzz';
import { question, texts } from './questionSpecs';

/** Step 3: the balance (when step 1 did not get it), cash at once, a monthly budget, keeping earlier numbers. */
const NO_BALANCE = { provider: { name: 'Mercy General', kind: 'hospital', nonprofit: 'no' }, insurance: 'uninsured', state: 'OH' };
const BASE = { ...NO_BALANCE, balanceCents: 240000 };

fuzzPrompts([
  question('offer', 'balance', 'money', { seed: NO_BALANCE, path: ['3'], valid: '$900', saved: (c) => c.balanceCents, expected: 90000 }),
  question('offer', 'cash', 'money', { seed: BASE, path: ['3'], valid: '$700', saved: (c) => c.offer.cashAvailableCents, expected: 70000 }),
  question('offer', 'monthly', 'money', { seed: BASE, kept: { ...BASE, offer: { cashAvailableCents: 70000 } }, path: ['3', '$700'], valid: '$60', saved: (c) => c.offer.monthlyBudgetCents, expected: 6000 }),
  {
    name: 'offer.keep', seed: { ...BASE, offer: { cashAvailableCents: 30000, monthlyBudgetCents: 5000 } }, kept: BASE, path: ['3'], valid: 'Keep them',
    final: (c) => [c.offer.cashAvailableCents, c.offer.monthlyBudgetCents, c.progress.offer], expected: [30000, 5000, 'done'], next: (c) => c.text('offer.done'),
    reasks: texts('offer.keep.retry'), onward: texts('offer.cash.ask', 'offer.done'),
  },
]);
