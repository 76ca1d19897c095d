import { caseSchema, type Case } from '../../src/domain/case';
import { adviceKeyFor, decideOffer } from '../../src/domain/offerDecision';
import { realData } from '../helpers/content';

const NOW = '2026-11-27T15:00:00.000Z';
const bill = (fields: Record<string, unknown>): Case => caseSchema.parse({ id: 'c', label: 'Bill', createdAt: NOW, updatedAt: NOW, ...fields });
const strategy = realData().offerStrategy;

describe('step 3 decides from one figure for what she owes', () => {
  it('billed $2,400 with an EOB of $850: the lump sum and the plan both start from $850, and the bill is to be corrected first', () => {
    const c = bill({ insurance: 'employer', balanceCents: 240_000, eob: { status: 'processed', patientOwesCents: 85_000 }, offer: { cashAvailableCents: 40_000, monthlyBudgetCents: 5_000 } });
    const d = decideOffer(c, { overEobCents: 155_000 }, strategy);
    expect(d?.owed).toMatchObject({ basis: 'eob', billCents: 240_000, owedCents: 85_000, correctionCents: 155_000 });
    expect(d?.lumpSum?.referenceCents).toBe(85_000);
    expect(d?.lumpSum?.reasons).toContain('adjustedForEob');
    expect(d?.plan).toMatchObject({ months: 17, monthlyCents: 5_000, totalCents: 85_000 });
    expect(d?.costs?.interestFreeCents).toBe(85_000);
  });

  it('uninsured, $2,100 against a $1,200 Good Faith Estimate: 12 payments of $100, not 21', () => {
    const c = bill({ insurance: 'uninsured', balanceCents: 210_000, goodFaithEstimateCents: 120_000, offer: { cashAvailableCents: 0, monthlyBudgetCents: 10_000 } });
    const d = decideOffer(c, {}, strategy);
    expect(d?.advice.recommendation).toBe('plan');
    expect(d?.plan).toMatchObject({ months: 12, monthlyCents: 10_000, totalCents: 120_000 });
    expect(d?.input.owed).toEqual({ basis: 'goodFaithEstimate', correctionCents: 90_000 });
  });

  it('a lump sum never goes above what she owes, even with more cash', () => {
    const c = bill({ insurance: 'employer', balanceCents: 240_000, eob: { status: 'processed', patientOwesCents: 85_000 }, offer: { cashAvailableCents: 200_000 } });
    expect(decideOffer(c, {}, strategy)?.lumpSum?.ceilingCents).toBeLessThanOrEqual(85_000);
  });

  it('no balance yet: nothing to decide', () => {
    expect(decideOffer(bill({ insurance: 'employer' }), {}, strategy)).toBeUndefined();
  });
});

describe('the words for the advice fit who billed her', () => {
  it('where a program is likely the recommendation keeps its own words', () => {
    for (const r of ['lumpSum', 'plan', 'lumpSumThenPlan', 'neither'] as const) expect(adviceKeyFor(r, true)).toBe(r);
  });

  it('at a clinic "can\'t pay" asks for a hardship discount and a plan makes no claim about hospitals', () => {
    expect(adviceKeyFor('neither', false)).toBe('neitherNoProgram');
    expect(adviceKeyFor('plan', false)).toBe('planNoProgram');
    expect(adviceKeyFor('lumpSum', false)).toBe('lumpSum');
  });

  it('"not sure" to both amounts is no numbers yet, not "you can\'t pay anything"', () => {
    expect(adviceKeyFor('neither', true, false)).toBe('budgetUnknown');
    expect(adviceKeyFor('neither', false, false)).toBe('budgetUnknown');
    const c = bill({ insurance: 'uninsured', balanceCents: 150_000 });
    expect(decideOffer(c, {}, strategy)?.adviceKey).toBe('budgetUnknown');
  });

  it('decideOffer picks the clinic words for a for-profit imaging center with nothing to spare', () => {
    const c = bill({ insurance: 'uninsured', balanceCents: 210_000, provider: { name: 'Lone Star Imaging', kind: 'imaging', nonprofit: 'no' }, offer: { cashAvailableCents: 0, monthlyBudgetCents: 0 } });
    expect(decideOffer(c, {}, strategy)?.adviceKey).toBe('neitherNoProgram');
  });
});
