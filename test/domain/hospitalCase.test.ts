import { askOrder, assistanceProgramLikely, hospitalContact, whoToCall } from '../../src/domain/callPlan';
import { Case, caseSchema } from '../../src/domain/case';
import type { CaseHospital, OwnershipCategory } from '../../src/domain/hospital';
import { HOSPITAL_PICK, needsHospitalPick, nonprofitSource, withHospital, withoutHospital } from '../../src/domain/hospitalCase';

const stamp = '2026-11-27T15:00:00.000Z';
const aCase = (fields: Record<string, unknown> = {}): Case =>
  caseSchema.parse({ id: 'c1', label: 'County General', createdAt: stamp, updatedAt: stamp, provider: { name: 'County General', kind: 'hospital' }, state: 'OH', ...fields });
const hospital = (category: OwnershipCategory): CaseHospital => ({
  ccn: '360999', name: 'COUNTY GENERAL HOSPITAL', address: '100 MAIN STREET', city: 'SPRINGFIELD', state: 'OH', zip: '45501', phone: '(937) 555-0100', ownership: 'x', category,
});

describe('a hospital picked from CMS\'s list, in the case (issue 23)', () => {
  it.each([
    ['nonprofit', 'yes'],
    ['government', 'no'],
    ['tribal', 'no'],
    ['proprietary', 'no'],
  ] as const)('a %s hospital answers the nonprofit question "%s", with CMS as its source', (category, answer) => {
    const picked = withHospital(aCase({ skippedQuestions: ['nonprofit', HOSPITAL_PICK] }), hospital(category));
    expect(picked.provider.nonprofit).toBe(answer);
    expect(picked.skippedQuestions).toEqual([]);
    expect(nonprofitSource(picked)).toBe(category);
  });

  it('unknown ownership leaves the nonprofit question to her', () => {
    const picked = withHospital(aCase(), hospital('unknown'));
    expect(picked.provider.nonprofit).toBeUndefined();
    expect(nonprofitSource(picked)).toBeUndefined();
  });

  it('clearing the pick clears the answer it gave, but not one she gave herself', () => {
    expect(withoutHospital(withHospital(aCase(), hospital('nonprofit'))).provider.nonprofit).toBeUndefined();
    const hers = { ...withHospital(aCase(), hospital('unknown')), provider: { name: 'County General', kind: 'hospital' as const, nonprofit: 'yes' as const } };
    expect(withoutHospital(hers).provider.nonprofit).toBe('yes');
    expect(withoutHospital(aCase(), true).skippedQuestions).toEqual([HOSPITAL_PICK]);
  });

  it('step 1 looks it up only for a named hospital while the nonprofit question is open', () => {
    expect(needsHospitalPick(aCase())).toBe(true);
    expect(needsHospitalPick(aCase({ provider: { name: 'Quest', kind: 'lab' } }))).toBe(false);
    expect(needsHospitalPick(aCase({ provider: { name: 'County General', kind: 'hospital', nonprofit: 'yes' } }))).toBe(false);
    expect(needsHospitalPick(aCase({ skippedQuestions: [HOSPITAL_PICK] }))).toBe(false);
    expect(needsHospitalPick(withHospital(aCase(), hospital('unknown')))).toBe(false);
  });
});

describe('the call plan for a hospital from CMS\'s list', () => {
  it('calls it at its main number, and the letters go to its street address', () => {
    expect(hospitalContact(withHospital(aCase(), hospital('nonprofit')))).toEqual({
      name: 'County General Hospital', phone: '(937) 555-0100', address: '100 Main Street, Springfield, OH 45501',
    });
    expect(hospitalContact(aCase())).toBeUndefined();
  });

  it('a nonprofit: financial assistance first', () => {
    const c = withHospital(aCase(), hospital('nonprofit'));
    expect(whoToCall(c)).toEqual(['financialAssistance', 'billingOffice']);
    expect(askOrder(c)).toContain('assistance');
  });

  it('a government hospital: not bound by 501(r), but its assistance program is asked for first', () => {
    const c = withHospital(aCase(), hospital('government'));
    expect(c.provider.nonprofit).toBe('no');
    expect(assistanceProgramLikely(c)).toBe(true);
    expect(whoToCall(c)).toEqual(['financialAssistance', 'billingOffice']);
    expect(askOrder(c)).toContain('assistance');
  });

  it('a for-profit hospital: the hardship-discount path, at the billing office', () => {
    const c = withHospital(aCase(), hospital('proprietary'));
    expect(assistanceProgramLikely(c)).toBe(false);
    expect(whoToCall(c)).toEqual(['billingOffice']);
    expect(askOrder(c)).toEqual(['hardshipDiscount', 'promptPay', 'offerOrPlan']);
  });

  it('a hospital she says is for-profit without a pick keeps today\'s plan', () => {
    expect(assistanceProgramLikely(aCase({ provider: { name: 'County General', kind: 'hospital', nonprofit: 'no' } }))).toBe(true);
  });
});
