import { Activity } from 'botbuilder';
import { createHarness, Harness, buttons, lastPrompt, texts, sayAll } from '../helpers/botHarness';
import { STRONG, WITH_OFFER } from '../helpers/rehearsalFixtures';

const WEAK = ['hi', 'ok', 'fine', 'sure', 'whatever works', 'bye'];

const reportOf = (replies: Partial<Activity>[]) => JSON.stringify(replies.flatMap((a) => a.attachments ?? []).map((a) => a.content));
/** A text as it appears inside the card's JSON. */
const inJson = (text: string) => JSON.stringify(text).slice(1, -1);
/** What a turn's messages read after the first place `first` appears in them (the coach's note and the representative's line now share a message). */
const after = (replies: string[], first: string) => {
  const read = replies.join('\n\n');
  const at = read.indexOf(first);
  return at < 0 ? '' : read.slice(at + first.length);
};

async function atRolePlay(fields: Record<string, unknown> = WITH_OFFER, scenario = 'Hospital billing office'): Promise<Harness> {
  const h = createHarness();
  await h.seedCase(fields);
  await h.join();
  await h.say('4');
  await h.say(scenario);
  return h;
}

describe('step 4, rehearse the call', () => {
  it('offers the scenario that fits the case first, and uses the user’s own numbers', async () => {
    const h = createHarness();
    await h.seedCase({ ...WITH_OFFER, inCollections: 'yes' });
    await h.join();
    const pick = await h.say('4');
    expect(buttons(lastPrompt(pick))[0]).toBe('Collection agency');
    const setup = texts(await h.say('Hospital billing office'));
    const numbers = h.content.text('rehearsal.yourNumbers', { opening: '$960', target: '$1,000', ceiling: '$1,000' });
    expect(setup[0]).toContain(numbers);
    expect(after(setup, numbers)).toContain('Mercy General');
  });

  it('a strong performance: concessions from the representative, praise each turn, a high score', async () => {
    const h = await atRolePlay();
    const firstReply = texts(await h.say(STRONG[0] ?? ''));
    const praise = h.content.text('rehearsal.coach.good', { praise: h.content.text('rehearsal.praise.statesAccount') });
    expect(firstReply[0]).toContain(praise);
    expect(after(firstReply, praise)).toContain('I have your account up');
    const end = await sayAll(h, STRONG.slice(1));
    const report = reportOf(end);
    expect(report).toMatch(/Score: (8\d|9\d|100) \/ 100/);
    expect(report).toContain(inJson(h.content.text('rehearsal.report.calm')));
    expect(buttons(lastPrompt(end))).toEqual([h.content.text('rehearsal.report.again'), h.content.text('rehearsal.report.tougher'), h.content.text('rehearsal.report.menu')]);
    const saved = await h.activeCase();
    expect(saved?.progress.rehearsal).toBe('done');
    expect(saved?.rehearsals[0]).toMatchObject({ scenarioId: 'billingOffice', difficulty: 'standard' });
  });

  it('a weak performance: brush-offs, tips each turn, a low score and two things to practise', async () => {
    const h = await atRolePlay();
    const first = texts(await h.say(WEAK[0] ?? ''));
    expect(first[0]).toContain('→');
    expect(after(first, '→')).toContain('which account');
    const end = await sayAll(h, WEAK.slice(1));
    const report = reportOf(end);
    expect(report).toMatch(/Score: [0-3]?\d \/ 100/);
    expect(report).toContain(inJson(h.content.text('rehearsal.tips.asksInWriting')));
    expect(report).toContain(inJson(h.content.text('rehearsal.tips.makesOffer', { opening: '$960' })));
  });

  it('an angry answer gets a calm tip and the report says so', async () => {
    const h = await atRolePlay();
    const reply = texts(await h.say('THIS IS A SCAM, you people are thieves'));
    expect(reply[0]).toContain(h.content.text('rehearsal.tips.calm'));
    const end = await sayAll(h, STRONG.slice(1));
    expect(reportOf(end)).toContain(inJson(h.content.text('rehearsal.report.notCalm')));
  });

  it('"a tougher representative" runs the same call with firmer lines', async () => {
    const h = await atRolePlay();
    await sayAll(h, STRONG);
    const tough = texts(await h.say(h.content.text('rehearsal.report.tougher')));
    expect(tough[0]).toContain(h.content.text('rehearsal.tough'));
    expect(after(tough, h.content.text('rehearsal.tough'))).toContain('Billing. Account number?');
  });

  it('works with an empty case, with plain stand-ins for the numbers', async () => {
    const h = createHarness();
    await h.join();
    await h.say('4');
    const setup = texts(await h.say('Hospital billing office'));
    expect(setup[0]).toContain(h.content.text('rehearsal.noNumbers'));
    expect(setup[0]).toContain(h.content.text('rehearsal.standIns.provider'));
    expect(setup[0]).toContain(h.content.text('rehearsal.practiceBalance', { balance: h.content.text('rehearsal.standIns.balance') }));
    expect(setup[0]).not.toMatch(/\[[a-z ]+\]/);
  });

  it('can be left mid-way with "menu"', async () => {
    const h = await atRolePlay();
    await h.say(STRONG[0] ?? '');
    expect(texts(await h.say('menu'))[0]).toContain(h.content.text('menu.promptWithCase', { caseLabel: 'Mercy General', progress: '' }).split('\n')[0]);
  });

  it.each([
    ['an empty answer', '   ', 'rehearsal.problems.empty'],
    ['only emoji', '😡😡😡', 'rehearsal.problems.empty'],
    ['5,000 characters', 'I can pay '.repeat(500), 'rehearsal.problems.tooLong'],
  ])('%s gets a clear re-ask and the call goes on', async (_label, bad, key) => {
    const h = await atRolePlay();
    expect(texts(await h.say(bad))).toEqual([h.content.text(key)]);
    const praise = h.content.text('rehearsal.coach.good', { praise: h.content.text('rehearsal.praise.statesAccount') });
    expect(after(texts(await h.say(STRONG[0] ?? '')), praise)).toContain('I have your account up');
  });
});
