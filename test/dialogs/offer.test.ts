import { Activity } from 'botbuilder';
import { createHarness, startsWith, Harness, texts } from '../helpers/botHarness';

const BASE = { provider: { name: 'Mercy General', kind: 'hospital', nonprofit: 'no' }, balanceCents: 240000, insurance: 'uninsured', state: 'OH' };

async function atStep3(fields: Record<string, unknown> = BASE): Promise<{ h: Harness; first: string[] }> {
  const h = createHarness();
  await h.seedCase(fields);
  await h.join();
  return { h, first: texts(await h.say('3')) };
}

const cards = (replies: Partial<Activity>[]) =>
  replies.flatMap((a) => a.attachments ?? []).filter((x) => x.contentType === 'application/vnd.microsoft.card.adaptive').map((x) => JSON.stringify(x.content));

describe('step 3, an upfront offer or a payment plan', () => {
  it('cash and a monthly budget: a lump sum first (within the cash), a plan as the fallback, both with the words', async () => {
    const { h, first } = await atStep3();
    expect(first[0]).toEqual(startsWith(h.content.text('offer.intro')));
    await h.say('$1,000');
    const end = await h.say('$100');
    expect(texts(end)[0]).toEqual(startsWith(h.content.text('offer.recommend.lumpSumThenPlan')));
    const [offer, plan] = cards(end);
    expect(offer).toContain(h.content.text('offer.lumpSum.sayOpen', { balance: '$2,400', opening: '$960' }).replace(/"/g, '\\"'));
    expect(offer).toContain(h.content.text('offer.lumpSum.reasons.cappedByCash', { cash: '$1,000' }));
    expect(plan).toContain(h.content.text('offer.plan.roundingEven', { months: 24, monthly: '$100', total: '$2,400' }));
    expect(plan).toContain('$2,899.50'); // 27% deferred interest on what is still owed each month of a 12-month promotion: $499.50
    const saved = await h.activeCase();
    expect(saved?.offer).toMatchObject({
      cashAvailableCents: 100000, monthlyBudgetCents: 10000, recommendation: 'lumpSumThenPlan',
      lumpSum: { openingCents: 96000, targetCents: 100000, ceilingCents: 100000 }, plan: { months: 24, monthlyCents: 10000, totalCents: 240000 },
    });
    expect(saved?.progress.offer).toBe('done');
    expect(JSON.stringify((await h.say('my case')).map((a) => a.attachments))).toContain(
      h.content.text('card.offer.lumpSum', { opening: '$960', target: '$1,000', ceiling: '$1,000' }),
    );
  });

  it('no cash, a monthly budget: an interest-free plan, with the rounding explained', async () => {
    const { h } = await atStep3({ ...BASE, balanceCents: 100000 });
    await h.say('0');
    const end = await h.say('$300');
    expect(texts(end)[0]).toEqual(startsWith(h.content.text('offer.recommend.plan')));
    const [plan] = cards(end);
    expect(plan).toContain(h.content.text('offer.plan.rounding', { monthly: '$300', last: '$100', total: '$1,000' }));
  });

  it('a plan above the budget is flagged', async () => {
    const { h } = await atStep3({ ...BASE, balanceCents: 1000000 });
    await h.say('0');
    const [plan] = cards(await h.say('$100'));
    expect(plan).toContain(h.content.text('offer.plan.overBudget', { budget: '$100', months: 36, monthly: '$277.78' }).split('**')[1] ?? '');
  });

  it('cash only: a lump sum', async () => {
    const { h } = await atStep3();
    await h.say('$1,500');
    const end = await h.say('not sure');
    expect(texts(end)[0]).toEqual(startsWith(h.content.text('offer.recommend.lumpSum')));
    expect(cards(end)).toHaveLength(1);
  });

  it('nothing to spare: says so calmly and asks for a hold and assistance', async () => {
    const { h } = await atStep3();
    await h.say('0');
    expect(texts(await h.say('not sure'))[0]).toEqual(startsWith(h.content.text('offer.recommend.neither')));
  });

  it('nothing to spare at a for-profit clinic: a hold and a hardship discount, never an assistance application it likely has no program for', async () => {
    const { h } = await atStep3({ ...BASE, provider: { name: 'Lone Star Imaging', kind: 'imaging', nonprofit: 'no' } });
    await h.say('0');
    const said = texts(await h.say('not sure'));
    expect(said[0]).toEqual(startsWith(h.content.text('offer.recommend.neitherNoProgram')));
    expect(said.join('\n')).not.toMatch(/financial assistance/i);
  });

  it('a plan at a clinic asks for one without saying what hospitals do', async () => {
    const { h } = await atStep3({ ...BASE, balanceCents: 100000, provider: { name: 'Lone Star Imaging', kind: 'imaging', nonprofit: 'no' } });
    await h.say('0');
    const said = texts(await h.say('$300'));
    expect(said[0]).toEqual(startsWith(h.content.text('offer.recommend.planNoProgram')));
    expect(said.join('\n')).not.toMatch(/hospital/i);
  });

  it('financial assistance likely: apply first, numbers as plan B, lower percentages', async () => {
    const { h } = await atStep3({ ...BASE, assistance: { householdSize: 3, annualIncomeCents: 3000000, screen: { percent: 109, year: 2026, tier: 'likelyFree', guidelineCents: 2732000, screenedOn: '2026-11-27' } } });
    await h.say('$1,500');
    const end = await h.say('not sure');
    expect(texts(end)[0]).toEqual(startsWith(h.content.text('offer.recommend.assistanceFirst')));
    expect(cards(end)[0]).toContain(h.content.text('offer.lumpSum.reasons.assistanceLikely'));
  });

  it('a bill above the EOB: the offer starts from what the EOB says she owes ($800), and more cash than that is re-asked', async () => {
    const { h } = await atStep3({
      ...BASE, insurance: 'employer', eob: { status: 'processed', billedCents: 500000, deductibleCents: 50000, coinsuranceCents: 30000 },
    });
    expect(texts(await h.say('$2,000'))[0]).toEqual(startsWith(h.content.text('offer.problems.cashAboveBalance', { balance: '$800' })));
    await h.say('$700');
    const [offer] = cards(await h.say('not sure'));
    expect(offer).toContain(h.content.text('offer.lumpSum.reasons.adjustedForEob', { overEob: '$1,600' }));
  });

  it('asks for the balance when step 1 did not get it, and offers to keep the numbers on a second visit', async () => {
    const { h, first } = await atStep3({ ...BASE, balanceCents: undefined });
    expect(first[0]).toContain(h.content.text('offer.balance.ask'));
    await h.say('$900');
    await h.say('$300');
    await h.say('$50');
    await h.say('menu');
    const again = texts(await h.say('3'));
    expect(again[0]).toBe([h.content.text('offer.introAgain', { caseLabel: 'Mercy General' }), h.content.text('offer.keep.ask', { cash: '$300', monthly: '$50' })].join('\n\n'));
    const changed = texts(await h.say('Change them'));
    expect(changed[0]).toContain(h.content.text('offer.cash.ask'));
  });
});

describe('bad answers in step 3 get one clear, specific re-ask, and nothing is lost', () => {
  it.each([
    ['cash above the balance', '$5,000', 'offer.problems.cashAboveBalance', { balance: '$2,400' }],
    ['a lone "$"', '$', 'answers.money.unclear', {}],
    ['"1e9"', '1e9', 'answers.money.too_large', {}],
    ['words', 'some money', 'answers.money.unclear', {}],
  ])('cash: %s', async (_label, bad, key, vars) => {
    const { h } = await atStep3();
    const replies = texts(await h.say(bad));
    expect(replies[0]).toEqual(startsWith(h.content.text(key, vars)));
    await h.say('$700');
    expect((await h.activeCase())?.offer.cashAvailableCents).toBe(70000);
  });

  it('a monthly budget of 0', async () => {
    const { h } = await atStep3();
    await h.say('$700');
    const replies = texts(await h.say('0'));
    expect(replies[0]).toEqual(startsWith(h.content.text('offer.problems.budgetZero')));
    expect(replies[0]).toContain(h.content.text('offer.monthly.ask'));
    await h.say('$60');
    expect((await h.activeCase())?.offer).toMatchObject({ cashAvailableCents: 70000, monthlyBudgetCents: 6000 });
  });
});
