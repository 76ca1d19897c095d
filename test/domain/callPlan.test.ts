import { askOrder, assistanceProgramLikely, collectorNote, haveAtHand, whoToCall } from '../../src/domain/callPlan';
import { type Case, caseSchema } from '../../src/domain/case';

const base = { id: 'c1', label: 'Bill', createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z' };
const aCase = (fields: Record<string, unknown>): Case => caseSchema.parse({ ...base, ...fields });

const MERCY = aCase({ provider: { name: 'Mercy General Hospital', kind: 'hospital', nonprofit: 'yes' }, insurance: 'employer', inCollections: 'no' });
const CLEARVIEW = aCase({
  provider: { name: 'Clearview Imaging', kind: 'imaging', nonprofit: 'no' }, insurance: 'uninsured', inCollections: 'yes',
  assistance: { screen: { percent: 120, year: 2026, tier: 'likelyFree', guidelineCents: 1596000, screenedOn: '2026-11-01' } },
});

describe('the call plan fits who billed her', () => {
  it('a formal assistance program is likely at a hospital, a nonprofit, or a provider of unknown kind; not at a clinic', () => {
    expect(assistanceProgramLikely(MERCY)).toBe(true);
    expect(assistanceProgramLikely(aCase({ provider: { kind: 'hospital', nonprofit: 'no' } }))).toBe(true);
    expect(assistanceProgramLikely(aCase({}))).toBe(true);
    expect(assistanceProgramLikely(aCase({ provider: { kind: 'doctor', nonprofit: 'yes' } }))).toBe(true);
    for (const kind of ['doctor', 'lab', 'imaging', 'ambulance', 'other']) expect(assistanceProgramLikely(aCase({ provider: { kind } }))).toBe(false);
  });

  it('a nonprofit hospital: the financial assistance office first, then billing', () => {
    expect(whoToCall(MERCY)).toEqual(['financialAssistance', 'billingOffice']);
  });

  it('an imaging clinic in collections: the billing office, then the collector, even when the screen looks good', () => {
    expect(whoToCall(CLEARVIEW)).toEqual(['billingOffice', 'collectionAgency']);
  });

  it('asks: assistance at a hospital, a hardship discount at a clinic', () => {
    expect(askOrder(MERCY)).toEqual(['assistance', 'doctors', 'promptPay', 'offerOrPlan']);
    expect(askOrder(CLEARVIEW)).toEqual(['hardshipDiscount', 'promptPay', 'offerOrPlan']);
  });

  it('only a nonprofit hospital answers for its collectors', () => {
    expect(collectorNote(MERCY)).toBe('nonprofitHospital');
    expect(collectorNote(CLEARVIEW)).toBe('other');
    expect(collectorNote(aCase({ provider: { kind: 'hospital', nonprofit: 'unsure' } }))).toBe('other');
  });

  it('at hand: the EOB when insured, the Good Faith Estimate and the collection letter when uninsured and in collections', () => {
    expect(haveAtHand(MERCY)).toEqual(['bill', 'itemizedAndEob', 'billCheck', 'writing']);
    expect(haveAtHand(CLEARVIEW)).toEqual(['bill', 'itemizedAndEstimate', 'collectionLetter', 'billCheck', 'writing']);
  });
});
