import path from 'node:path';
import { loadMedicareData } from '../../src/content/medicareData';
import { areaQuestion, defaultLocality, localitiesForState } from '../../src/domain/localities';
import type { BillLine } from '../../src/domain/gatherModel';
import { priceBill, withMedicarePrices, type MedicarePrices } from '../../src/domain/medicareLines';
import { medicarePrice, pfsFeeCents, type PriceQuery } from '../../src/domain/medicarePrice';
import { realContent, realData } from '../helpers/content';

/** The shipped 2026 tables (content/data/medicare), as the bot loads them. */
const tables = loadMedicareData(path.join(__dirname, '..', '..', 'content', 'data'), realContent());
const cents = (query: PriceQuery): number | string => {
  const price = medicarePrice(tables, query);
  return price.kind === 'figure' ? price.cents : price.reason;
};

/*
 * Worked by hand from the shipped files (RVUs and GPCIs as CMS prints them; conversion factor 33.4009):
 *   99284 facility, Ohio (OH-00, GPCIs 1.000/0.913/1.008; RVUs 2.74/0.45/0.35):
 *     (2.74×1.000 + 0.45×0.913 + 0.35×1.008) × 33.4009 = 3.50365 × 33.4009 = 117.0252 → $117.03
 *   99213 non-facility, Manhattan (NY-01, 1.064/1.162/1.586; RVUs 1.30/1.46/0.09):
 *     (1.3832 + 1.69652 + 0.14274) × 33.4009 = 3.22246 × 33.4009 = 107.6331 → $107.63
 *   99213 non-facility, Ohio: (1.30 + 1.33298 + 0.09072) × 33.4009 = 2.7237 × 33.4009 = 90.9740 → $90.97
 *   73721 non-facility, Alaska (AK-01, 1.500/1.065/0.551):
 *     global (1.32/4.71/0.09): (1.98 + 5.01615 + 0.04959) × 33.4009 = 7.04574 × 33.4009 = 235.3341 → $235.33
 *     -26 (1.32/0.49/0.07): (1.98 + 0.52185 + 0.03857) × 33.4009 = 2.54042 × 33.4009 = 84.8523 → $84.85
 *     -TC (0/4.22/0.02): (0 + 4.4943 + 0.01102) × 33.4009 = 4.50532 × 33.4009 = 150.4818 → $150.48
 *   99213 non-facility, rest of New York (NY-99, 1.000/0.950/0.703):
 *     (1.30 + 1.387 + 0.06327) × 33.4009 = 2.75027 × 33.4009 = 91.8615 → $91.86
 *   85025 (blood count) on the lab fee schedule: the national limit, $7.77.
 */
describe('what Medicare pays for a code, from the shipped 2026 fee schedules', () => {
  it('99284 (ER visit, level 4) in an Ohio hospital is $117.03; Medicare does not pay it in an office', () => {
    const price = medicarePrice(tables, { code: '99284', localityId: 'OH-00', setting: 'facility' });
    expect(price).toMatchObject({ kind: 'figure', cents: 11_703, schedule: 'pfs', year: 2026, setting: 'facility', notes: ['facilityPaidSeparately'] });
    expect(price.kind === 'figure' && price.source).toBe('Medicare Physician Fee Schedule 2026 (July release), Ohio');
    expect(cents({ code: '99284', localityId: 'OH-00', setting: 'nonFacility' })).toBe('notPaidInSetting');
  });

  it('99213 (office visit, level 3) is $107.63 in Manhattan and $90.97 in Ohio', () => {
    const manhattan = medicarePrice(tables, { code: '99213', localityId: 'NY-01', setting: 'nonFacility' });
    expect(manhattan).toMatchObject({ kind: 'figure', cents: 10_763, locality: { id: 'NY-01', plainName: realContent().text('localities.NY.l01') } });
    expect(cents({ code: '99213', localityId: 'OH-00', setting: 'nonFacility' })).toBe(9_097);
  });

  it('73721 (knee MRI) in an Alaska office: $235.33 in all, $84.85 for the reading (26), $150.48 for the scan (TC)', () => {
    expect(cents({ code: '73721', localityId: 'AK-01', setting: 'nonFacility' })).toBe(23_533);
    expect(cents({ code: '73721', modifier: '26', localityId: 'AK-01', setting: 'nonFacility' })).toBe(8_485);
    expect(cents({ code: '73721', modifier: 'TC', localityId: 'AK-01', setting: 'nonFacility' })).toBe(15_048);
    // The two parts add up to the whole, to the cent.
    expect(8_485 + 15_048).toBe(23_533);
    // CMS marks the whole scan NA in a facility (the hospital's part is paid under its outpatient system).
    expect(cents({ code: '73721', localityId: 'AK-01', setting: 'facility' })).toBe('notPaidInSetting');
  });

  it('85025 (blood count) comes from the lab fee schedule: $7.77 anywhere', () => {
    const price = medicarePrice(tables, { code: '85025', localityId: 'NY-01', setting: 'facility' });
    expect(price).toMatchObject({ kind: 'figure', cents: 777, schedule: 'clfs', year: 2026 });
    expect(cents({ code: '85025', localityId: 'OH-00', setting: 'nonFacility' })).toBe(777);
  });

  it.each([
    ['00100', 'anesthesia'], // paid by base and time units
    ['G0463', 'facilityFee'], // the hospital's clinic visit, paid under OPPS
    ['0075T', 'contractorPriced'], // status C
    ['99999', 'notFound'],
  ])('%s has no Medicare figure: %s, never a made-up number', (code, reason) => {
    expect(medicarePrice(tables, { code, localityId: 'OH-00', setting: 'facility' })).toMatchObject({ kind: 'noFigure', reason });
  });

  it('a locality that is not in the table gets no figure', () => {
    expect(cents({ code: '99213', localityId: 'OH-07', setting: 'nonFacility' })).toBe('noLocality');
  });

  it('the formula rounds once, to the cent, at the end', () => {
    expect(pfsFeeCents({ work: 274, pe: 45, mp: 35 }, { work: 1000, pe: 913, mp: 1008 }, 334_009)).toBe(11_703);
  });
});

describe('her area, when her state has several localities', () => {
  it('New York has five; she is asked, the rest of the state listed last', () => {
    const options = localitiesForState(tables.localities, 'NY');
    expect(options.map((l) => l.id)).toHaveLength(5);
    expect(options.at(-1)).toMatchObject({ id: 'NY-99', plainName: 'Rest of New York' });
    expect(areaQuestion(tables.localities, 'NY')).toMatchObject({ kind: 'ask', options });
  });

  it('"not sure" uses the rest of New York, said as assumed: 99213 is $91.86 there', () => {
    const fallback = defaultLocality(tables.localities, 'NY');
    expect(fallback).toMatchObject({ assumed: true, locality: { id: 'NY-99' } });
    expect(cents({ code: '99213', localityId: fallback?.locality.id ?? '', setting: 'nonFacility' })).toBe(9_186);
  });

  it('the area she picked once is kept for the state; a state with one locality is never asked', () => {
    expect(areaQuestion(tables.localities, 'NY', { state: 'NY', locality: '01' })).toMatchObject({ kind: 'known', notSure: false, locality: { id: 'NY-01' } });
    expect(areaQuestion(tables.localities, 'NY', { state: 'NY', locality: '99', notSure: true })).toMatchObject({ kind: 'known', notSure: true });
    expect(areaQuestion(tables.localities, 'NY', { state: 'OH', locality: '00' })).toMatchObject({ kind: 'ask' });
    expect(areaQuestion(tables.localities, 'OH')).toMatchObject({ kind: 'known', notSure: false, locality: { id: 'OH-00', plainName: 'Ohio' } });
    expect(areaQuestion(tables.localities, undefined)).toEqual({ kind: 'none' });
    expect(areaQuestion(tables.localities, 'ZZ')).toEqual({ kind: 'none' });
  });
});

describe('a bill priced in her area', () => {
  it('an ER visit billed $1,450 under 99284 at an Ohio hospital: $117.03, 1,139% above it, ask $234.06 (twice)', () => {
    const ohio = tables.localities.byId.get('OH-00');
    if (!ohio) throw new Error('OH-00 is missing from the shipped table');
    const priced = priceBill(
      { lines: [{ id: 'L1', code: '99284', units: 1, chargeCents: 145_000 }, { id: 'L2', code: '0450', units: 1, chargeCents: 90_000 }, { id: 'L3', description: 'Supplies', units: 1, chargeCents: 5_000 }], providerKind: 'hospital', previous: undefined },
      { locality: ohio, notSure: false }, tables, realData().fairPriceMultiples,
    );
    expect(priced).toEqual({
      state: 'OH', locality: '00', year: 2026,
      lines: [
        { lineId: 'L1', code: '99284', units: 1, chargeCents: 145_000, setting: 'facility', schedule: 'pfs', medicareCents: 11_703, lowCents: 17_555, highCents: 23_406, askCents: 23_406, askPercent: 200, overMedicarePercent: 1139 },
        { lineId: 'L2', code: '0450', units: 1, chargeCents: 90_000, noFigure: 'facilityFee' },
      ],
    });
  });

  it('a case priced: the same snapshot in case.medicare, everything else as it was (a clinic: the non-facility rate)', () => {
    const ohio = tables.localities.byId.get('OH-00');
    if (!ohio) throw new Error('OH-00 is missing from the shipped table');
    const c: { label: string; billLines: BillLine[]; provider: { kind: string }; medicare?: MedicarePrices } = {
      label: 'Clinic', billLines: [{ id: 'L1', code: '99213', units: 1, chargeCents: 30_000 }], provider: { kind: 'clinic' },
    };
    const area = { locality: ohio, notSure: false };
    const priced = withMedicarePrices(c, area, tables, realData().fairPriceMultiples);
    expect(priced.medicare).toEqual(priceBill({ lines: c.billLines, providerKind: 'clinic', previous: undefined }, area, tables, realData().fairPriceMultiples));
    expect(priced.medicare?.lines[0]).toMatchObject({ code: '99213', setting: 'nonFacility' });
    const { medicare: _medicare, ...rest } = priced;
    expect(rest).toEqual(c);
  });
});
