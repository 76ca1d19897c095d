import { Activity } from 'botbuilder';
import { coachNote } from '../../dialogs/rehearsal/coachNote';
import { rehearsalVars } from '../../dialogs/rehearsal/rehearsalVars';
import { rehearsalReport } from '../../src/cards/rehearsalReport';
import type { RehearsalScore } from '../../src/domain/rehearsal';
import { callLimits, hearAnswer } from '../../src/domain/rehearsalJudge';
import { createHarness, Harness, texts, sayAll } from '../helpers/botHarness';
import { realScenarios } from '../helpers/content';

/**
 * Issue 19 (item 2, the rehearsal): the representative follows what she just said. After she agrees to something
 * harmful it goes ahead with it (the card application, the payment) instead of asking for her offer, and she can
 * still take it back; a concession never names more than she offered; "without a number" never follows a number,
 * and it names what she owes (the EOB's $850), not the bill's $2,400.
 */

/** Her case: the bill says $2,400, her EOB says $850; she has $500 now and $100 a month; her target is $425. */
const HER = {
  provider: { name: 'Mercy General', kind: 'hospital', nonprofit: 'no' }, balanceCents: 240_000, insurance: 'employer', state: 'OH',
  eob: { status: 'processed', billedCents: 240_000, patientOwesCents: 85_000 },
  offer: { cashAvailableCents: 50_000, monthlyBudgetCents: 10_000, lumpSum: { referenceCents: 85_000, openingCents: 35_000, targetCents: 42_500, ceilingCents: 50_000 } },
};

/** James: uninsured, a for-profit imaging clinic billed $2,100 against a $1,200 Good Faith Estimate, in collections; no cash, $100 a month. */
const JAMES = {
  provider: { name: 'Lone Star Imaging', kind: 'imaging', nonprofit: 'no' }, balanceCents: 210_000, insurance: 'uninsured', inCollections: 'yes', state: 'TX',
  documents: { itemizedBill: 'have', goodFaithEstimate: 'have' }, goodFaithEstimateCents: 120_000,
  offer: { cashAvailableCents: 0, monthlyBudgetCents: 10_000 },
};

const scenario = (id: string) => {
  const found = realScenarios().find((s) => s.id === id);
  if (!found) throw new Error(`no scenario ${id}`);
  return found;
};
const billing = scenario('billingOffice');
const collector = scenario('collectionAgency');
const line = (s: typeof billing, index: number, key: 'rep' | 'good' | 'weak' = 'rep') => s.turns[index]?.[key] ?? `turn ${index + 1}`;

async function atCall(fields: Record<string, unknown>, pick: string, answers: string[]): Promise<Harness> {
  const h = createHarness();
  await h.seedCase(fields);
  await h.join();
  await h.say('4');
  await h.say(pick);
  await sayAll(h, answers);
  return h;
}
const fill = (text: string | undefined, vars: Record<string, string>) => (text ?? 'a line').replace(/\{\{(\w+)\}\}/g, (_, k: string) => vars[k] ?? '');
const joined = (replies: Partial<Activity>[]) => texts(replies).join('\n');
const FIRST = "hi, i'm calling about my bill from the er visit on march 3rd, account 4471-22";
const TO_THE_CARD = [FIRST, "i can't pay it all", 'can you send me an itemized bill'];

describe('after she agrees to something harmful, the representative goes ahead with it', () => {
  it('a card at "put it on a credit card": the application is started, not "what amount could you pay?"', async () => {
    const h = await atCall(HER, 'Hospital billing office', TO_THE_CARD);
    const reply = joined(await h.say('ok sure, put it on the card'));
    expect(reply).toContain(h.content.text('rehearsal.warnings.agreesToCard'));
    expect(reply).toContain(h.content.text('rehearsal.repTakes.agreesToCard'));
    expect(reply).toContain(h.content.text('rehearsal.repProceeds.agreesToCard'));
    expect(reply).not.toContain(line(billing, 4));

    // She lets it stand: the coach flags it, the deal is done and the call moves to its wrap-up, never back to the offer.
    const after = joined(await h.say('ok my birthday is may 5 1980'));
    expect(after).toContain(h.content.text('rehearsal.coach.stillAgreed'));
    expect(after).toContain(h.content.text('rehearsal.repCompletes.agreesToCard'));
    expect(after).toContain(line(billing, 5));
    expect(after).not.toContain(line(billing, 4));
    expect(after).toContain(h.content.text('rehearsal.progress', { number: 6, total: 6 }));
  });

  it('she can still take it back: the representative holds off and the call goes on', async () => {
    const h = await atCall(HER, 'Hospital billing office', [...TO_THE_CARD, 'ok sure, put it on the card']);
    const reply = joined(await h.say("actually no, i don't want a card. can you send me the options in writing?"));
    expect(reply).not.toContain(h.content.text('rehearsal.coach.stillAgreed'));
    expect(reply).toContain(h.content.text('rehearsal.repBacksOff'));
    expect(reply).toContain(line(billing, 4));
  });

  it('$400 a month she can\'t pay, at the collector: it asks where the payments come from, not "what\'s your offer?"', async () => {
    const h = await atCall(HER, 'Collection agency', [FIRST, 'can you send me an itemized bill', 'please send me that in writing']);
    const reply = joined(await h.say('ok 400 a month is fine'));
    expect(reply).toContain(h.content.text('rehearsal.warnings.agreesUnaffordableMonthly', { monthly: '$100' }));
    expect(reply).toContain(h.content.text('rehearsal.repProceeds.agreesUnaffordable'));
    expect(reply).not.toContain(line(collector, 4));
  });

  it('paying before it is in writing: the collector asks for the card, and the call ends after its last turn', async () => {
    const h = await atCall(HER, 'Collection agency', [FIRST, 'can you send me an itemized bill', 'please send me that in writing', "no, i can't do 400 a month"]);
    const reply = joined(await h.say('ok let me pay 200 right now'));
    expect(reply).toContain(h.content.text('rehearsal.repProceeds.paysBeforeWriting'));
    expect(reply).not.toContain(line(collector, 5));
    const after = joined(await h.say('its a visa'));
    expect(after).toContain(h.content.text('rehearsal.repCompletes.paysBeforeWriting'));
    expect(after).toContain(line(collector, 5));
    const end = joined(await h.say('ok bye'));
    expect(end).toContain(collector.closing);
    expect(end).not.toMatch(/Turn \d+ of/);
  });
});

describe('the representative works from her numbers', () => {
  const TO_THE_OFFER = [...TO_THE_CARD, 'no card, thanks'];

  it('a concession names her own offer when it is below her target: $300, never her $425 target', async () => {
    const h = await atCall(HER, 'Hospital billing office', TO_THE_OFFER);
    expect(joined(await h.say('300 total, thats all i have'))).toContain(billing.turns[4]?.pushBack ?? 'a push-back');
    const won = joined(await h.say('300 is all i can do'));
    expect(won).toContain('We could accept $300');
    expect(won).not.toContain('$425');
  });

  it('a weak answer after she named a number earlier holds her to it, with no "without a number"', async () => {
    const h = await atCall(HER, 'Hospital billing office', [...TO_THE_CARD, 'no card. i could pay $300 today']);
    const reply = joined(await h.say('hmm i dont know'));
    expect(reply).toContain(h.content.text('rehearsal.repNotesOffer', { offered: '$300' }));
    expect(reply).not.toContain('Without a number');
  });

  it('"without a number" names what she owes by her EOB, $850, not the bill\'s $2,400', async () => {
    const h = await atCall(HER, 'Hospital billing office', TO_THE_OFFER);
    const reply = joined(await h.say('hmm i dont know'));
    expect(reply).toContain('Without a number I can only offer a payment plan on the full $850');
    expect(reply).not.toContain('full $2,400');
  });

  it('James, uninsured: the coach points him to his $1,200 Good Faith Estimate, and the collector answers it', async () => {
    const h = await atCall(JAMES, 'Collection agency', [FIRST]);
    const limits = callLimits(await h.activeCase());
    expect(limits).toMatchObject({ balanceCents: 210_000, owedCents: 120_000, owedBasis: 'goodFaithEstimate' });
    const vars = { owed: '$1,200' };
    const tip = coachNote(h.content, { goal: { wants: ['citesEob'] }, heard: hearAnswer('ok', limits), verdict: 'weak', earlier: [], limits, vars });
    expect(tip).toContain(h.content.text('rehearsal.tips.citesEstimate', vars));
    expect(tip).not.toContain('EOB');
    const cited = joined(await h.say('my good faith estimate was $1,200, not $2,100'));
    expect(cited).toContain(h.content.text('rehearsal.praise.citesEstimate'));
    expect(cited).toContain(h.content.text('rehearsal.answerEstimate', vars));
    expect(cited).not.toContain('insurer');
  });
});

describe('the representative takes up what she already said', () => {
  it('a number named at "put it on a card" is taken up, and the next question asks about it: never "what did you have in mind?"', async () => {
    const h = await atCall(HER, 'Hospital billing office', TO_THE_CARD);
    const reply = joined(await h.say('no card. i could pay $300 today'));
    expect(reply).toContain(fill(billing.turns[3]?.goodAfterOffer, { offered: '$300' }));
    expect(reply).not.toContain(billing.turns[3]?.good ?? 'good line');
    expect(reply).toContain(fill(billing.turns[4]?.repAfterOffer, { offered: '$300' }));
    expect(reply).not.toContain(line(billing, 4));
    // A vague answer then: the tip is to stay with her number, not "name a number".
    const vague = joined(await h.say('hmm i dont know'));
    expect(vague).toContain(h.content.text('rehearsal.tips.holdsOffer', { offered: '$300' }));
    expect(vague).not.toContain(h.content.text('rehearsal.tips.makesOffer', { opening: '$350' }));
  });

  it('at a for-profit clinic the billing office has no assistance program to offer: it offers to ask about a hardship discount', async () => {
    const h = await atCall(JAMES, 'Hospital billing office', [FIRST]);
    const reply = joined(await h.say("i lost my job in august and i can't pay this"));
    expect(reply).toContain(billing.answers?.hardshipNoProgram ?? 'no-program line');
    expect(reply).not.toMatch(/we have a financial assistance program/i);
    const asked = joined(await h.say('do you have financial assistance?'));
    expect(asked).not.toMatch(/we have a financial assistance program/i);
  });

  it('the collector names the clinic, not "the hospital", and its last line names what she owes, not the bill', async () => {
    const james = await atCall(JAMES, 'Collection agency', [FIRST]);
    const second = joined(await james.say('can you send me an itemized bill'));
    expect(second).toContain('Lone Star Imaging');
    expect(second).not.toMatch(/hospital/i);

    const her = await atCall(HER, 'Collection agency', [FIRST, 'can you send me an itemized bill', 'please send me that in writing', "no, i can't do 400 a month", 'i can pay 300 once it is in writing', '300 is all i can do']);
    const end = joined(await her.say('ok bye'));
    expect(end).toContain('The full $850 stays on the account');
    expect(end).not.toContain('$2,400 stays');
  });
});

describe('the rehearsal argues from her own figures', () => {
  /** Her ER visit, priced against Medicare in Ohio in step 1: $1,450 billed under 99284, Medicare $117.03, ask $234.06. */
  const PRICED = {
    ...HER, eob: undefined, insurance: 'uninsured', balanceCents: 145_000,
    billLines: [{ id: 'l1', code: '99284', description: 'ER visit', units: 1, chargeCents: 145_000 }],
    medicare: { state: 'OH', locality: '00', year: 2026, lines: [{ lineId: 'l1', code: '99284', units: 1, chargeCents: 145_000, setting: 'facility', medicareCents: 11_703, lowCents: 17_555, highCents: 23_406, askCents: 23_406, askPercent: 200, overMedicarePercent: 1139 }] },
  };

  it('"mention a comparable price" says what Medicare pays for her visit here, in the words of her bill check', async () => {
    const h = await atCall(PRICED, 'Hospital billing office', [FIRST, "i can't pay the full amount"]);
    const tip = joined(await h.say('can you send me an itemized bill'));
    expect(tip).toContain('Medicare pays about $117.03');
    expect(tip).toContain('$234.06');
    expect(tip).not.toContain(h.content.text('rehearsal.tips.usesComparable'));
  });

  it('James\'s report card points him to his Good Faith Estimate, never to an EOB', async () => {
    const h = await atCall(JAMES, 'Collection agency', []);
    const vars = rehearsalVars(h.content, await h.activeCase(), collector, (t) => t);
    const score: RehearsalScore = { made: [], missed: ['citesEob', 'makesOffer'], practise: ['citesEob'], calm: true, score: 40, harms: [] };
    const report = JSON.stringify(rehearsalReport(h.content, collector.title, score, vars));
    expect(report).toContain(JSON.stringify(h.content.text('rehearsal.tips.citesEstimate', { owed: '$1,200' })).slice(1, 40));
    expect(report).not.toContain('EOB');
  });
});
