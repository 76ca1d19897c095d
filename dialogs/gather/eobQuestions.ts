import { Case, YES_NO_UNSURE } from '../../src/domain/case';
import { EobFigures } from '../../src/domain/gatherModel';
import { formatCents } from '../../src/domain/money';
import { Question, isInsured, wasSkipped } from '../questionnaire/question';

type Eob = NonNullable<Case['eob']>;
const eobOf = (c: Case): Eob => c.eob ?? { status: 'processed' };
const withEob = (c: Case, change: Partial<EobFigures>): Case => ({ ...c, eob: { ...eobOf(c), ...change } });
const processed = (c: Case) => isInsured(c) && c.eob?.status === 'processed';
/** Before the EOB status is known, the figures may still be asked. */
const mayBeProcessed = (c: Case) => isInsured(c) && (c.eob === undefined || c.eob.status === 'processed');
const answered = (id: string, value: (e: Eob) => unknown) => (c: Case) => (c.eob !== undefined && value(c.eob) !== undefined) || wasSkipped(c, id);

/** The user's share so far (deductible + copay + coinsurance), to check a new part against the billed amount. */
const shareWith = (c: Case, key: 'deductibleCents' | 'copayCents' | 'coinsuranceCents', cents: number): number => {
  const e = eobOf(c);
  return (key === 'deductibleCents' ? cents : (e.deductibleCents ?? 0)) + (key === 'copayCents' ? cents : (e.copayCents ?? 0)) + (key === 'coinsuranceCents' ? cents : (e.coinsuranceCents ?? 0));
};

const amount = (id: string, key: keyof Pick<EobFigures, 'billedCents' | 'allowedCents' | 'planPaidCents'>, problem?: Question['problem']): Question => ({
  id, kind: 'money', terms: id === 'allowed' ? ['allowed amount'] : undefined, skippable: true, applies: processed, mayApply: mayBeProcessed, answered: answered(id, (e) => e[key]), problem,
  problemVars: (c) => ({ billed: formatCents(eobOf(c).billedCents ?? 0), allowed: formatCents(eobOf(c).allowedCents ?? eobOf(c).billedCents ?? 0) }),
  save: (c, v) => withEob(c, { [key]: Number(v) }),
});

const share = (id: string, key: 'deductibleCents' | 'copayCents' | 'coinsuranceCents'): Question => ({
  id, kind: 'money', terms: [id], skippable: true, applies: processed, mayApply: mayBeProcessed, answered: answered(id, (e) => e[key]),
  problem: (c, v) => {
    const billed = eobOf(c).billedCents;
    return billed !== undefined && shareWith(c, key, Number(v)) > billed ? 'shareAboveBilled' : undefined;
  },
  problemVars: (c) => ({ billed: formatCents(eobOf(c).billedCents ?? 0) }),
  save: (c, v) => withEob(c, { [key]: Number(v) }),
});

/** Insured: the Explanation of Benefits, figure by figure. Uninsured: the Good Faith Estimate. */
export const EOB_QUESTIONS: readonly Question[] = [
  {
    id: 'eobStatus', terms: ['eob'], kind: 'choice', choices: ['processed', 'pending', 'denied', 'noEob'], skippable: true, applies: isInsured,
    answered: (c) => c.eob !== undefined || wasSkipped(c, 'eobStatus'),
    save: (c, v) => ({
      ...c,
      eob: { ...c.eob, status: v === 'noEob' ? 'pending' : (v as Eob['status']) },
      documents: { ...c.documents, eob: v === 'noEob' ? 'missing' : 'have' },
    }),
  },
  {
    id: 'denialReason', kind: 'text', maxLength: 300, skippable: true, applies: (c) => isInsured(c) && c.eob?.status === 'denied',
    answered: answered('denialReason', (e) => e.denialReason), save: (c, v) => withEob(c, { denialReason: String(v).slice(0, 300) }),
  },
  amount('billed', 'billedCents'),
  amount('allowed', 'allowedCents', (c, v) => {
    const billed = eobOf(c).billedCents;
    return billed !== undefined && Number(v) > billed ? 'allowedAboveBilled' : undefined;
  }),
  amount('planPaid', 'planPaidCents', (c, v) => {
    const cap = eobOf(c).allowedCents ?? eobOf(c).billedCents;
    return cap !== undefined && Number(v) > cap ? 'paidAboveAllowed' : undefined;
  }),
  share('deductible', 'deductibleCents'),
  share('copay', 'copayCents'),
  share('coinsurance', 'coinsuranceCents'),
  {
    id: 'emergency', kind: 'choice', choices: YES_NO_UNSURE, skippable: true, applies: isInsured,
    answered: answered('emergency', (e) => e.emergency), save: (c, v) => withEob(c, { emergency: v as Eob['emergency'] }),
  },
  {
    id: 'outOfNetwork', kind: 'choice', choices: YES_NO_UNSURE, skippable: true, applies: isInsured,
    answered: answered('outOfNetwork', (e) => e.outOfNetworkAtInNetwork), save: (c, v) => withEob(c, { outOfNetworkAtInNetwork: v as Eob['outOfNetworkAtInNetwork'] }),
  },
  {
    id: 'hasEstimate', terms: ['good faith estimate'], kind: 'choice', choices: YES_NO_UNSURE, skippable: true, applies: (c) => c.insurance === 'uninsured',
    answered: (c) => c.documents.goodFaithEstimate !== undefined || wasSkipped(c, 'hasEstimate'),
    save: (c, v) => ({ ...c, documents: { ...c.documents, goodFaithEstimate: v === 'yes' ? 'have' : 'missing' } }),
  },
  {
    id: 'estimate', kind: 'money', skippable: true, applies: (c) => c.insurance === 'uninsured' && c.documents.goodFaithEstimate === 'have',
    mayApply: (c) => c.insurance === 'uninsured' && (c.documents.goodFaithEstimate ?? 'have') === 'have',
    answered: (c) => c.goodFaithEstimateCents !== undefined || wasSkipped(c, 'estimate'),
    save: (c, v) => ({ ...c, goodFaithEstimateCents: Number(v) }),
  },
];
