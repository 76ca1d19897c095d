import { eobFigureProblem, eobOwedGap } from '../../src/domain/eobCheck';

describe('the EOB\'s figures checked against each other', () => {
  const eob = { status: 'processed' as const, billedCents: 240_000, allowedCents: 170_000, deductibleCents: 50_000 };

  it.each([
    ['what she may owe above the amount billed', 'patientOwesCents', 250_000, 'owedAboveBilled'],
    ['an allowed amount above the amount billed', 'allowedCents', 250_000, 'allowedAboveBilled'],
    ['the plan paying more than the allowed amount', 'planPaidCents', 180_000, 'paidAboveAllowed'],
    ['a share (deductible + copay + coinsurance) above the amount billed', 'copayCents', 200_000, 'shareAboveBilled'],
  ] as const)('%s is a problem', (_what, key, cents, problem) => {
    expect(eobFigureProblem(eob, key, cents)).toBe(problem);
  });

  it('figures that fit, and figures with nothing to check against, are no problem', () => {
    expect(eobFigureProblem(eob, 'patientOwesCents', 85_000)).toBeUndefined();
    expect(eobFigureProblem(eob, 'planPaidCents', 170_000)).toBeUndefined();
    expect(eobFigureProblem(eob, 'deductibleCents', 240_000)).toBeUndefined(); // replaces the $500, not added to it
    expect(eobFigureProblem({ status: 'processed' }, 'allowedCents', 999_999)).toBeUndefined();
  });

  it('what she may owe is set against allowed − plan paid: a gap of more than a dollar is worth asking about', () => {
    expect(eobOwedGap({ status: 'processed', patientOwesCents: 85_000, allowedCents: 170_000, planPaidCents: 85_000 })).toBeUndefined();
    expect(eobOwedGap({ status: 'processed', patientOwesCents: 80_000, allowedCents: 300_000, planPaidCents: 200_000 })).toEqual({
      owedCents: 80_000, expectedCents: 100_000, allowedCents: 300_000, paidCents: 200_000,
    });
  });
});
