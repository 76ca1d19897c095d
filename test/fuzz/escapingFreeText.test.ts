import fc from 'fast-check';
import { createHarness } from '../helpers/botHarness';
import { RUNS, markedUpText } from './hostileInputs';
import { converse, expectNoMarkup, markdownSurfaces } from './turnChecks';

/**
 * Property 4 for the other free text a user types and later sees: the hardship statement (own words and
 * a statement of their own), the call log (who, department, reference, notes → the confirming letter),
 * bill line descriptions and the service of a fair-price check.
 */
const PLAIN = { provider: { name: 'Lakeside Clinic', kind: 'doctor' }, firstBillDate: '2026-10-01', balanceCents: 90000, state: 'OH', inCollections: 'no' };
const SCREENED = { ...PLAIN, assistance: { householdSize: 2, annualIncomeCents: 3000000 } };
const WITH_ITEMIZED = {
  ...PLAIN, serviceDate: '2026-09-01', dueDate: '2026-12-31', insurance: 'unsure', documents: { itemizedBill: 'have' },
};
const cardCount = (replies: { attachments?: { contentType: string }[] }[]) =>
  replies.flatMap((a) => a.attachments ?? []).filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive').length;

describe('free text with markup is shown as typed, never as markup', () => {
  it('the hardship statement: own words in the draft, a statement of their own on the script card', async () => {
    await fc.assert(
      fc.asyncProperty(markedUpText(600), markedUpText(600), async (words, statement) => {
        const h = createHarness();
        await h.seedCase(SCREENED);
        await h.join();
        const shown = await converse(h, ['2', '1, 5', words.text, 'Write my own', statement.text, 'my case']);
        expect(cardCount(shown)).toBeGreaterThanOrEqual(2);
        expect((await h.activeCase())?.hardship).toMatchObject({ ownWords: words.text.trim().replace(/\s+/g, ' '), statement: statement.text.trim().replace(/\s+/g, ' ') });
        const surfaces = markdownSurfaces(shown);
        expectNoMarkup(surfaces, words.samples, 'own words');
        expectNoMarkup(surfaces, statement.samples, 'own statement');
      }),
      { numRuns: RUNS },
    );
  });

  it('the call log: who, department, reference and notes, in the summary and the confirming letter', async () => {
    await fc.assert(
      fc.asyncProperty(markedUpText(80), markedUpText(80), markedUpText(60), markedUpText(500), async (who, department, reference, notes) => {
        const h = createHarness();
        await h.seedCase(PLAIN);
        await h.join();
        const log = ['5', 'Log a call', 'today', who.text, department.text, reference.text, 'We agreed on something', notes.text, 'Pick another date', 'December 15'];
        const shown = await converse(h, [...log, 'Confirmation letter', 'Deadlines']);
        expect((await h.activeCase())?.calls[0]).toMatchObject({ who: who.text, department: department.text, reference: reference.text, notes: notes.text });
        const surfaces = markdownSurfaces(shown);
        expectNoMarkup(surfaces, who.samples, 'who');
        expectNoMarkup(surfaces, department.samples, 'department');
        expectNoMarkup(surfaces, reference.samples, 'reference');
        expectNoMarkup(surfaces, notes.samples, 'notes');
      }),
      { numRuns: RUNS },
    );
  });

  it('a bill line description and a fair-price service, in the replies and the bill check', async () => {
    await fc.assert(
      fc.asyncProperty(markedUpText(80), markedUpText(120), async (description, service) => {
        const h = createHarness();
        await h.seedCase(WITH_ITEMIZED);
        await h.join();
        // Commas, semicolons and bars separate a bill line's fields: keep the description one field.
        const field = description.text.replace(/[,;|\t]/g, ' ');
        const line = `3/3/2026, 99284, ${field}, $100`;
        const typed = await converse(h, ['1', 'Add lines', line, 'done', 'none', 'Check a price', 'Another service', service.text]);
        // Words that match our plain names for services get a list to confirm (issue 22): none of them is it.
        const confirm = (typed.at(-1)?.text ?? '').includes(h.content.text('prices.confirm.ask')) ? [h.content.text('prices.confirm.none')] : [];
        const shown = [...typed, ...(await converse(h, [...confirm, '$1,800', 'not sure']))];
        expect(cardCount(shown)).toBe(1);
        expect((await h.activeCase())?.fairPrices[0]?.service).toBe(service.text.trim());
        const surfaces = markdownSurfaces(shown);
        expectNoMarkup(surfaces, description.samples.filter((s) => field.includes(s.text)), 'bill line');
        expectNoMarkup(surfaces, service.samples, 'fair-price service');
      }),
      { numRuns: RUNS },
    );
  });
});
