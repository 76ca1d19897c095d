import { Activity } from 'botbuilder';
import { createHarness, sayAll } from '../helpers/botHarness';

/** Step 1's bill check for people with Medicare or Medicaid: their own rules, and no No Surprises Act finding. */
const INTAKE = {
  provider: { name: 'Mercy General', kind: 'hospital', nonprofit: 'yes' }, serviceDate: '2026-09-01', firstBillDate: '2026-10-01',
  balanceCents: 90000, dueDate: '2026-12-31', inCollections: 'no', state: 'OH', documents: { itemizedBill: 'have' },
};

const cardOf = (replies: Partial<Activity>[]) =>
  JSON.stringify(replies.flatMap((a) => a.attachments ?? []).find((x) => x.contentType === 'application/vnd.microsoft.card.adaptive')?.content ?? null);

async function billCheck(insurance: 'medicare' | 'medicaid'): Promise<{ card: string; codes: string[]; text: (key: string) => string }> {
  const h = createHarness();
  await h.seedCase({ ...INTAKE, insurance });
  await h.join();
  await h.say('1');
  // The EOB (or Medicare notice): processed, what she may owe, billed, allowed, paid, no split, an ER visit, someone out of network.
  let last: Partial<Activity>[] = [];
  last = await sayAll(h, ['Processed / paid', '$200', '$2,000', '$1,000', '$800', 'Skip it', 'yes', 'yes', 'Skip', 'Skip']);
  const saved = await h.activeCase();
  return { card: cardOf(last), codes: saved?.billCheck?.findings.map((f) => f.code) ?? [], text: (key) => JSON.stringify(h.content.text(key)).slice(1, -1) };
}

describe('a Medicare or Medicaid patient gets findings true for her coverage', () => {
  it('Medicare: the Medicare-approved amount and assignment, never the No Surprises Act', async () => {
    const { card, codes, text } = await billCheck('medicare');
    expect(codes).toEqual(expect.arrayContaining(['balanceAboveEob', 'medicareApprovedAmount']));
    expect(codes.filter((c) => c.startsWith('noSurprises'))).toEqual([]);
    expect(card).toContain(text('findings.medicareApprovedAmount.title'));
    expect(card).not.toContain(text('findings.noSurprisesEmergency.title'));
    expect(card).not.toContain(text('findings.noSurprisesOutOfNetwork.title'));
  });

  it('Medicaid: only Medicaid\'s copays, first thing to look at, never the No Surprises Act', async () => {
    const { card, codes, text } = await billCheck('medicaid');
    expect(codes).toContain('medicaidCostSharingOnly');
    expect(codes.filter((c) => c.startsWith('noSurprises'))).toEqual([]);
    expect(card).toContain(text('findings.medicaidCostSharingOnly.title'));
    expect(card).not.toContain(text('findings.noSurprisesEmergency.title'));
  });
});
