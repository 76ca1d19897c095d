import { checkBill } from '../../src/domain/billCheck';
import { caseSchema, type Case } from '../../src/domain/case';
import { ESCALATION_STEPS, escalationLadder } from '../../src/domain/escalation';

const NOW = '2026-02-01T10:00:00Z';

function bill(fields: Record<string, unknown>): Case {
  return caseSchema.parse({ id: 'case-1', label: 'Mercy General', createdAt: NOW, updatedAt: NOW, ...fields });
}

/** A case whose saved bill check found these codes. */
const checked = (codes: string[], fields: Record<string, unknown> = {}) =>
  bill({ ...fields, billCheck: { checkedAt: NOW, findings: codes.map((code) => ({ code, severity: 'high', figures: {} })) } });

/** Every bill: up the hospital's own ladder, a written dispute, and the state attorney general's consumer office. */
const BASE = ['supervisor', 'financialServicesManager', 'patientAdvocate', 'writtenDispute', 'stateAttorneyGeneral'];
const withBefore = (steps: string[], before = 'stateAttorneyGeneral') => [...BASE.slice(0, BASE.indexOf(before)), ...steps, ...BASE.slice(BASE.indexOf(before))];

describe('the escalation ladder', () => {
  it('an ordinary bill: supervisor, manager, patient advocate, a written dispute, the state attorney general', () => {
    expect(escalationLadder(bill({}))).toEqual(BASE);
  });

  it('a bill check with no No Surprises finding changes nothing', () => {
    expect(escalationLadder(checked(['duplicateLines', 'aboveComparablePrice']))).toEqual(BASE);
  });

  it.each(['noSurprisesEmergency', 'noSurprisesOutOfNetwork', 'goodFaithEstimateExceeded'])(
    'a %s finding adds the No Surprises help desk before the state offices',
    (code) => {
      expect(escalationLadder(checked(['duplicateLines', code]))).toEqual(withBefore(['noSurprisesHelpDesk']));
    },
  );

  it.each(['employer', 'marketplace'])('a %s plan: the state insurance department too', (insurance) => {
    expect(escalationLadder(bill({ insurance }))).toEqual(withBefore(['stateInsuranceDepartment']));
  });

  it.each(['uninsured', 'unsure'])('%s: no state insurance department (no plan it oversees)', (insurance) => {
    expect(escalationLadder(bill({ insurance }))).toEqual(BASE);
  });

  it.each(['medicare', 'medicaid'])('%s: its own office (1-800-MEDICARE or the state Medicaid office), not the state insurance department', (insurance) => {
    expect(escalationLadder(bill({ insurance }))).toEqual(withBefore([insurance]));
  });

  it('an ambulance bill: the state insurance department and the note on ground ambulances (states, not the No Surprises Act)', () => {
    expect(escalationLadder(bill({ provider: { name: 'County EMS', kind: 'ambulance' }, insurance: 'uninsured' })))
      .toEqual(withBefore(['stateInsuranceDepartment', 'groundAmbulance']).filter((s) => s !== 'patientAdvocate'));
  });

  it.each(['doctor', 'lab', 'imaging', 'other'])('a %s bill: no hospital patient advocate', (kind) => {
    expect(escalationLadder(bill({ provider: { kind } }))).toEqual(BASE.filter((s) => s !== 'patientAdvocate'));
  });

  it('in collections: a CFPB complaint comes last', () => {
    expect(escalationLadder(bill({ inCollections: 'yes' }))).toEqual([...BASE, 'cfpbComplaint']);
  });

  it.each(['no', 'unsure'])('collections answered "%s": no CFPB complaint', (inCollections) => {
    expect(escalationLadder(bill({ inCollections }))).toEqual(BASE);
  });

  it('all that can go together: every step but the other coverages, in order', () => {
    const all = checked(['noSurprisesEmergency'], { inCollections: 'yes', insurance: 'employer', provider: { kind: 'ambulance' } });
    expect(escalationLadder(all)).toEqual(ESCALATION_STEPS.filter((s) => s !== 'medicare' && s !== 'medicaid' && s !== 'patientAdvocate'));
  });

  it('reads the bill check as the dialogs save it (an ER visit billed by an insured patient)', () => {
    const visit = { insurance: 'employer', eob: { status: 'processed', emergency: 'yes' } };
    const { findings } = checkBill(bill(visit), '2026-02-01');
    expect(escalationLadder(bill({ ...visit, billCheck: { checkedAt: NOW, findings } }))).toContain('noSurprisesHelpDesk');
  });
});
