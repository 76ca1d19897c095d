import { TABLE_2026 } from '../helpers/povertyTable';
import path from 'node:path';
import { loadDataFiles } from '../../src/content/dataFiles';
import { guidelineCents, latestYear, povertyPercent, regionForState, type PovertyTable, type PovertyYear, type Region } from '../../src/domain/povertyGuidelines';

/** The published figures (whole dollars), written out here so the data file is checked against them. */
const PUBLISHED: Record<number, Record<Region, { first: number; each: number }>> = {
  2026: { contiguous: { first: 15_960, each: 5_680 }, alaska: { first: 19_950, each: 7_100 }, hawaii: { first: 18_360, each: 6_530 } },
  2025: { contiguous: { first: 15_650, each: 5_500 }, alaska: { first: 19_550, each: 6_880 }, hawaii: { first: 17_990, each: 6_330 } },
};

const data = loadDataFiles(path.join(__dirname, '..', '..', 'content', 'data')).povertyGuidelines;

function yearInFile(year: number): PovertyYear {
  const entry = data.years.find((y) => y.year === year);
  if (!entry) throw new Error(`content/data/poverty-guidelines.yaml has no ${year}`);
  return entry;
}

const cases = [2026, 2025].flatMap((year) =>
  (['contiguous', 'alaska', 'hawaii'] as const).flatMap((region) =>
    [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((size) => [year, region, size] as const)));

describe('the poverty guideline for a household', () => {
  it.each(cases)('%i, %s, %i people: first person + each additional person, in cents', (year, region, size) => {
    const { first, each } = PUBLISHED[year]?.[region] ?? { first: NaN, each: NaN };
    expect(guidelineCents(yearInFile(year), size, region)).toBe((first + each * (size - 1)) * 100);
  });

  it.each([
    [2026, 1, 1_596_000],
    [2026, 4, 3_300_000],
    [2025, 4, 3_215_000],
  ])('%i, 48 states, %i people: the published total (cents %i)', (year, size, cents) => {
    expect(guidelineCents(yearInFile(year), size, 'contiguous')).toBe(cents);
  });

  it.each([0, 21, 2.5, -1, NaN])('refuses a household of %p people (a caller bug: validate first)', (size) => {
    expect(() => guidelineCents(yearInFile(2026), size, 'contiguous')).toThrow(RangeError);
  });
});

describe('which figures apply', () => {
  it.each([
    ['AK', 'alaska'], ['ak', 'alaska'], ['Alaska', 'alaska'], ['HI', 'hawaii'], ['Hawaii', 'hawaii'],
    ['DC', 'contiguous'], ['CA', 'contiguous'], ['ZZ', 'contiguous'], ['', 'contiguous'], [undefined, 'contiguous'],
  ] as const)('state %p uses the %s figures', (state, region) => {
    expect(regionForState(state)).toBe(region);
  });

  const y2025 = { ...yearInFile(2025) };
  const y2026 = { ...yearInFile(2026) };

  it('the newest year is used even when the file lists it second, and the result names it', () => {
    const table: PovertyTable = { years: [y2025, y2026] };
    expect(latestYear(table).year).toBe(2026);
    expect(povertyPercent(3_300_000, 4, 'TX', table)).toMatchObject({ year: 2026, source: y2026.source, percent: 100 });
  });

  it('an empty table is a bug', () => {
    expect(() => latestYear({ years: [] })).toThrow(RangeError);
  });
});

describe('income as a percent of the guideline (2026, rounded down)', () => {
  const table = TABLE_2026;

  // Family of four: $33,000 in the 48 states and DC, $41,250 in Alaska, $37,950 in Hawaii.
  it.each([
    ['TX', 3_300_000], ['DC', 3_300_000], ['an unknown state', 3_300_000], ['AK', 4_125_000], ['HI', 3_795_000],
  ])('%s, 4 people: exactly 100/200/300/400%% reads as such, one cent less reads one lower', (state, guideline) => {
    for (const times of [1, 2, 3, 4]) {
      expect(povertyPercent(guideline * times, 4, state, table).percent).toBe(times * 100);
      expect(povertyPercent(guideline * times - 1, 4, state, table).percent).toBe(times * 100 - 1);
    }
  });

  it('reports the year, region, guideline and source it used', () => {
    expect(povertyPercent(4_000_000, 4, 'AK', table)).toEqual({
      percent: 96, year: 2026, guidelineCents: 4_125_000, region: 'alaska', source: 'HHS/ASPE poverty guidelines, 91 FR 1797',
    });
    expect(povertyPercent(0, 1, undefined, table)).toMatchObject({ percent: 0, region: 'contiguous', guidelineCents: 1_596_000 });
  });

  it('a single person earning $1,000,000 is far above (6265%)', () => {
    expect(povertyPercent(100_000_000, 1, 'NY', table).percent).toBe(6265);
  });

  it.each([
    ['a negative income', -1, 1], ['a fraction of a cent', 10.5, 1], ['a household of 0', 100, 0], ['a household of 21', 100, 21],
  ])('refuses %s', (_label, income, size) => {
    expect(() => povertyPercent(income, size, 'TX', table)).toThrow(RangeError);
  });
});
