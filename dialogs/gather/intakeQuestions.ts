import { Case, INSURANCE_KINDS, PROVIDER_KINDS, YES_NO_UNSURE } from '../../src/domain/case';
import { formatIsoDate } from '../../src/domain/dates';
import { Question, wasSkipped } from '../questionnaire/question';

const has = (id: string, value: (c: Case) => unknown) => (c: Case) => value(c) !== undefined || wasSkipped(c, id);
const always = () => true;

/** Step 1's intake: who billed, when, how much, insurance, collections, state. Asked only when missing. */
export const INTAKE_QUESTIONS: readonly Question[] = [
  {
    id: 'providerName', kind: 'text', skippable: true, applies: always, answered: has('providerName', (c) => c.provider.name),
    // The case took a placeholder label ("Bill 1") until the user named the provider.
    save: (c, v) => ({ ...c, label: c.provider.name ? c.label : String(v).slice(0, 120), provider: { ...c.provider, name: String(v).slice(0, 120) } }),
  },
  {
    id: 'providerKind', kind: 'choice', choices: PROVIDER_KINDS, skippable: true, applies: always,
    answered: has('providerKind', (c) => c.provider.kind),
    save: (c, v) => ({ ...c, provider: { ...c.provider, kind: v as Case['provider']['kind'] } }),
  },
  {
    id: 'nonprofit', terms: ['nonprofit hospital'], kind: 'choice', choices: YES_NO_UNSURE, skippable: true, applies: (c) => c.provider.kind === 'hospital',
    mayApply: (c) => c.provider.kind === undefined || c.provider.kind === 'hospital',
    answered: has('nonprofit', (c) => c.provider.nonprofit),
    save: (c, v) => ({ ...c, provider: { ...c.provider, nonprofit: v as Case['provider']['nonprofit'] } }),
  },
  {
    id: 'serviceDate', kind: 'pastDate', skippable: true, applies: always, answered: has('serviceDate', (c) => c.serviceDate),
    problem: (c, v) => (c.firstBillDate && String(v) > c.firstBillDate ? 'serviceAfterBill' : undefined),
    problemVars: (c) => ({ firstBillDate: c.firstBillDate ? formatIsoDate(c.firstBillDate) : '' }),
    save: (c, v) => ({ ...c, serviceDate: String(v) }),
  },
  {
    id: 'firstBillDate', kind: 'pastDate', skippable: true, applies: always, answered: has('firstBillDate', (c) => c.firstBillDate),
    problem: (c, v) => (c.serviceDate && String(v) < c.serviceDate ? 'billBeforeService' : undefined),
    problemVars: (c) => ({ serviceDate: c.serviceDate ? formatIsoDate(c.serviceDate) : '' }),
    save: (c, v) => ({ ...c, firstBillDate: String(v) }),
  },
  {
    id: 'balance', kind: 'money', skippable: true, applies: always, answered: has('balance', (c) => c.balanceCents),
    save: (c, v) => ({ ...c, balanceCents: Number(v) }),
  },
  {
    id: 'dueDate', kind: 'anyDate', skippable: true, applies: always, answered: has('dueDate', (c) => c.dueDate),
    save: (c, v) => ({ ...c, dueDate: String(v) }),
  },
  {
    id: 'insurance', kind: 'choice', choices: INSURANCE_KINDS, skippable: true, applies: always,
    answered: has('insurance', (c) => c.insurance),
    save: (c, v) => ({ ...c, insurance: v as Case['insurance'] }),
  },
  {
    id: 'inCollections', kind: 'choice', choices: YES_NO_UNSURE, skippable: true, applies: always,
    answered: has('inCollections', (c) => c.inCollections),
    save: (c, v) => ({ ...c, inCollections: v as Case['inCollections'] }),
  },
  {
    id: 'state', kind: 'state', skippable: true, applies: always, answered: has('state', (c) => c.state),
    save: (c, v) => ({ ...c, state: String(v) }),
  },
  {
    id: 'itemizedBill', terms: ['itemized bill'], kind: 'choice', choices: ['have', 'missing', 'unsure'], skippable: true, applies: always,
    answered: has('itemizedBill', (c) => c.documents.itemizedBill),
    save: (c, v) => ({ ...c, documents: { ...c.documents, itemizedBill: v === 'have' ? 'have' : 'missing' } }),
  },
];
