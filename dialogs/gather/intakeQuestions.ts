import { Case, INSURANCE_KINDS, PROVIDER_KINDS, YES_NO_UNSURE } from '../../src/domain/case';
import { formatIsoDate } from '../../src/domain/dates';
import { withoutHospital } from '../../src/domain/hospitalCase';
import { Question, wasSkipped } from '../questionnaire/question';

const has = (id: string, value: (c: Case) => unknown) => (c: Case) => value(c) !== undefined || wasSkipped(c, id);
const always = () => true;

/** Step 1's intake: who billed, when, how much, insurance, collections, state. Asked only when missing. */
export const INTAKE_QUESTIONS: readonly Question[] = [
  {
    id: 'providerName', kind: 'text', skippable: true, applies: always, answered: has('providerName', (c) => c.provider.name),
    // The case took a placeholder label ("Bill 1") until the user named the provider.
    // A label that was the old provider name follows the new name; one the user chose stays.
    // A new name clears the hospital picked for the old one (and the nonprofit answer it set): issue 23.
    save: (c, v) => {
      const name = String(v).slice(0, 120);
      const fresh = name === c.provider.name ? c : withoutHospital(c);
      return { ...fresh, label: !c.provider.name || c.label === c.provider.name ? name : c.label, provider: { ...fresh.provider, name } };
    },
    current: (c) => c.provider.name, clear: (c) => { const fresh = withoutHospital(c); return { ...fresh, provider: { ...fresh.provider, name: undefined } }; },
  },
  {
    id: 'providerKind', kind: 'choice', choices: PROVIDER_KINDS, skippable: true, applies: always,
    answered: has('providerKind', (c) => c.provider.kind),
    // Not a hospital any more: the hospital picked from CMS's list goes (issue 23).
    save: (c, v) => { const fresh = v === c.provider.kind ? c : withoutHospital(c); return { ...fresh, provider: { ...fresh.provider, kind: v as Case['provider']['kind'] } }; },
    current: (c) => c.provider.kind, clear: (c) => { const fresh = withoutHospital(c); return { ...fresh, provider: { ...fresh.provider, kind: undefined } }; },
  },
  {
    id: 'nonprofit', terms: ['nonprofit hospital'], kind: 'choice', choices: YES_NO_UNSURE, skippable: true, applies: (c) => c.provider.kind === 'hospital',
    mayApply: (c) => c.provider.kind === undefined || c.provider.kind === 'hospital',
    answered: has('nonprofit', (c) => c.provider.nonprofit),
    save: (c, v) => ({ ...c, provider: { ...c.provider, nonprofit: v as Case['provider']['nonprofit'] } }),
    current: (c) => c.provider.nonprofit, clear: (c) => ({ ...c, provider: { ...c.provider, nonprofit: undefined } }),
  },
  {
    id: 'serviceDate', kind: 'pastDate', skippable: true, applies: always, answered: has('serviceDate', (c) => c.serviceDate),
    problem: (c, v) => (c.firstBillDate && String(v) > c.firstBillDate ? 'serviceAfterBill' : undefined),
    problemVars: (c) => ({ firstBillDate: c.firstBillDate ? formatIsoDate(c.firstBillDate) : '' }),
    save: (c, v) => ({ ...c, serviceDate: String(v) }), conflictsWith: 'firstBillDate',
    current: (c) => c.serviceDate, clear: (c) => ({ ...c, serviceDate: undefined }),
  },
  {
    id: 'firstBillDate', kind: 'pastDate', skippable: true, applies: always, answered: has('firstBillDate', (c) => c.firstBillDate),
    problem: (c, v) => (c.serviceDate && String(v) < c.serviceDate ? 'billBeforeService' : undefined),
    problemVars: (c) => ({ serviceDate: c.serviceDate ? formatIsoDate(c.serviceDate) : '' }),
    save: (c, v) => ({ ...c, firstBillDate: String(v) }), conflictsWith: 'serviceDate',
    current: (c) => c.firstBillDate, clear: (c) => ({ ...c, firstBillDate: undefined }),
  },
  {
    id: 'balance', kind: 'money', skippable: true, applies: always, answered: has('balance', (c) => c.balanceCents),
    save: (c, v) => ({ ...c, balanceCents: Number(v) }),
    current: (c) => c.balanceCents, clear: (c) => ({ ...c, balanceCents: undefined }),
  },
  {
    id: 'dueDate', kind: 'anyDate', skippable: true, applies: always, answered: has('dueDate', (c) => c.dueDate),
    save: (c, v) => ({ ...c, dueDate: String(v) }),
    current: (c) => c.dueDate, clear: (c) => ({ ...c, dueDate: undefined }),
  },
  {
    id: 'insurance', kind: 'choice', choices: INSURANCE_KINDS, skippable: true, applies: always,
    answered: has('insurance', (c) => c.insurance),
    save: (c, v) => ({ ...c, insurance: v as Case['insurance'] }),
    current: (c) => c.insurance, clear: (c) => ({ ...c, insurance: undefined }),
  },
  {
    id: 'inCollections', kind: 'choice', choices: YES_NO_UNSURE, skippable: true, applies: always,
    answered: has('inCollections', (c) => c.inCollections),
    save: (c, v) => ({ ...c, inCollections: v as Case['inCollections'] }),
    current: (c) => c.inCollections, clear: (c) => ({ ...c, inCollections: undefined }),
  },
  {
    // Credit-report dates count from this, not from the first bill.
    id: 'collectionsDate', kind: 'pastDate', skippable: true, applies: (c) => c.inCollections === 'yes',
    mayApply: (c) => c.inCollections === undefined || c.inCollections === 'yes',
    answered: has('collectionsDate', (c) => c.collectionsDate),
    problem: (c, v) => (c.serviceDate && String(v) < c.serviceDate ? 'collectionsBeforeService' : undefined),
    problemVars: (c) => ({ serviceDate: c.serviceDate ? formatIsoDate(c.serviceDate) : '' }),
    save: (c, v) => ({ ...c, collectionsDate: String(v) }),
    current: (c) => c.collectionsDate, clear: (c) => ({ ...c, collectionsDate: undefined }),
  },
  {
    id: 'state', kind: 'state', skippable: true, applies: always, answered: has('state', (c) => c.state),
    save: (c, v) => ({ ...c, state: String(v) }),
    current: (c) => c.state, clear: (c) => ({ ...c, state: undefined }),
  },
  {
    id: 'itemizedBill', terms: ['itemized bill'], kind: 'choice', choices: ['have', 'missing', 'unsure'], skippable: true, applies: always,
    answered: has('itemizedBill', (c) => c.documents.itemizedBill),
    save: (c, v) => ({ ...c, documents: { ...c.documents, itemizedBill: v === 'have' ? 'have' : 'missing' } }),
    current: (c) => c.documents.itemizedBill === 'have' ? 'have' : c.documents.itemizedBill === undefined ? undefined : 'missing',
    clear: (c) => ({ ...c, documents: { ...c.documents, itemizedBill: undefined } }),
  },
];
