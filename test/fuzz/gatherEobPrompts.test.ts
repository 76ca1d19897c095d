import { YES_NO_UNSURE } from '../../src/domain/case';
import { fuzzPrompts } from './promptFuzz';
import { question } from './questionSpecs';

/** Step 1's insurance paperwork: the EOB figure by figure, or the Good Faith Estimate when self-pay. */
const INTAKE_DONE = {
  provider: { name: 'Mercy', kind: 'doctor' }, serviceDate: '2026-09-01', firstBillDate: '2026-10-01', balanceCents: 90000,
  dueDate: '2026-12-31', insurance: 'employer', inCollections: 'no', state: 'OH', documents: { itemizedBill: 'have' },
};
const eob = (figures: Record<string, unknown>) => ({ ...INTAKE_DONE, documents: { itemizedBill: 'have', eob: 'have' }, eob: { status: 'processed', ...figures } });
const OWED = { patientOwesCents: 80000 };
const BILLED = { ...OWED, billedCents: 500000 };
const ALLOWED = { ...BILLED, allowedCents: 300000 };
const PAID = { ...ALLOWED, planPaidCents: 200000 };
const SPLIT = { ...PAID, split: 'yes' };
const DEDUCTIBLE = { ...SPLIT, deductibleCents: 50000 };
const COPAY = { ...DEDUCTIBLE, copayCents: 0 };
const COINSURANCE = { ...COPAY, coinsuranceCents: 30000 };
const SELF_PAY = { ...INTAKE_DONE, insurance: 'uninsured' };

const money = (id: string, seed: Record<string, unknown>, valid: string, cents: number, key: string) =>
  question('eob', id, 'money', { seed, path: ['1'], valid, saved: (c) => (c.eob as Record<string, unknown> | undefined)?.[key], expected: cents });

fuzzPrompts([
  question('eob', 'eobStatus', 'choice', {
    seed: INTAKE_DONE, path: ['1'], valid: 'Processed / paid', saved: (c) => c.eob?.status, expected: 'processed', choices: ['processed', 'pending', 'denied'],
  }),
  question('eob', 'denialReason', 'text', {
    seed: { ...eob({}), eob: { status: 'denied' } }, path: ['1'], valid: 'CO-50 not medically necessary', maxLength: 300,
    saved: (c) => c.eob?.denialReason, expected: 'CO-50 not medically necessary',
  }),
  money('owed', eob({}), '$800', 80000, 'patientOwesCents'),
  money('billed', eob(OWED), '$5,000', 500000, 'billedCents'),
  money('allowed', eob(BILLED), '$3,000', 300000, 'allowedCents'),
  money('planPaid', eob(ALLOWED), '$2,000', 200000, 'planPaidCents'),
  question('eob', 'split', 'choice', {
    seed: eob(PAID), path: ['1'], valid: 'Add the split', saved: (c) => c.eob?.split, expected: 'yes', choices: ['yes', 'no'],
  }),
  money('deductible', eob(SPLIT), '$500', 50000, 'deductibleCents'),
  money('copay', eob(DEDUCTIBLE), '$0', 0, 'copayCents'),
  money('coinsurance', eob(COPAY), '$300', 30000, 'coinsuranceCents'),
  question('eob', 'emergency', 'choice', {
    seed: eob(COINSURANCE), path: ['1'], valid: 'yes', saved: (c) => c.eob?.emergency, expected: 'yes', choices: YES_NO_UNSURE,
  }),
  question('eob', 'outOfNetwork', 'choice', {
    seed: eob({ ...COINSURANCE, emergency: 'yes' }), path: ['1'], valid: 'no', saved: (c) => c.eob?.outOfNetworkAtInNetwork, expected: 'no', choices: YES_NO_UNSURE,
  }),
  question('eob', 'hasEstimate', 'choice', {
    seed: SELF_PAY, path: ['1'], valid: 'yes', saved: (c) => c.documents.goodFaithEstimate, expected: 'have', choices: ['have', 'missing'],
  }),
  question('eob', 'estimate', 'money', {
    seed: { ...SELF_PAY, documents: { itemizedBill: 'have', goodFaithEstimate: 'have' } }, path: ['1'], valid: '$1,800',
    saved: (c) => c.goodFaithEstimateCents, expected: 180000,
  }),
]);
