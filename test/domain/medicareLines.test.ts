import { checkBill, priceReductionCents } from '../../src/domain/billCheck';
import { caseSchema, type Case } from '../../src/domain/case';
import type { FairPriceMultiples } from '../../src/domain/fairPriceRange';
import { type MedicareLookup, priceAgainstMedicare, priceBillLines, settingFor } from '../../src/domain/medicareLines';
import { realData } from '../helpers/content';

const NOW = '2026-11-01T10:00:00Z';
const multiples: FairPriceMultiples = realData().fairPriceMultiples;

/** Ohio's figures as worked by hand from the 2026 files (PROVENANCE §6): 99284 in a facility $117.03 (not paid in an office), 73721 in an office $204.41, 85025 $7.77 on the lab schedule. */
const ohio: MedicareLookup = (code, setting) => {
  if (code.code === '99284') return setting === 'facility' ? { kind: 'figure', cents: 11_703, setting } : { kind: 'none', reason: 'notPaidInSetting' };
  if (code.code === '73721' && !code.modifier) return setting === 'nonFacility' ? { kind: 'figure', cents: 20_441, setting } : { kind: 'none', reason: 'notPaidInSetting' };
  if (code.code === '85025') return { kind: 'figure', cents: 777, setting };
  return { kind: 'none', reason: 'notPaidThisWay' };
};

const aCase = (fields: Record<string, unknown>): Case => caseSchema.parse({ id: 'c', label: 'Mercy', createdAt: NOW, updatedAt: NOW, ...fields });

describe('each coded bill line against what Medicare pays', () => {
  it('an ER visit billed $1,450 under 99284 at an Ohio hospital: Medicare $117.03, 1,139% above, a fair $175.55-$234.06, ask $234.06', () => {
    const [line] = priceBillLines([{ id: 'L1', code: '99284', units: 1, chargeCents: 145_000 }], ohio, 'facility', multiples);
    expect(line).toEqual({
      lineId: 'L1', code: '99284', units: 1, chargeCents: 145_000, setting: 'facility',
      medicareCents: 11_703, lowCents: 17_555, highCents: 23_406, askCents: 23_406, askPercent: 200, overMedicarePercent: 1139,
    });
  });

  it('a hospital is a facility, any other provider is not; a code Medicare pays only in the other setting is priced there', () => {
    expect(settingFor('hospital')).toBe('facility');
    expect(settingFor('imaging')).toBe('nonFacility');
    expect(settingFor(undefined)).toBe('nonFacility');
    // The ER doctor's group bills 99284: only ever given in a hospital.
    expect(priceAgainstMedicare({ code: { code: '99284' }, units: 1, chargeCents: 90_000 }, ohio, 'nonFacility', multiples)).toMatchObject({ setting: 'facility', medicareCents: 11_703 });
    // A hospital's knee MRI: what Medicare pays a freestanding center for the whole scan.
    expect(priceAgainstMedicare({ code: { code: '73721' }, units: 1, chargeCents: 180_000 }, ohio, 'facility', multiples)).toMatchObject({ setting: 'nonFacility', medicareCents: 20_441 });
  });

  it('units multiply the Medicare amount: 3 blood counts at $7.77 are $23.31', () => {
    const [line] = priceBillLines([{ id: 'L2', code: '85025', units: 3, chargeCents: 27_000 }], ohio, 'facility', multiples);
    expect(line).toMatchObject({ medicareCents: 2_331, askCents: 4_662 });
  });

  it('a code with no Medicare figure (an ER facility fee, an ambulance ride) says why and carries no number; a line without a code is left out', () => {
    const lines = priceBillLines([
      { id: 'L3', code: '0450', units: 1, chargeCents: 300_000 }, { id: 'L4', units: 1, chargeCents: 5_000 }, { id: 'L5', code: 'A0427', units: 1, chargeCents: 120_000 },
    ], ohio, 'facility', multiples);
    expect(lines).toEqual([
      { lineId: 'L3', code: '0450', units: 1, chargeCents: 300_000, noFigure: 'facilityFee' },
      { lineId: 'L5', code: 'A0427', units: 1, chargeCents: 120_000, noFigure: 'notPaidThisWay' },
    ]);
  });

  it('a 26 or TC modifier typed on the line is priced as that part', () => {
    const seen: unknown[] = [];
    const spy: MedicareLookup = (code, setting) => { seen.push(code); return ohio(code, setting); };
    priceBillLines([{ id: 'L6', code: '73721-26', units: 1, chargeCents: 40_000 }], spy, 'facility', multiples);
    expect(seen[0]).toEqual({ code: '73721', modifier: '26' });
  });
});

describe('the bill check argues from those figures', () => {
  const er = priceBillLines([{ id: 'L1', code: '99284', units: 1, chargeCents: 145_000 }], ohio, 'facility', multiples);
  const uninsured = aCase({ insurance: 'uninsured', balanceCents: 145_000, state: 'OH', billLines: [{ id: 'L1', code: '99284', chargeCents: 145_000 }], medicare: { state: 'OH', locality: '00', lines: er } });

  it('the ER charge is a finding with the Medicare amount, the percent above it and the price to ask for; the leverage is $1,215.94 above fair prices', () => {
    const result = checkBill(uninsured, '2026-11-02');
    expect(result.findings).toContainEqual({
      code: 'aboveMedicare', severity: 'medium', lineIds: ['L1'],
      figures: { chargeCents: 145_000, medicareCents: 11_703, overMedicarePercent: 1139, lowCents: 17_555, highCents: 23_406, askCents: 23_406, askPercent: 200 },
    });
    expect(result.leverage.overFairPriceCents).toBe(121_594);
  });

  it('the same charge twice (a duplicate line) is one finding for both lines, not the same title twice', () => {
    const twice = priceBillLines([{ id: 'L1', code: '99284', units: 1, chargeCents: 120_000 }, { id: 'L2', code: '99284', units: 1, chargeCents: 120_000 }], ohio, 'facility', multiples);
    const found = checkBill(aCase({ ...uninsured, medicare: { state: 'OH', locality: '00', lines: twice } }), '2026-11-02').findings.filter((f) => f.code === 'aboveMedicare');
    expect(found).toHaveLength(1);
    expect(found[0]?.lineIds).toEqual(['L1', 'L2']);
  });

  it('a price she found herself for the line wins: it is argued from her price, not Medicare\'s', () => {
    const own = aCase({ ...uninsured, fairPrices: [{ id: 'P1', service: '99284', lineId: 'L1', chargeCents: 145_000, comparableCents: 60_000, source: 'hospitalCashPrice', recordedAt: NOW }] });
    const result = checkBill(own, '2026-11-02');
    expect(result.findings.map((f) => f.code)).toEqual(['aboveComparablePrice']);
    expect(result.leverage).toEqual({ overComparableCents: 85_000 });
  });

  it('a charge already within the fair price is no finding', () => {
    const fair = priceBillLines([{ id: 'L1', code: '99284', units: 1, chargeCents: 20_000 }], ohio, 'facility', multiples);
    expect(checkBill(aCase({ ...uninsured, medicare: { state: 'OH', locality: '00', lines: fair } }), '2026-11-02').findings.map((f) => f.code)).not.toContain('aboveMedicare');
  });

  it('the offer starts lower by what the bill is above fair prices when she pays it herself, not when her plan set its price', () => {
    const leverage = checkBill(uninsured, '2026-11-02').leverage;
    expect(priceReductionCents(uninsured, leverage)).toBe(121_594);
    const insured = aCase({ ...uninsured, insurance: 'employer', eob: { status: 'processed', patientOwesCents: 50_000 } });
    expect(priceReductionCents(insured, checkBill(insured, '2026-11-02').leverage)).toBe(0);
  });
});
