import { caseSchema, type Case } from '../../src/domain/case';
import { caseDeadlines, type Deadline } from '../../src/domain/deadlines';

const TODAY = '2026-02-01';
const NOW = '2026-02-01T10:00:00Z';
const FIRST_BILL = '2026-01-15';

/** A case as the dialogs save it: through the schema, so defaults apply. */
function bill(fields: Record<string, unknown>): Case {
  return caseSchema.parse({ id: 'case-1', label: 'Mercy General', createdAt: NOW, updatedAt: NOW, firstBillDate: FIRST_BILL, ...fields });
}

const hospital = (nonprofit?: 'yes' | 'no' | 'unsure') => ({ provider: { name: 'Mercy General', kind: 'hospital', ...(nonprofit ? { nonprofit } : {}) } });
const doctor = { provider: { name: 'Dr. Lee', kind: 'doctor' } };
const selfPayOverEstimate = { insurance: 'uninsured', goodFaithEstimateCents: 120_000, balanceCents: 215_000 };
const brief = (deadlines: Deadline[]) => deadlines.map((d) => [d.code, d.date, d.certainty]);

describe('the deadlines of a case', () => {
  it('a nonprofit hospital: no collection actions until first bill + 120 days, assistance applications until + 240 (rules)', () => {
    expect(caseDeadlines(bill(hospital('yes')), TODAY)).toEqual([
      { code: 'ecaWait', date: '2026-05-15', daysLeft: 103, certainty: 'rule' },
      { code: 'fapWindow', date: '2026-09-12', daysLeft: 223, certainty: 'rule' },
    ]);
  });

  it.each([
    ['the user is unsure it is a nonprofit', 'unsure'],
    ['nobody asked yet', undefined],
  ] as const)('a hospital that may be a nonprofit (%s): the same dates, marked uncertain', (_what, nonprofit) => {
    expect(brief(caseDeadlines(bill(hospital(nonprofit)), TODAY))).toEqual([
      ['ecaWait', '2026-05-15', 'uncertain'],
      ['fapWindow', '2026-09-12', 'uncertain'],
    ]);
  });

  it('a for-profit hospital or a doctor: no 501(r) dates', () => {
    expect(caseDeadlines(bill(hospital('no')), TODAY)).toEqual([]);
    expect(caseDeadlines(bill(doctor), TODAY)).toEqual([]);
  });

  it('self-pay, billed $400 or more over the Good Faith Estimate: the dispute window, first bill + 120 days', () => {
    expect(caseDeadlines(bill({ ...doctor, ...selfPayOverEstimate }), TODAY)).toEqual([
      { code: 'gfeDispute', date: '2026-05-15', daysLeft: 103, certainty: 'rule' },
    ]);
  });

  it('self-pay, less than $400 over the estimate: no dispute window', () => {
    expect(caseDeadlines(bill({ ...doctor, ...selfPayOverEstimate, balanceCents: 159_999 }), TODAY)).toEqual([]);
  });

  it.each([
    ['$499', 49_900, []],
    ['$500', 50_000, [['creditReportEstimate', '2027-01-15', 'approximate']]],
  ])('in collections with %s, date unknown: credit reporting estimated from a year after the first bill, only from $500', (_what, balanceCents, expected) => {
    expect(brief(caseDeadlines(bill({ ...doctor, inCollections: 'yes', balanceCents }), TODAY))).toEqual(expected);
  });

  it('in collections since a known date: credit reporting from a year after that date, the bureaus\' policy', () => {
    expect(brief(caseDeadlines(bill({ ...doctor, inCollections: 'yes', collectionsDate: '2026-06-20', balanceCents: 90_000 }), TODAY))).toEqual([
      ['creditReport', '2027-06-20', 'policy'],
    ]);
  });

  it('not known to be in collections, or no balance: no credit-report date', () => {
    expect(caseDeadlines(bill({ ...doctor, inCollections: 'unsure', balanceCents: 90_000 }), TODAY)).toEqual([]);
    expect(caseDeadlines(bill({ ...doctor, inCollections: 'yes' }), TODAY)).toEqual([]);
  });

  it('everything at once, sorted by date (same-day dates: the collection wait before the dispute)', () => {
    const c = bill({ ...hospital('yes'), ...selfPayOverEstimate, inCollections: 'yes' });
    expect(brief(caseDeadlines(c, TODAY))).toEqual([
      ['ecaWait', '2026-05-15', 'rule'],
      ['gfeDispute', '2026-05-15', 'rule'],
      ['fapWindow', '2026-09-12', 'rule'],
      ['creditReportEstimate', '2027-01-15', 'approximate'],
    ]);
  });

  it('deadlines that have passed stay, with negative days left', () => {
    const c = bill({ ...hospital('yes'), firstBillDate: '2025-03-01' });
    expect(caseDeadlines(c, TODAY)).toEqual([
      { code: 'ecaWait', date: '2025-06-29', daysLeft: -217, certainty: 'rule' },
      { code: 'fapWindow', date: '2025-10-27', daysLeft: -97, certainty: 'rule' },
    ]);
  });

  it('the last day counts: 0 days left on it', () => {
    expect(caseDeadlines(bill(hospital('yes')), '2026-09-12').find((d) => d.code === 'fapWindow')?.daysLeft).toBe(0);
  });

  it('no first bill date: no dated deadlines at all', () => {
    const c = bill({ ...hospital('yes'), ...selfPayOverEstimate, inCollections: 'yes', firstBillDate: undefined });
    expect(caseDeadlines(c, TODAY)).toEqual([]);
  });
});
