import { createHarness, Harness, texts, startsWith } from '../helpers/botHarness';

/** A case with everything asked before the fair-price step, and no insurance details to ask. */
const READY = {
  provider: { name: 'Mercy', kind: 'imaging' }, serviceDate: '2026-09-01', firstBillDate: '2026-10-01', balanceCents: 180000,
  dueDate: '2026-12-31', insurance: 'unsure', inCollections: 'no', state: 'OH', documents: { itemizedBill: 'missing' },
  skippedQuestions: [], followUps: [{ id: 'F1', kind: 'itemizedBill', due: '2026-12-04', status: 'open', createdAt: '2026-11-27T15:00:00.000Z' }],
};

async function atPriceOffer(fields: Record<string, unknown> = READY): Promise<Harness> {
  const h = createHarness();
  await h.seedCase(fields);
  await h.join();
  await h.say('1');
  return h;
}

describe('checking a charge against a fair local price', () => {
  it('for a service typed in: shows where to look, records the comparable price and works out the gap and a fair target', async () => {
    const h = await atPriceOffer({ ...READY, documents: { itemizedBill: 'requested' } });
    await h.say('Check a price');
    // A few words: our plain names to confirm; none of them is it, so her own price is asked for.
    expect(texts(await h.say('MRI of the knee'))).toEqual([h.content.text('prices.confirm.ask')]);
    expect(texts(await h.say(h.content.text('prices.confirm.none')))).toEqual([h.content.text('prices.charge.ask')]);
    const where = texts(await h.say('$1,800'));
    expect(where[0]).toEqual(startsWith(h.content.text('prices.where', { service: 'MRI of the knee', charge: '$1,800' })));
    expect(where[0]).toContain(h.content.sourced('prices.sources.fairHealth').text);
    await h.say('$450');
    const result = texts(await h.say('Hospital’s cash price'));
    // The result ends with the disclaimer; the next question follows in the same message.
    const [shown, next] = (result[0] ?? '').split(`${h.content.text('callPrep.disclaimer')}\n\n`);
    expect(`${shown}${h.content.text('callPrep.disclaimer')}`).toBe(h.content.text('prices.result.above', { over: '$1,350', percent: 300, target: '$450', charge: '$1,800' }));
    expect(next).toBe(h.content.text('prices.again.ask'));
    const saved = await h.activeCase();
    expect(saved?.fairPrices).toEqual([expect.objectContaining({ service: 'MRI of the knee', chargeCents: 180000, comparableCents: 45000, source: 'hospitalCashPrice' })]);
    const end = JSON.stringify((await h.say('Done')).flatMap((a) => a.attachments ?? []).map((a) => a.content));
    expect(end).toContain(h.content.text('findings.aboveComparablePrice.title'));
  });

  it('with no Medicare figure and no comparable price found: says so and does not guess', async () => {
    const h = await atPriceOffer({ ...READY, documents: { itemizedBill: 'requested' } });
    await h.say('Check a price');
    await h.say('G0463');
    // A hospital's clinic fee: Medicare pays it under another system, so there is no figure, and where to look.
    expect(texts(await h.say('$2,200')).join('\n')).toContain(h.content.text('prices.noFigure.facilityFee', { charge: '$2,200' }));
    const replies = texts(await h.say("I couldn't find one"));
    expect(replies.join('\n')).toContain(h.content.text('prices.noComparable'));
    const saved = await h.activeCase();
    expect(saved?.fairPrices[0]).toMatchObject({ service: 'G0463', chargeCents: 220000 });
    expect(saved?.fairPrices[0]?.comparableCents).toBeUndefined();
    expect(saved?.billCheck?.findings.map((f) => f.code)).not.toContain('aboveComparablePrice');
  });

  it('for a line of the bill: picks it from the list, so the charge is not asked again', async () => {
    const h = await atPriceOffer({
      ...READY, documents: { itemizedBill: 'have' },
      billLines: [{ id: 'L1', code: '73721', description: 'MRI knee', units: 1, chargeCents: 180000 }],
    });
    await h.say('Skip'); // no more lines
    await h.say('Check a price');
    // Its code is priced: Medicare's figure for a knee MRI in an Ohio imaging center ($190.75), no charge asked.
    const priced = texts(await h.say('1')).join('\n');
    expect(priced).toContain('$190.75');
    expect(priced).toContain('$1,800');
    expect(priced).not.toContain(h.content.text('prices.charge.ask'));
  });

  it('a comparable price that is not an amount gets a specific re-ask', async () => {
    const h = await atPriceOffer({ ...READY, documents: { itemizedBill: 'requested' } });
    await h.say('Check a price');
    await h.say('MRI');
    await h.say(h.content.text('prices.confirm.none'));
    await h.say('$1,800');
    expect(texts(await h.say('cheaper'))).toEqual([h.content.text('answers.money.unclear')]);
  });
});
