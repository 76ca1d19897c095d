import { describeWithBrowser } from '../helpers/browser';
import { realContent } from '../helpers/content';
import { JourneyDriver, MAX_MESSAGE_PX, botMessages, type StepRecord } from '../helpers/journeyDriver';
import { PERSONAS } from '../helpers/personas';
import { PHONE, UI_TIMEOUT, fragment, useChatSession } from '../helpers/webChatPage';

/**
 * The whole journey as a stressed person walks it, in the real web chat page on a phone (390×844):
 * Maria, insured, an ER visit at a nonprofit hospital in Ohio ($2,400 billed, $850 owed per the EOB,
 * household of 3, $40,000 a year), goes through all five steps — gather with her EOB, prepare the call
 * (assistance screen, hardship statement, call plan), offer and plan, a short rehearsal, a logged call
 * with its follow-up — asks what 501(r) means, and opens "my case". No bot message may be taller than 1.5 screens, a result
 * and the next question are never one bubble, and Web Chat's Markdown never turns "501(r)" into "®".
 * The answers are the plain ones (test/helpers/personas.ts); `npm run walkthrough` walks the same
 * journey typed naturally and writes what she sees.
 */

const content = realContent();

function summary(records: readonly StepRecord[]): string {
  return records
    .map((r) => {
      const bots = r.entries.flatMap((e) => (e.from === 'bot' ? [e.heightPx] : []));
      return `${r.step.id}: ${r.completed ? 'done' : 'NOT DONE'}, ${bots.length} messages, tallest ${Math.max(0, ...bots)} px, ${r.reasks} re-asks`;
    })
    .join('\n');
}

describeWithBrowser('the whole journey in Chromium at phone size', () => {
  const chat = useChatSession(PHONE);

  it('Maria walks all five steps, asks about 501(r) and opens "my case" in messages no taller than 1.5 screens, and never sees "®"', async () => {
    const { page } = chat;
    const response = await chat.session.open();
    expect(response?.status()).toBe(200);
    const driver = new JourneyDriver(page, content);
    await driver.welcome();
    const records = await driver.drive(PERSONAS.mariaPlain());
    process.stdout.write(`journey at ${PHONE.width}×${PHONE.height} (limit ${MAX_MESSAGE_PX} px):\n${summary(records)}\n`);
    // A step that did not end: what the user saw last (npm run walkthrough writes the whole conversation).
    for (const r of records.filter((x) => !x.completed)) process.stdout.write(`${r.step.id} ended at:\n${r.entries.slice(-4).map((e) => `  ${e.from}: ${e.text.slice(0, 300)}`).join('\n')}\n`);

    // Every step reached its end, each question understood the first time.
    expect(records.map((r) => [r.step.id, r.completed, r.reasks])).toEqual(records.map((r) => [r.step.id, true, 0]));

    // No wall of text: every bot message fits in 1.5 phone screens.
    const tall = botMessages(records)
      .filter((m) => m.heightPx > MAX_MESSAGE_PX)
      .map((m) => `${m.heightPx} px: ${m.text.slice(0, 100).replace(/\s+/g, ' ')}`);
    expect(tall).toEqual([]);

    // The assistance result is a short card with the rules on demand, and the next question is its own message.
    const rulesButton = content.text('callPrep.result.details');
    const result = botMessages(records).find((m) => m.cardButtons.includes(rulesButton));
    expect(result).toBeDefined();
    expect(result?.text).not.toContain(fragment(content, 'hardship.reasons.ask', { list: '' }));
    // Pressing the button shows why asking matters and the rules, in place.
    await result?.locator.getByRole('button', { name: rulesButton }).click();
    await result?.locator.getByText(fragment(content, 'callPrep.result.context')).waitFor({ state: 'visible', timeout: UI_TIMEOUT });

    // "501(r)" is never shown as "501®", in any message or card, shown or hidden.
    const everything = await page.evaluate(() => (globalThis as unknown as { document: { body: { textContent: string | null } } }).document.body.textContent ?? '');
    expect(everything.includes('®')).toBe(false);

    expect(await chat.session.consoleProblems()).toEqual([]);
  }, 170_000);
});
