import { caseSchema, type Case } from '../../src/domain/case';
import { decideOffer } from '../../src/domain/offerDecision';
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
