import { Activity } from 'botbuilder';
import { createHarness, Harness, texts, startsWith, sayAll } from '../helpers/botHarness';

/**
 * Issue 19 (items 1 and 5): every step works from one figure for what she owes. The bill is above it (the EOB's
 * figure, or the Good Faith Estimate): step 3 says both in one sentence, then the offer, the plan, the script,
 * the rehearsal and the letter use the owed figure, naming the bill where it matters. Steps 1–5 in order.
 */

/** An insured ER patient in Ohio: billed $2,400, while her EOB says she owes $850. */
const HER = {
  label: 'ER visit', provider: { name: 'Riverside Medical Center', kind: 'hospital', nonprofit: 'yes' }, serviceDate: '2026-09-01', firstBillDate: '2026-10-01',
  dueDate: '2026-12-15', balanceCents: 240000, insurance: 'employer', inCollections: 'no', state: 'OH', documents: { itemizedBill: 'have', eob: 'have' },
  eob: { status: 'processed', patientOwesCents: 85000, split: 'no', billedCents: 310000, allowedCents: 120000, planPaidCents: 35000, emergency: 'yes', outOfNetworkAtInNetwork: 'no' },
};

/** An uninsured man in Texas, in collections: a for-profit imaging clinic billed $2,100 against a $1,200 Good Faith Estimate. */
const HIM = {
  label: 'MRI', provider: { name: 'Lone Star Imaging', kind: 'imaging', nonprofit: 'no' }, serviceDate: '2026-08-10', firstBillDate: '2026-09-01',
  dueDate: '2026-12-15', balanceCents: 210000, insurance: 'uninsured', inCollections: 'yes', collectionsDate: '2026-11-02', state: 'TX',
  documents: { itemizedBill: 'have', goodFaithEstimate: 'have' }, goodFaithEstimateCents: 120000,
};

const cards = (replies: Partial<Activity>[]) =>
  replies.flatMap((a) => a.attachments ?? []).filter((x) => x.contentType === 'application/vnd.microsoft.card.adaptive').map((x) => JSON.stringify(x.content));
const fileText = (replies: Partial<Activity>[]) => {
  const file = replies.flatMap((a) => a.attachments ?? []).find((x) => x.contentType === 'text/plain');
  return file ? Buffer.from(String(file.contentUrl).split(',')[1] ?? '', 'base64').toString('utf8') : '';
};
/** How a text sits inside a card's JSON (its quotes escaped). */
const inJson = (text: string) => JSON.stringify(text).slice(1, -1);

async function started(fields: Record<string, unknown>): Promise<Harness> {
  const h = createHarness();
  await h.seedCase(fields);
  await h.join();
  return h;
}

/** A case started from seeded facts; `step` answers in turn and keeps every reply in `seen`. */
async function journey(fields: Record<string, unknown>): Promise<{ h: Harness; seen: Partial<Activity>[][]; step: (answers: string[]) => Promise<Partial<Activity>[]> }> {
  const h = await started(fields);
  const seen: Partial<Activity>[][] = [];
  const step = async (answers: string[]) => {
    const replies = await sayAll(h, answers);
    seen.push(replies);
    return replies;
  };
  return { h, seen, step };
}

/** Everything the bot sent, for "no placeholder reaches the user". */
const everything = (replies: Partial<Activity>[][]) => replies.flat().map((a) => `${a.text ?? ''} ${JSON.stringify(a.attachments?.map((x) => x.content) ?? [])}`).join('\n');

describe('one figure for what she owes, in every step', () => {
  it('insured, billed $2,400 with an EOB of $850: the offer, the plan, the script, the rehearsal and the letter all work from $850', async () => {
    const { h, step, seen } = await journey(HER);

    // Step 1: the bill check names the gap.
    const check = cards(await step(['1', 'Skip', 'Skip']))[0] ?? '';
    expect(check).toContain(h.content.text('findings.balanceAboveEob.title'));
    expect(check).toContain('$1,550');

    // Step 2: household of 3 on $40,000 in Ohio; the script opens with both figures and asks for the correction first.
    await step(['2', '3', '$40,000', 'Per year', 'yes', 'skip', 'skip']);
    const script = cards(await step(['Use this'])).join('\n');
    expect(script).toContain(inJson(h.content.text('script.script.openingEob', { serviceDate: 'September 1, 2026', bill: '$2,400', owed: '$850' })));
    expect(script).not.toContain(inJson(h.content.text('script.script.opening', { serviceDate: 'September 1, 2026', balance: '$2,400' })));

    // Step 3: more cash than she owes is re-asked at $850; then one sentence up front, and a lump sum and a plan from $850.
    expect(texts(await step(['3', '$1,000'])).join('\n')).toContain(h.content.text('offer.problems.cashAboveBalance', { balance: '$850' }));
    const offer = await step(['$400', '$50']);
    expect(texts(offer)[0]).toEqual(startsWith(h.content.text('offer.owed.eob', { bill: '$2,400', owed: '$850', correction: '$1,550' })));
    const [lumpSum, plan] = cards(offer);
    const saved = await h.activeCase();
    expect(saved?.offer.lumpSum?.referenceCents).toBe(85000);
    const { openingCents = 0 } = saved?.offer.lumpSum ?? {};
    const opening = `$${openingCents / 100}`;
    expect(lumpSum).toContain(inJson(h.content.text('offer.lumpSum.sayOpenEob', { balance: '$850', bill: '$2,400', opening })));
    expect(saved?.offer.plan).toMatchObject({ months: 17, monthlyCents: 5000, totalCents: 85000 });
    expect(plan).toContain(h.content.text('offer.plan.roundingEven', { months: 17, monthly: '$50', total: '$850' }));
    expect(plan).toContain(inJson(h.content.text('offer.plan.sayAskEob', { balance: '$850', bill: '$2,400', monthly: '$50' })));
    expect(plan).not.toContain(h.content.text('offer.plan.roundingEven', { months: 48, monthly: '$50', total: '$2,400' }));

    // Step 4: the representative answers her strongest point with the same $850.
    await step(['4', 'Hospital billing office']);
    const rep = texts(await step(['My EOB says I owe $850, not $2,400.'])).join('\n');
    expect(rep).toContain('$850');
    await step(['menu']);

    // Step 5: the letter names both figures and asks for the correction in writing.
    const letter = fileText(await step(['5', 'Log a call', 'today', 'Dana', 'billing', 'REF-123', 'We agreed on something', `They will accept ${opening} paid by December 10.`, 'Yes, December 4, 2026']));
    expect(letter).toContain(h.content.text('followUp.letter.owedLine.eob', { bill: '$2,400', owed: '$850' }).trim());

    // "my case" shows what she owes beside the bill.
    const summary = cards(await step(['my case'])).join('\n');
    expect(summary).toContain(inJson(h.content.text('card.owed.eob', { owed: '$850' })));

    expect(everything(seen)).not.toMatch(/\[balance\]|\{\{/);
  });

  it('uninsured, billed $2,100 against a $1,200 Good Faith Estimate, in collections: the plan spreads $1,200, not $2,100', async () => {
    const { h, step, seen } = await journey(HIM);

    // Step 1: the bill is $900 above the estimate.
    const check = cards(await step(['1', 'Skip', 'Skip']))[0] ?? '';
    expect(check).toContain(h.content.text('findings.goodFaithEstimateExceeded.title'));
    expect(check).toContain('$900');

    // Step 2: the script opens with the bill and the estimate.
    await step(['2', '1', '$30,000', 'Per year', 'yes', 'skip', 'skip']);
    const script = cards(await step(['Use this'])).join('\n');
    expect(script).toContain(inJson(h.content.text('script.script.openingEstimate', { serviceDate: 'August 10, 2026', bill: '$2,100', owed: '$1,200' })));

    // Step 3: no cash, $100 a month: 12 payments of $100 on $1,200 (not 21 on $2,100), and the words say both.
    const offer = await step(['3', '0', '$100']);
    expect(texts(offer)[0]).toEqual(startsWith(h.content.text('offer.owed.goodFaithEstimate', { bill: '$2,100', owed: '$1,200', correction: '$900' })));
    const [plan] = cards(offer);
    expect((await h.activeCase())?.offer.plan).toMatchObject({ months: 12, monthlyCents: 10000, totalCents: 120000 });
    expect(plan).toContain(h.content.text('offer.plan.roundingEven', { months: 12, monthly: '$100', total: '$1,200' }));
    expect(plan).toContain(inJson(h.content.text('offer.plan.sayAskEstimate', { balance: '$1,200', bill: '$2,100', monthly: '$100' })));
    expect(plan).not.toContain('$2,100 at once');

    // Step 4: the rehearsal sets up with his plan on $1,200.
    const setup = texts(await step(['4', 'Collection agency']))[0] ?? '';
    expect(setup).toContain(h.content.text('rehearsal.yourPlan', { monthly: '$100', months: 12, total: '$1,200' }));
    await step(['menu']);

    // Step 5: the letter names the estimate beside the bill.
    const letter = fileText(await step(['5', 'Log a call', 'today', 'Mr. Reyes', 'collection agency', 'none', 'We agreed on something', 'A plan of $100 a month.', 'Yes, December 4, 2026']));
    expect(letter).toContain(h.content.text('followUp.letter.owedLine.goodFaithEstimate', { bill: '$2,100', owed: '$1,200' }).trim());
    expect(cards(await step(['my case'])).join('\n')).toContain(inJson(h.content.text('card.owed.goodFaithEstimate', { owed: '$1,200' })));

    expect(everything(seen)).not.toMatch(/\[balance\]|\{\{/);
  });
});

describe('steps taken out of order', () => {
  it('step 2 before step 1: no "[balance]" in the script, and no "may not have a formal program" beside "looks promising"', async () => {
    const h = await started({});
    await sayAll(h, ['2', '3', '$30,000', 'Per year', 'Ohio']);
    const result = await h.say('yes');
    const shown = cards(result)[0] ?? '';
    expect(shown).toContain(h.content.text('callPrep.result.likelyFree', { percent: 110, year: 2026, guideline: '$27,320', size: 3 }).slice(0, 40));
    expect(shown).not.toContain(h.content.text('callPrep.otherProvider').slice(0, 40));
    expect(shown).toContain(inJson(h.content.text('callPrep.providerUnknown')).slice(0, 40));
    const script = cards(await sayAll(h, ['skip', 'skip', 'Use this'])).join('\n');
    expect(script).toContain(h.content.text('script.script.openingNoBalance', { serviceDate: h.content.text('script.unknownDate') }).slice(0, 60));
    expect(script).not.toContain('[balance]');
    // No date was given: the script says which visit in words, never a bracket to fill in.
    expect(script).not.toMatch(/\[date/i);
  });

  it('step 4 before step 1: the rehearsal says it practises with a stand-in balance, and shows no bracket', async () => {
    const h = await started({});
    await h.say('4');
    const setup = texts(await h.say('Hospital billing office'))[0] ?? '';
    expect(setup).toContain(h.content.text('rehearsal.practiceBalance', { balance: h.content.text('rehearsal.standIns.balance') }));
    expect(setup).not.toMatch(/\[[a-z ]+\]/);
  });
});
