import fc from 'fast-check';
import { createHarness } from '../helpers/botHarness';
import { RUNS, markedUpText } from './hostileInputs';
import { converse, expectNoMarkup, markdownSurfaces } from './turnChecks';

/**
 * Property 4 for the case's name: the provider name the user types becomes the case label, which is
 * shown in the menu, "my case", welcomes, every step's intro, cards and the role-play. It must never
 * render as Markdown or HTML there.
 */
const IN_PROGRESS = { gather: 'in_progress', callPrep: 'in_progress', offer: 'in_progress', rehearsal: 'in_progress', followUp: 'in_progress' };
const answeredCase = (name: string) => ({
  label: name, provider: { name, kind: 'hospital', nonprofit: 'yes' }, serviceDate: '2026-09-01', firstBillDate: '2026-10-01',
  balanceCents: 240000, dueDate: '2026-12-31', insurance: 'unsure', inCollections: 'no', state: 'OH', documents: { itemizedBill: 'missing' },
  assistance: { householdSize: 2, annualIncomeCents: 3000000 }, offer: { cashAvailableCents: 100000, monthlyBudgetCents: 10000 }, progress: IN_PROGRESS,
});
/** Each step once, through to its card: bill check, call script, offer sheets, the role-play, deadlines. */
const EVERY_STEP = [
  '1', 'Skip', '2', 'skip', 'skip', 'Use this', '3', 'Keep them', '4', 'Hospital billing office', 'menu', '5', 'Deadlines', 'Done for now', 'my case',
];

describe('a case name with markup is shown as typed, never as markup', () => {
  it('typed at step 1: in the menu, "my case", new and switch case, and the welcome back', async () => {
    await fc.assert(
      fc.asyncProperty(markedUpText(120), async ({ text, samples }) => {
        const h = createHarness();
        await h.join();
        await converse(h, ['1', text]);
        expect(await h.activeCase()).toMatchObject({ label: text, provider: { name: text } });
        const shown = await converse(h, ['menu', 'my case', 'new case', 'Second bill', 'switch case', '1', 'menu']);
        shown.push(...(await createHarness({ storage: h.storage, conversationId: 'conv-2' }).join()));
        expectNoMarkup(markdownSurfaces(shown), samples, 'case name');
      }),
      { numRuns: RUNS },
    );
  });

  it('through every step: intros, the bill check card, the script, offer sheets, the role-play and deadlines', async () => {
    await fc.assert(
      fc.asyncProperty(markedUpText(120), async ({ text, samples }) => {
        const h = createHarness();
        await h.seedCase(answeredCase(text));
        await h.join();
        const shown = await converse(h, EVERY_STEP);
        const cards = shown.flatMap((a) => a.attachments ?? []).filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive');
        expect(cards.length).toBeGreaterThanOrEqual(4); // bill check, script, offer sheet(s), my case
        expectNoMarkup(markdownSurfaces(shown), samples, 'case name in the steps');
        expect((await h.activeCase())?.label).toBe(text);
      }),
      { numRuns: RUNS },
    );
  });
});
