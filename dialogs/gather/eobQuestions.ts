import { Case, YES_NO_UNSURE } from '../../src/domain/case';
import { EobFigures } from '../../src/domain/gatherModel';
import { formatCents } from '../../src/domain/money';
import { eobFigureProblem, eobOwedGap } from '../../src/domain/eobCheck';
import { Question, isInsured, wasSkipped } from '../questionnaire/question';

type Eob = NonNullable<Case['eob']>;
const eobOf = (c: Case): Eob => c.eob ?? { status: 'processed' };
const withEob = (c: Case, change: Partial<EobFigures>): Case => ({ ...c, eob: { ...eobOf(c), ...change } });
const processed = (c: Case) => isInsured(c) && c.eob?.status === 'processed';
/** Before the EOB status is known, the figures may still be asked. */
const mayBeProcessed = (c: Case) => isInsured(c) && (c.eob === undefined || c.eob.status === 'processed');
const answered = (id: string, value: (e: Eob) => unknown) => (c: Case) => (c.eob !== undefined && value(c.eob) !== undefined) || wasSkipped(c, id);

/** What the EOB says she owes set against allowed − plan paid, when both are known and differ. */
const owedGap = (c: Case): Record<string, string> | undefined => {
  const gap = c.eob ? eobOwedGap(c.eob) : undefined;
  return gap && { owed: formatCents(gap.owedCents), expected: formatCents(gap.expectedCents), allowed: formatCents(gap.allowedCents), paid: formatCents(gap.paidCents) };
};

type AmountKey = keyof Pick<EobFigures, 'billedCents' | 'allowedCents' | 'planPaidCents' | 'patientOwesCents'>;
const amount = (id: string, key: AmountKey, extra: Partial<Question> = {}): Question => ({
  id, kind: 'money', terms: id === 'allowed' ? ['allowed amount'] : undefined, skippable: true, applies: processed, mayApply: mayBeProcessed, answered: answered(id, (e) => e[key]),
  problemVars: (c) => ({ billed: formatCents(eobOf(c).billedCents ?? 0), allowed: formatCents(eobOf(c).allowedCents ?? eobOf(c).billedCents ?? 0) }),
  save: (c, v) => withEob(c, { [key]: Number(v) }),
  current: (c) => c.eob?.[key], clear: (c) => (c.eob ? withEob(c, { [key]: undefined }) : c),
  ...extra,
});

/** The split of what she owes is optional: asked only when she chose to give it. */
const wantsSplit = (c: Case) => processed(c) && c.eob?.split === 'yes';
const share = (id: string, key: 'deductibleCents' | 'copayCents' | 'coinsuranceCents'): Question => ({
  id, kind: 'money', terms: [id], skippable: true, applies: wantsSplit, mayApply: (c) => mayBeProcessed(c) && c.eob?.split !== 'no', answered: answered(id, (e) => e[key]),
  problem: (c, v) => eobFigureProblem(eobOf(c), key, Number(v)),
  problemVars: (c) => ({ billed: formatCents(eobOf(c).billedCents ?? 0) }),
  save: (c, v) => withEob(c, { [key]: Number(v) }),
  current: (c) => c.eob?.[key], clear: (c) => (c.eob ? withEob(c, { [key]: undefined }) : c),
});

const choiceOf = (id: string, key: 'emergency' | 'outOfNetworkAtInNetwork'): Question => ({
  id, kind: 'choice', choices: YES_NO_UNSURE, skippable: true, applies: isInsured,
  answered: answered(id, (e) => e[key]), save: (c, v) => withEob(c, { [key]: v as Eob[typeof key] }),
  current: (c) => c.eob?.[key], clear: (c) => (c.eob ? withEob(c, { [key]: undefined }) : c),
});

/**
 * Insured: the Explanation of Benefits — first what it says she may owe, then the figures to check it
 * against (billed, allowed, plan paid), and only if she wants, the split into deductible, copay and
 * coinsurance. Uninsured: the Good Faith Estimate.
 */
export const EOB_QUESTIONS: readonly Question[] = [
  {
    id: 'eobStatus', terms: ['eob'], kind: 'choice', choices: ['processed', 'pending', 'denied', 'noEob'], skippable: true, applies: isInsured,
    answered: (c) => c.eob !== undefined || wasSkipped(c, 'eobStatus'),
    save: (c, v) => ({
      ...c,
      eob: { ...c.eob, status: v === 'noEob' ? 'pending' : (v as Eob['status']) },
      documents: { ...c.documents, eob: v === 'noEob' ? 'missing' : 'have' },
    }),
    current: (c) => (c.eob === undefined ? undefined : c.documents.eob === 'missing' ? 'noEob' : c.eob.status),
    clear: (c) => ({ ...c, eob: undefined, documents: { ...c.documents, eob: undefined } }),
  },
  {
    id: 'denialReason', kind: 'text', maxLength: 300, skippable: true, applies: (c) => isInsured(c) && c.eob?.status === 'denied',
    answered: answered('denialReason', (e) => e.denialReason), save: (c, v) => withEob(c, { denialReason: String(v).slice(0, 300) }),
    current: (c) => c.eob?.denialReason, clear: (c) => (c.eob ? withEob(c, { denialReason: undefined }) : c),
  },
  amount('owed', 'patientOwesCents', {
    problem: (c, v) => eobFigureProblem(eobOf(c), 'patientOwesCents', Number(v)),
  }),
  amount('billed', 'billedCents'),
  amount('allowed', 'allowedCents', {
    problem: (c, v) => eobFigureProblem(eobOf(c), 'allowedCents', Number(v)),
  }),
  amount('planPaid', 'planPaidCents', {
    problem: (c, v) => eobFigureProblem(eobOf(c), 'planPaidCents', Number(v)),
    note: (c) => {
      const gap = owedGap(c);
      return gap ? { key: 'notes.owedDiffers', vars: gap } : undefined;
    },
  }),
  {
    id: 'split', kind: 'choice', choices: ['yes', 'no'], skippable: true, applies: processed, mayApply: mayBeProcessed,
    answered: answered('split', (e) => e.split),
    save: (c, v) => withEob(c, { split: v === 'yes' ? 'yes' : 'no' }),
    current: (c) => c.eob?.split, clear: (c) => (c.eob ? withEob(c, { split: undefined }) : c),
  },
  share('deductible', 'deductibleCents'),
  share('copay', 'copayCents'),
  share('coinsurance', 'coinsuranceCents'),
  choiceOf('emergency', 'emergency'),
  choiceOf('outOfNetwork', 'outOfNetworkAtInNetwork'),
  {
    id: 'hasEstimate', terms: ['good faith estimate'], kind: 'choice', choices: YES_NO_UNSURE, skippable: true, applies: (c) => c.insurance === 'uninsured',
    answered: (c) => c.documents.goodFaithEstimate !== undefined || wasSkipped(c, 'hasEstimate'),
    save: (c, v) => ({ ...c, documents: { ...c.documents, goodFaithEstimate: v === 'yes' ? 'have' : 'missing' } }),
    current: (c) => (c.documents.goodFaithEstimate === undefined ? undefined : c.documents.goodFaithEstimate === 'have' ? 'yes' : 'no'),
    clear: (c) => ({ ...c, documents: { ...c.documents, goodFaithEstimate: undefined } }),
  },
  {
    id: 'estimate', kind: 'money', skippable: true, applies: (c) => c.insurance === 'uninsured' && c.documents.goodFaithEstimate === 'have',
    mayApply: (c) => c.insurance === 'uninsured' && (c.documents.goodFaithEstimate ?? 'have') === 'have',
    answered: (c) => c.goodFaithEstimateCents !== undefined || wasSkipped(c, 'estimate'),
    save: (c, v) => ({ ...c, goodFaithEstimateCents: Number(v) }),
    current: (c) => c.goodFaithEstimateCents, clear: (c) => ({ ...c, goodFaithEstimateCents: undefined }),
  },
];
