import { caseSchema, type Case } from '../../src/domain/case';
import { owedAmount } from '../../src/domain/owedAmount';

const NOW = '2026-11-27T15:00:00.000Z';
const bill = (fields: Record<string, unknown>): Case => caseSchema.parse({ id: 'c', label: 'Bill', createdAt: NOW, updatedAt: NOW, ...fields });

describe('one figure for what she owes', () => {
  it('insured, billed $2,400 while the EOB says $850: $850 is the figure, and $1,550 is to be corrected first', () => {
    expect(owedAmount(bill({ insurance: 'employer', balanceCents: 240_000, eob: { status: 'processed', patientOwesCents: 85_000 } }))).toEqual({
      basis: 'eob', billCents: 240_000, owedCents: 85_000, correctionCents: 155_000,
    });
  });

  it('insured, the EOB\'s split only (deductible + copay + coinsurance) counts the same', () => {
    const c = bill({ insurance: 'marketplace', balanceCents: 100_000, eob: { status: 'processed', deductibleCents: 50_000, coinsuranceCents: 10_000 } });
    expect(owedAmount(c)).toMatchObject({ basis: 'eob', owedCents: 60_000, correctionCents: 40_000 });
  });

  it('uninsured, billed $2,100 against a $1,200 Good Faith Estimate: the estimate is the figure ($900 over)', () => {
    expect(owedAmount(bill({ insurance: 'uninsured', balanceCents: 210_000, goodFaithEstimateCents: 120_000 }))).toEqual({
      basis: 'goodFaithEstimate', billCents: 210_000, owedCents: 120_000, correctionCents: 90_000,
    });
  });

  it('under the $400 dispute threshold, a pending claim, or a bill at or below the EOB: the bill is the figure', () => {
    expect(owedAmount(bill({ insurance: 'uninsured', balanceCents: 150_000, goodFaithEstimateCents: 120_000 }))).toEqual({ basis: 'bill', billCents: 150_000, owedCents: 150_000 });
    expect(owedAmount(bill({ insurance: 'employer', balanceCents: 240_000, eob: { status: 'pending' } }))).toMatchObject({ basis: 'bill', owedCents: 240_000 });
    expect(owedAmount(bill({ insurance: 'employer', balanceCents: 85_000, eob: { status: 'processed', patientOwesCents: 85_000 } }))).toMatchObject({ basis: 'bill', owedCents: 85_000 });
  });

  it('no balance yet: unknown, so a step asks for it rather than showing a placeholder', () => {
    expect(owedAmount(bill({ insurance: 'employer' }))).toEqual({ basis: 'unknown' });
  });
});
