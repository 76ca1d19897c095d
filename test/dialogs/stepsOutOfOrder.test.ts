import { Activity } from 'botbuilder';
import { createHarness, Harness, texts, sayAll } from '../helpers/botHarness';
import { caseSchema } from '../../src/domain/case';

/**
 * Issue 19 (item 5): a step taken before the steps it needs facts from still makes sense. It asks for what it
 * must have (and says why when she says "not sure"), works without what it can do without, and never shows a
 * placeholder: the only brackets she sees are the fill-ins a letter or script tells her to complete.
 */

/** The fill-ins the cards ask her to complete ("edit the parts in [brackets]"): her own details, and her notes in a letter. */
const FILL_INS = ['[your name]', '[Your name]', '[account number]', '[Your address]', '[Date]'];
/** The word the instructions use for them ("edit the parts in [brackets]"). */
const INSTRUCTION = '[brackets]';

/** Everything the bot sent: texts, cards and the text files attached. */
function everything(replies: Partial<Activity>[]): string {
  return replies.map((a) => {
    const files = (a.attachments ?? []).filter((x) => x.contentType === 'text/plain' && typeof x.contentUrl === 'string')
      .map((x) => Buffer.from(String(x.contentUrl).split(',')[1] ?? '', 'base64').toString('utf8'));
    const cards = (a.attachments ?? []).filter((x) => x.contentType !== 'text/plain').map((x) => JSON.stringify(x.content));
    return [a.text ?? '', ...cards, ...files].join('\n');
  }).join('\n');
}

/** "[…]" that is not a Markdown link's text. */
const brackets = (text: string) => [...text.matchAll(/\[([^\]\n]{1,80})\](?!\()/g)].map((m) => m[0]);

async function newUser(): Promise<Harness> {
  const h = createHarness();
  await h.join();
  return h;
}

describe('a new user who answers "not sure" to everything, step by step', () => {
  it('every request, script, sheet and letter she gets has no placeholder, only the fill-ins the card names', async () => {
    const h = await newUser();
    const seen: Partial<Activity>[][] = [];
    // Step 1: nothing known; no itemized bill, so she gets the request for one.
    const gather = await sayAll(h, ['1', ...Array(9).fill('not sure'), 'no', 'not sure'], seen);
    expect(everything(seen.flat())).toContain(h.content.text('itemized.phone', { serviceDate: h.content.text('itemized.unknownDate') }).slice(0, 40));
    expect(texts(gather).join('\n')).toContain(h.content.text('checkCard.done').slice(0, 20));
    // Step 2: no household facts, no hardship reasons: the script is still built.
    await sayAll(h, ['2', 'not sure', 'not sure', 'not sure', 'not sure', 'Use this'], seen);
    const script = everything(seen.slice(-1).flat());
    expect(script).toContain(h.content.text('script.script.fillIn').slice(0, 30));
    // Step 3: the balance is asked (it cannot be skipped), then no amounts: no numbers yet.
    await sayAll(h, ['3', 'not sure', '$1,500', 'not sure', 'not sure'], seen);
    // Step 4: a short rehearsal.
    await sayAll(h, ['4', 'Hospital billing office', "hi i'm calling about my bill", "i can't pay all of it", 'can you send me an itemized bill', 'menu'], seen);
    // Step 5: a call logged as an agreement, with no notes: the letter to confirm it.
    await sayAll(h, ['5', 'Log a call', 'today', 'not sure', 'not sure', 'none', 'We agreed on something', 'skip', 'yes'], seen);
    const all = everything(seen.flat());
    expect(all).toContain(h.content.text('followUp.letter.intro').slice(0, 30));

    const noteFillIns = h.content.keys().filter((k) => k.startsWith('followUp.letter.kinds.') && k.endsWith('.notes')).map((k) => h.content.text(k));
    const unexpected = brackets(all).filter((b) => b !== INSTRUCTION && !FILL_INS.includes(b) && !noteFillIns.includes(b));
    expect(unexpected).toEqual([]);
    expect(all).not.toMatch(/\{\{\s*[\w.]+\s*\}\}/);
    expect(all).not.toMatch(/\bundefined\b|\bNaN\b|\$NaN/);
  });
});

describe('step 3 before step 1', () => {
  it('"not sure" to the balance says why it is needed, never invites "not sure" again, and keeps her place', async () => {
    const h = await newUser();
    await h.say('3');
    const reply = texts(await h.say('not sure')).join('\n');
    expect(reply).toBe(h.content.text('offer.balance.needed'));
    expect(texts(await h.say('a lot')).join('\n')).toBe(h.content.text('answers.money.unclearRequired'));
    await h.say('$1,500');
    expect((await h.activeCase())?.balanceCents).toBe(150_000);
    const end = texts(await sayAll(h, ['$300', '$50'], [])).join('\n');
    expect(end).toContain(h.content.text('offer.recommend.plan'));
  });

  it('"not sure" to both amounts: no numbers yet, and not "you can\'t pay anything"', async () => {
    const h = await newUser();
    const end = texts(await sayAll(h, ['3', '$1,500', 'not sure', 'not sure'], [])).join('\n');
    expect(end).toContain(h.content.text('offer.recommend.budgetUnknown'));
    expect(end).not.toContain(h.content.text('offer.recommend.neither'));
  });
});

describe('step 2 before step 1', () => {
  it('"not sure" to the hardship reasons skips them, as step 1 says "not sure" does', async () => {
    const h = await newUser();
    let asked = texts(await h.say('2')).join('\n');
    for (let i = 0; i < 6 && !asked.includes(h.content.text('hardship.reasons.skip')); i++) asked = JSON.stringify(await h.say('not sure'));
    const reply = texts(await h.say('not sure')).join('\n');
    expect(reply).toContain(h.content.text('hardship.ownWords.ask'));
    expect(reply).not.toContain(h.content.text('hardship.reasons.retry'));
  });
});

describe('step 5 before step 1', () => {
  it('"not sure" to the call\'s date, which cannot be skipped, says so, and a date it cannot read never invites "not sure"', async () => {
    const h = await newUser();
    await sayAll(h, ['5', 'Log a call']);
    expect(texts(await h.say('not sure')).join('\n')).toBe(h.content.text('answers.needed'));
    const unclear = texts(await h.say('the other day')).join('\n');
    expect(unclear).not.toMatch(/not sure/);
    await h.say('today');
    expect((await h.activeCase())?.callDraft?.date).toBe('2026-11-27');
  });


  it('"not sure" how a call ended is logged as something else, not asked again and again', async () => {
    const h = await newUser();
    const reply = texts(await sayAll(h, ['5', 'Log a call', 'today', 'not sure', 'not sure', 'none', 'not sure'], [])).join('\n');
    expect(reply).toContain(h.content.text('followUp.call.notes.ask'));
    expect(reply).not.toContain(h.content.text('followUp.call.outcome.retry'));
  });
});

describe('skipping every question she can', () => {
  it('is kept: a case records each skipped question once, however many steps she skips through', async () => {
    const h = await newUser();
    await sayAll(h, ['1', ...Array(9).fill('not sure'), 'not sure', 'not sure'], []);
    await sayAll(h, ['2', 'not sure', 'not sure', 'not sure', 'not sure', 'not sure', 'Use this'], []);
    await sayAll(h, ['3', '$1,500', 'not sure', 'not sure'], []);
    await sayAll(h, ['5', 'Log a call', 'today', 'not sure', 'not sure', 'not sure', 'not sure', 'not sure'], []);
    const skipped = (await h.activeCase())?.skippedQuestions ?? [];
    expect(new Set(skipped).size).toBe(skipped.length);
    expect(skipped).toEqual(expect.arrayContaining(['providerName', 'serviceDate', 'householdSize', 'income', 'cash', 'monthly']));
    expect(h.logger.lines.filter((line) => line.includes('"error"'))).toEqual([]);
  });

  it('a stored case with every skippable question skipped still loads', () => {
    const ids = Array.from({ length: 40 }, (_, i) => `question${i}`);
    expect(caseSchema.parse({ id: 'c', label: 'Bill', createdAt: '2026-11-27T15:00:00.000Z', updatedAt: '2026-11-27T15:00:00.000Z', skippedQuestions: ids }).skippedQuestions).toHaveLength(40);
  });
});
