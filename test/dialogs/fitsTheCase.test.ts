import { Activity } from 'botbuilder';
import { suggestedSuit } from '../../dialogs/rehearsal/rehearsalVars';
import { caseSchema } from '../../src/domain/case';
import { createHarness, Harness, texts, startsWith, sayAll } from '../helpers/botHarness';

/**
 * Issue 19 (items 2 and 6): each step reads who billed her (kind and ownership), her insurance and whether the
 * bill is in collections, and what we write from her answers reads as she would write it, first person, once.
 */

/** An insured ER patient in Ohio at a nonprofit hospital: billed $2,400, her EOB says $850; household of 3, $40,000 a year. */
const HER = {
  label: 'ER visit', provider: { name: 'Mercy General Hospital', kind: 'hospital', nonprofit: 'yes' }, serviceDate: '2026-09-01', firstBillDate: '2026-10-01',
  balanceCents: 240000, insurance: 'employer', inCollections: 'no', state: 'OH', documents: { itemizedBill: 'have', eob: 'have' }, progress: { gather: 'done' },
  billCheck: { checkedAt: '2026-11-27T15:00:00.000Z', findings: [{ code: 'balanceAboveEob', severity: 'high', figures: { balanceCents: 240000, responsibilityCents: 85000, differenceCents: 155000 } }] },
};

/** An uninsured man in Texas, in collections: a for-profit imaging clinic billed $2,100 against a $1,200 Good Faith Estimate. */
const HIM = {
  label: 'MRI', provider: { name: 'Clearview Imaging', kind: 'imaging', nonprofit: 'no' }, serviceDate: '2026-08-10', firstBillDate: '2026-09-01',
  balanceCents: 210000, insurance: 'uninsured', inCollections: 'yes', state: 'TX', documents: { itemizedBill: 'have', goodFaithEstimate: 'have' },
  goodFaithEstimateCents: 120000, progress: { gather: 'done' },
  billCheck: { checkedAt: '2026-11-27T15:00:00.000Z', findings: [{ code: 'goodFaithEstimateExceeded', severity: 'high', figures: { balanceCents: 210000, estimateCents: 120000, differenceCents: 90000 } }] },
};

async function started(fields: Record<string, unknown>): Promise<Harness> {
  const h = createHarness();
  await h.seedCase(fields);
  await h.join();
  return h;
}

interface CardNode { text?: string; body?: CardNode[]; actions?: { type: string; card?: CardNode }[] }
const firstCard = (replies: Partial<Activity>[]) =>
  replies.flatMap((a) => a.attachments ?? []).find((x) => x.contentType === 'application/vnd.microsoft.card.adaptive')?.content as CardNode | undefined;
const cardJson = (replies: Partial<Activity>[]) => JSON.stringify(firstCard(replies) ?? null);
/** How a text sits inside a card's JSON (its quotes escaped). */
const inJson = (text: string) => JSON.stringify(text).slice(1, -1);
/** The positions of texts in the card, to check their order. */
const positions = (card: string, lines: string[]) => lines.map((line) => card.indexOf(inJson(line)));
const inOrder = (at: number[]) => at.every((pos, i) => pos >= 0 && (i === 0 || pos > (at[i - 1] ?? 0)));

describe('the path fits who billed her', () => {
  it('a nonprofit hospital, insured: assistance first, the EOB at hand, the doctors asked about, and the script in her voice', async () => {
    const h = await started(HER);
    await sayAll(h, ['2', '3', '$40,000', 'Per year']);
    const result = firstCard(await h.say('yes'));
    expect(result?.body?.[0]?.text).toBe(h.content.text('callPrep.result.likelyFree', { percent: 146, year: 2026, guideline: '$27,320', size: 3 }));

    await h.say('1');
    const shown = texts(await h.say('i lost my job in august'))[0] ?? '';
    const statement = [
      h.content.text('hardship.statement.opening', { provider: 'Mercy General Hospital' }), 'I lost my job in August.', h.content.text('hardship.statement.closing'),
    ].join(' ');
    // Said once, in her words, as she would write them.
    expect(shown).toContain(statement);
    expect(shown).not.toContain(h.content.text('hardship.statement.sentences.jobLoss'));

    const card = cardJson(await h.say('Use this'));
    const provider = { provider: 'Mercy General Hospital' };
    expect(inOrder(positions(card, [h.content.text('script.who.financialAssistance', provider), h.content.text('script.who.billingOffice', provider)]))).toBe(true);
    expect(card).not.toContain(inJson(h.content.text('script.who.collectionAgency.nonprofitHospital')));
    expect(inOrder(positions(card, ['script.asks.assistance', 'script.asks.doctors', 'script.asks.promptPay'].map((k) => h.content.text(k))))).toBe(true);
    expect(card).not.toContain(inJson(h.content.text('script.asks.hardshipDiscount')));
    expect(card).toContain(inJson(h.content.text('script.haveAtHand.items.itemizedAndEob')));
    expect(card).not.toContain(inJson(h.content.text('script.haveAtHand.items.itemizedAndEstimate')));
    // The script speaks for her: "my bill is higher than my insurer says I owe".
    expect(card).toContain(inJson(h.content.text('script.script.errors', { errorsSpoken: h.content.text('script.errorTopics.balanceAboveEob') })));
    expect(card).not.toContain(inJson(h.content.text('script.script.errors', { errorsSpoken: 'your bill is higher than your insurer says you owe' })));
    expect(card).toContain(inJson(statement));

    // Step 3: a program is likely at a nonprofit hospital, so applying comes first.
    await h.say('3');
    await h.say('$300');
    const offer = texts(await h.say('$50')).join('\n\n');
    expect(offer).toContain(h.content.text('offer.recommend.assistanceFirst'));
    expect(offer).not.toContain(h.content.text('offer.recommend.hardshipDiscountFirst'));
  });

  it('"fix the errors first" lists the errors once each, never what is only good to know (emergency care\'s protection)', async () => {
    const findings = [
      { code: 'balanceAboveEob', severity: 'high', figures: { balanceCents: 240_000, responsibilityCents: 85_000, differenceCents: 155_000 } },
      { code: 'aboveMedicare', severity: 'medium', figures: { chargeCents: 120_000, medicareCents: 11_703, overMedicarePercent: 925, lowCents: 17_555, highCents: 23_406, askCents: 23_406, askPercent: 200 }, lineIds: ['L1'] },
      { code: 'aboveMedicare', severity: 'medium', figures: { chargeCents: 90_000, medicareCents: 11_703, overMedicarePercent: 669, lowCents: 17_555, highCents: 23_406, askCents: 23_406, askPercent: 200 }, lineIds: ['L2'] },
      { code: 'noSurprisesEmergency', severity: 'info', figures: {} },
    ];
    const h = await started({ ...HER, billCheck: { checkedAt: '2026-11-27T15:00:00.000Z', findings, leverage: {} } });
    const seen: Partial<Activity>[][] = [];
    await sayAll(h, ['2', '3', '$40,000', 'Per year', 'yes', 'skip', 'skip', 'Use this'], seen);
    const card = JSON.stringify(seen.flat().flatMap((a) => a.attachments ?? []));
    const errors = [h.content.text('findings.balanceAboveEob.title'), h.content.text('findings.aboveMedicare.title')].map((t) => t.charAt(0).toLowerCase() + t.slice(1)).join('; ');
    expect(card).toContain(inJson(h.content.text('script.asks.errors', { errors })));
    expect(card).not.toContain(inJson(h.content.text('findings.noSurprisesEmergency.title').toLowerCase()));
    expect(card).toContain(inJson(h.content.text('script.script.errors', { errorsSpoken: [h.content.text('script.errorTopics.balanceAboveEob'), h.content.text('script.errorTopics.aboveMedicare')].join('; ') })));
  });

  it('a for-profit imaging clinic, uninsured, in collections: billing office first, a hardship discount, the estimate at hand, the collector asked to validate', async () => {
    const h = await started(HIM);
    await sayAll(h, ['2', '1', '$18,000', 'Per year']);
    const result = firstCard(await h.say('yes'));
    // Step 2's result points to a hardship discount, not to a program a clinic rarely has.
    expect(result?.body?.[0]?.text).toBe(h.content.text('callPrep.resultOther.likelyFree', { percent: 112, year: 2026, guideline: '$15,960', size: 1 }));
    expect(JSON.stringify(result)).not.toContain(inJson(h.content.text('callPrep.result.likelyFree', { percent: 112, year: 2026, guideline: '$15,960', size: 1 }).slice(0, 30)));

    await sayAll(h, ['skip', 'skip']);
    const card = cardJson(await h.say('Use this'));
    const provider = { provider: 'Clearview Imaging' };
    // Who to call: the clinic's billing office, then the collector; no financial assistance office.
    expect(inOrder(positions(card, [h.content.text('script.who.billingOffice', provider), h.content.text('script.who.collectionAgency.other', provider)]))).toBe(true);
    expect(card).not.toContain(inJson(h.content.text('script.who.financialAssistance', provider)));
    // Only a nonprofit hospital "stays responsible for its collectors".
    expect(card).not.toContain(inJson(h.content.text('script.who.collectionAgency.nonprofitHospital')));
    // The asks: the estimate gap first, then a hardship discount, no assistance application, no doctors' question.
    expect(inOrder(positions(card, [h.content.text('script.asks.hardshipDiscount'), h.content.text('script.asks.promptPay'), h.content.text('script.asks.offerOrPlan')]))).toBe(true);
    expect(card).not.toContain(inJson(h.content.text('script.asks.assistance')));
    expect(card).not.toContain(inJson(h.content.text('script.asks.doctors')));
    // His script asks for the hardship discount, and not for an application.
    expect(card).toContain(inJson(h.content.text('script.script.hardshipDiscount')));
    expect(card).not.toContain(inJson(h.content.text('script.script.assistance')));
    expect(card).toContain(inJson(h.content.text('script.script.errors', { errorsSpoken: h.content.text('script.errorTopics.goodFaithEstimateExceeded') })));
    // At hand: his Good Faith Estimate and the collector's letter, no EOB.
    expect(card).toContain(inJson(h.content.text('script.haveAtHand.items.itemizedAndEstimate')));
    expect(card).toContain(inJson(h.content.text('script.haveAtHand.items.collectionLetter')));
    expect(card).not.toContain('EOB');
    expect((await h.activeCase())?.callPlan?.contacts).toEqual(['billingOffice', 'collectionAgency']);

    // Step 3: no "apply for financial assistance first" at a clinic: ask for a hardship discount first.
    await h.say('3');
    await h.say('$1,000');
    const reply = await h.say('$50');
    const offer = texts(reply).join('\n\n');
    expect(offer).toContain(h.content.text('offer.recommend.hardshipDiscountFirst'));
    expect(offer).not.toContain(h.content.text('offer.recommend.assistanceFirst'));
    // The lump-sum fallback line offers a hardship discount, not an assistance review he has no program for.
    const sheet = JSON.stringify(reply.flatMap((a) => a.attachments ?? []));
    const [before, after] = h.content.text('offer.lumpSum.sayCeilingHardship', { ceiling: '\u0000' }).split('\u0000');
    expect(sheet).toContain(inJson(after ?? '').slice(0, 30));
    expect(sheet).toContain(inJson(before ?? '').slice(-20));
    expect(sheet).not.toContain(inJson(h.content.text('offer.lumpSum.sayCeiling', { ceiling: '\u0000' }).split('\u0000')[1] ?? '').slice(0, 30));
  });
});

describe('what we write from her answers reads as she would write it', () => {
  it('the call log and the letter: "reference RX-4471", and "you agreed to review my bill" for a review', async () => {
    const h = await started({ ...HER, progress: { gather: 'done', callPrep: 'done', offer: 'done' } });
    await h.say('5');
    await h.say('Log a call');
    const logged = texts(await sayAll(h, ['today', 'Dana', 'billing', 'ref # RX-4471', "They'll review the bill", 'they agreed to review the charges']));
    expect(logged[0]).toEqual(startsWith(h.content.text('followUp.saved', { date: 'November 27, 2026', who: ' with Dana', reference: h.content.text('followUp.savedReference', { reference: 'RX-4471' }) })));
    await h.say('Yes, December 4, 2026');
    const replies = await h.say('Confirmation letter');
    const letter = replies.map((a) => a.text ?? '').join('\n');
    expect(letter).toContain('(reference RX-4471)');
    expect(letter).toContain(h.content.text('followUp.letter.kinds.review.confirm'));
    expect(letter).toContain('You agreed to review the charges.');
    expect(letter).toContain(h.content.text('followUp.letter.kinds.review.ask'));
    expect(letter).not.toContain('once it is met');
    expect(letter).not.toContain(h.content.text('followUp.letter.kinds.settlement.ask'));
  });
});

describe('the rehearsal suggested for the case', () => {
  const screened = { screen: { percent: 112, year: 2026, tier: 'likelyFree', guidelineCents: 1596000, screenedOn: '2026-11-27' } };
  const aCase = (fields: Record<string, unknown>) =>
    caseSchema.parse({ id: 'c1', label: 'Bill', createdAt: '2026-11-27T15:00:00.000Z', updatedAt: '2026-11-27T15:00:00.000Z', assistance: screened, ...fields });

  it('practises an assistance call where a program is likely, not at an imaging clinic', () => {
    expect(suggestedSuit(aCase({ provider: { kind: 'hospital', nonprofit: 'yes' } }))).toBe('assistance');
    expect(suggestedSuit(aCase({ provider: { kind: 'imaging', nonprofit: 'no' } }))).toBe('default');
    expect(suggestedSuit(aCase({ provider: { kind: 'imaging', nonprofit: 'no' }, inCollections: 'yes' }))).toBe('collections');
  });
});
