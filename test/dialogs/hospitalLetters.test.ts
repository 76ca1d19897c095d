import { buildCallScript } from '../../src/cards/callScript';
import { caseSchema } from '../../src/domain/case';
import { confirmationLetter } from '../../dialogs/followUp/followUpTexts';
import { realContent } from '../helpers/content';

const content = realContent();
const stamp = '2026-11-27T15:00:00.000Z';
const GOVERNMENT = {
  ccn: '010001', name: 'SOUTHEAST HEALTH MEDICAL CENTER', address: '1108 ROSS CLARK CIRCLE', city: 'DOTHAN', state: 'AL', zip: '36301', phone: '(334) 793-8701',
  ownership: 'Government - Hospital District or Authority', category: 'government',
};
const aCase = (fields: Record<string, unknown> = {}) => caseSchema.parse({
  id: 'c1', label: 'Southeast Health', createdAt: stamp, updatedAt: stamp, state: 'AL', serviceDate: '2026-09-01', firstBillDate: '2026-10-01', balanceCents: 240000,
  provider: { name: 'Southeast Health', kind: 'hospital', nonprofit: 'no' }, hospital: GOVERNMENT,
  calls: [{ id: 'C1', date: '2026-11-20', who: 'Ana', department: 'Billing', outcome: 'agreementReached', createdAt: stamp }],
  ...fields,
});
const lines = (sheet: ReturnType<typeof buildCallScript>) => sheet.sections.flatMap((s) => s.lines);

describe('a government hospital from CMS\'s list in the call plan and the letters (issue 23)', () => {
  it('the plan calls its main number and asks whether it has an assistance program (not bound by 501(r))', () => {
    const plan = lines(buildCallScript(content, aCase(), '2026-11-27'));
    expect(plan).toContain(content.text('script.who.hospital.financialAssistance', { hospital: 'Southeast Health Medical Center', phone: '(334) 793-8701' }));
    expect(plan).toContain(content.text('script.asks.assistancePublic'));
    expect(plan).toContain(content.text('script.script.assistancePublic'));
    expect(plan).not.toContain(content.text('script.asks.assistance'));
  });

  it('the "confirming our call" letter goes to the hospital by name at its street address', () => {
    const letter = confirmationLetter(content, aCase()) ?? '';
    expect(letter).toContain('To: Billing, Southeast Health Medical Center\n1108 Ross Clark Circle, Dothan, AL 36301');
  });

  it('without a pick the letter is as before', () => {
    const letter = confirmationLetter(content, aCase({ hospital: undefined })) ?? '';
    expect(letter).toContain('To: Billing, Southeast Health\n');
  });
});
