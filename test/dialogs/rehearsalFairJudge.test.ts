import { Activity } from 'botbuilder';
import { createHarness, Harness, texts, sayAll } from '../helpers/botHarness';
import { realScenarios } from '../helpers/content';

/** Her case from issue 19: the bill says $2,400, her EOB says $850, she has $500 now and $100 a month. */
const EOB_CASE = {
  provider: { name: 'Mercy General', kind: 'hospital', nonprofit: 'no' }, balanceCents: 240_000, insurance: 'employer', state: 'OH',
  eob: { status: 'processed', billedCents: 240_000, patientOwesCents: 85_000 },
  offer: { cashAvailableCents: 50_000, monthlyBudgetCents: 10_000, lumpSum: { referenceCents: 85_000, openingCents: 35_000, targetCents: 42_500, ceilingCents: 50_000 } },
};
const billing = realScenarios().find((s) => s.id === 'billingOffice');
const turnOf = (index: number) => {
  const turn = billing?.turns[index];
  if (!turn) throw new Error(`no billing-office turn ${index + 1}`);
  return turn;
};

async function atTurn(answers: string[]): Promise<Harness> {
  const h = createHarness();
  await h.seedCase(EOB_CASE);
  await h.join();
  await h.say('4');
  await h.say('Hospital billing office');
  await sayAll(h, answers);
  return h;
}
const joined = (replies: Partial<Activity>[]) => texts(replies).join('\n');
const FIRST = "hi, i'm calling about my bill from the er visit on march 3rd, account 4471-22";

describe('step 4 judges answers fairly (issue 19, item 7)', () => {
  it('"sure, I\'ll put the whole 2400 on the card" gets a warning about the card, not "named a specific amount"', async () => {
    const h = await atTurn([FIRST]);
    const reply = joined(await h.say("sure, I'll put the whole 2400 on the card"));
    expect(reply).toContain(h.content.text('rehearsal.coach.warn', { warning: h.content.text('rehearsal.warnings.agreesToCard') }));
    expect(reply).not.toContain(h.content.text('rehearsal.praise.makesOffer'));
    expect(reply).not.toContain('✓');
    expect(reply).toContain(h.content.text('rehearsal.repTakes.agreesToCard'));
  });

  it('agreeing to more than she can pay is warned about with her own figure: $300 a month against her $100, $1,000 against her $500', async () => {
    const h = await atTurn([FIRST, "i can't pay it all", 'can you send me an itemized bill', 'no card, thanks']);
    const monthly = joined(await h.say('i could probably do 300 a month'));
    expect(monthly).toContain(h.content.text('rehearsal.warnings.agreesUnaffordableMonthly', { monthly: '$100' }));
    const lump = joined(await h.say('ok fine, i can put 1000 down'));
    expect(lump).toContain(h.content.text('rehearsal.warnings.agreesUnaffordable', { opening: '$350' }));
  });

  it('the report card lists what to watch out for after a harmful answer', async () => {
    // The card is taken, "ok" lets the application stand (the call moves to its wrap-up), and "ok" ends it.
    const h = await atTurn([FIRST, "sure, I'll put the whole 2400 on the card", 'ok']);
    const end = await h.say('ok');
    const card = JSON.stringify(end.flatMap((a) => a.attachments ?? []).map((a) => a.content));
    expect(card).toContain(JSON.stringify(h.content.text('rehearsal.report.risky')).slice(1, -1));
    expect(card).toContain(JSON.stringify(h.content.text('rehearsal.warnings.agreesToCard')).slice(1, -1));
    expect(card).not.toContain(JSON.stringify(h.content.text('rehearsal.praise.makesOffer')).slice(1, -1));
  });

  it('"yeah hi i got this bill" is not credited as naming the bill, and the representative asks which one', async () => {
    const h = await atTurn([]);
    const reply = joined(await h.say('yeah hi i got this bill'));
    expect(reply).not.toContain(h.content.text('rehearsal.praise.statesAccount'));
    expect(reply).toContain(h.content.text('rehearsal.tips.statesAccount'));
    expect(reply).toContain(turnOf(0).weak);
  });

  it('an answer that names a number never gets "name a number"; a lone first offer meets a push-back, and asking again wins', async () => {
    const h = await atTurn([FIRST, "i can't pay it all", 'can you send me an itemized bill', 'no card, thanks']);
    const first = joined(await h.say('500 total, thats all i have'));
    expect(first).toContain(h.content.text('rehearsal.praise.makesOffer'));
    expect(first).not.toContain(h.content.text('rehearsal.tips.makesOffer', { opening: '$350' }));
    expect(first).toContain(turnOf(4).pushBack ?? 'a push-back');
    expect(first).toContain(h.content.text('rehearsal.progress', { number: 5, total: 6 }));
    const again = joined(await h.say('500 is all i can do'));
    expect(again).not.toContain(h.content.text('rehearsal.tips.makesOffer', { opening: '$350' }));
    expect(again).toContain('We could accept $425');
    expect(again).toContain(h.content.text('rehearsal.progress', { number: 6, total: 6 }));
  });

  it('the representative answers her strongest point: the EOB says $850', async () => {
    const h = await atTurn([FIRST]);
    const reply = joined(await h.say("i lost my job, and my eob says i only owe $850, not 2400"));
    expect(reply).toContain('If your insurer says you owe $850');
    expect(reply).toContain(h.content.text('rehearsal.praise.mentionsHardship'));
  });

  it('a good run ends after "turn 6 of 6" with the report, and the card never shows an empty "1. —"', async () => {
    const h = await atTurn([
      FIRST,
      "I lost my job and can't pay the full amount. Do you have financial assistance?",
      'Could you send me an itemized bill with the codes?',
      "No, I won't put it on a credit card.",
      'I can pay $500 today if we settle the account, my EOB says I owe $850 anyway.',
    ]);
    const end = await h.say("What's your name and a reference number? And please send that in writing.");
    const all = joined(end);
    expect(all).toContain(billing?.closing ?? 'closing');
    expect(all).not.toMatch(/Turn \d+ of/);
    const card = JSON.stringify(end.flatMap((a) => a.attachments ?? []).map((a) => a.content));
    expect(card).not.toContain('1. —');
    expect(card).toContain(JSON.stringify(h.content.text('rehearsal.report.nothingToPractise')).slice(1, -1));
    expect(texts(await h.say('ok'))).toEqual([h.content.text('rehearsal.report.retry')]);
  });
});
