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

const BASE = ['supervisor', 'financialServicesManager', 'patientAdvocate', 'writtenDispute', 'stateRegulator'];

describe('the escalation ladder', () => {
  it('an ordinary bill: supervisor, manager, patient advocate, a written dispute, the state regulator', () => {
    expect(escalationLadder(bill({}))).toEqual(BASE);
  });

  it('a bill check with no No Surprises finding changes nothing', () => {
    expect(escalationLadder(checked(['duplicateLines', 'aboveComparablePrice']))).toEqual(BASE);
  });

  it.each(['noSurprisesEmergency', 'noSurprisesOutOfNetwork', 'goodFaithEstimateExceeded'])(
    'a %s finding adds the No Surprises help desk after the state regulator',
    (code) => {
      expect(escalationLadder(checked(['duplicateLines', code]))).toEqual([...BASE, 'noSurprisesHelpDesk']);
    },
  );

  it('in collections: a CFPB complaint comes last', () => {
    expect(escalationLadder(bill({ inCollections: 'yes' }))).toEqual([...BASE, 'cfpbComplaint']);
  });

  it.each(['no', 'unsure'])('collections answered "%s": no CFPB complaint', (inCollections) => {
    expect(escalationLadder(bill({ inCollections }))).toEqual(BASE);
  });

  it('both: every step, in order', () => {
    expect(escalationLadder(checked(['noSurprisesEmergency'], { inCollections: 'yes' }))).toEqual([...ESCALATION_STEPS]);
  });

  it('reads the bill check as the dialogs save it (an ER visit billed by an insured patient)', () => {
    const visit = { insurance: 'employer', eob: { status: 'processed', emergency: 'yes' } };
    const { findings } = checkBill(bill(visit), '2026-02-01');
    expect(escalationLadder(bill({ ...visit, billCheck: { checkedAt: NOW, findings } }))).toContain('noSurprisesHelpDesk');
  });
});
