import type { Activity } from 'botbuilder';
import { checkBill } from '../../src/domain/billCheck';
import { decideOffer } from '../../src/domain/offerDecision';
import { createHarness, Harness, texts } from '../helpers/botHarness';
import { realData } from '../helpers/content';

/** Everything step 1 asks before the bill lines, for a self-pay ER visit at an Ohio hospital with its itemized bill in hand. */
const ER_VISIT = {
  provider: { name: 'Mercy General', kind: 'hospital', nonprofit: 'no' }, serviceDate: '2026-09-01', firstBillDate: '2026-10-01', balanceCents: 145_000,
  // She said her hospital is not in CMS's list (issue 23's look-up is not what these tests are about).
  dueDate: '2026-12-31', insurance: 'unsure', inCollections: 'no', state: 'OH', documents: { itemizedBill: 'have' }, skippedQuestions: ['hospital'],
};

const cardJson = (replies: Partial<Activity>[]): string =>
  JSON.stringify(replies.flatMap((a) => a.attachments ?? []).filter((x) => x.contentType === 'application/vnd.microsoft.card.adaptive').map((x) => x.content));

/** Step 1 from the menu, up to the bill's lines: one line typed, then "no service missed"; returns the replies to that. */
async function typeOneLine(h: Harness, line: string): Promise<Partial<Activity>[]> {
  await h.join();
  await h.say('1');
  await h.say(h.content.text('lines.offer.add'));
  await h.say(line);
  await h.say(h.content.text('lines.entry.done'));
  return h.say(h.content.text('lines.notReceived.none'));
}

/** Step 1 of an Ohio case with no itemized bill yet, at the price check's first question (which service?). */
async function atPriceCheck(provider: { name: string; kind: string }): Promise<Harness> {
  const h = createHarness();
  await h.seedCase({ ...ER_VISIT, provider, documents: { itemizedBill: 'requested' } });
  await h.join();
  await h.say('1');
  await h.say(h.content.text('prices.offer.check'));
  return h;
}

describe('what Medicare pays, where a price is argued', () => {
  it('an ER visit billed $1,450 under 99284 in Ohio: the Medicare amount, the percent above it and a fair price, on the card and in the script', async () => {
    const h = createHarness();
    await h.seedCase(ER_VISIT);
    const priced = await typeOneLine(h, '9/1/2026, 99284, ER visit, 1, $1,450');
    // Ohio has one Medicare area: nothing is asked; the coach says it looked the codes up, then offers the price check.
    expect(texts(priced).join('\n')).toContain(h.content.text('prices.medicare.intro'));
    expect(texts(priced).join('\n')).not.toContain(h.content.text('prices.locality.ask', { state: 'Ohio' }));
    const saved = await h.activeCase();
    expect(saved?.medicare).toMatchObject({ state: 'OH', locality: '00', year: 2026, lines: [{ code: '99284', chargeCents: 145_000, medicareCents: 11_703, overMedicarePercent: 1139, askCents: 23_406, setting: 'facility' }] });

    const card = cardJson(await h.say(h.content.text('prices.offer.skip')));
    const fact = h.content.text('prices.medicare.above', { charge: '$1,450', medicare: '$117.03', percent: '1,139', ask: '$234.06' });
    expect(card).toContain(JSON.stringify(fact).slice(1, -1));
    expect(card).toContain(h.content.text('prices.medicare.title', { place: 'Ohio' }));
    expect(card).toContain(h.content.text('findings.aboveMedicare.title'));
    // The leverage: what the charge is above the fair price to ask ($1,450 - $234.06).
    expect(card).toContain(h.content.text('checkCard.leverage.overFairPrice'));
    expect(card).toContain('$1,215.94');
    // At a hospital, the figure is the doctor's part: said on the card.
    expect(card).toContain(h.content.text('prices.medicare.facilityNote'));
    // The lump-sum offer (step 3) starts from the bill less what it is above fair prices, since she pays it herself.
    const checked = await h.activeCase();
    const offer = checked && decideOffer(checked, checkBill(checked, '2026-11-27').leverage, realData().offerStrategy);
    expect(offer?.input.overComparableCents).toBe(121_594);

    // Step 2: the call script says it, in her numbers.
    await h.say('2');
    for (const answer of ['2', '$2,500', 'Per month', 'Yes', 'skip', 'skip']) await h.say(answer);
    const script = cardJson(await h.say('Use this'));
    const say = h.content.text('prices.medicare.say', {
      service: `99284 · ${h.content.text('serviceLabels.services.er4.label')}`, medicare: '$117.03', place: 'Ohio', charge: '$1,450', percent: '1,139', ask: '$234.06', times: h.content.text('prices.times.p200'),
    });
    expect(script).toContain(JSON.stringify(say).slice(1, -1));
  });

  it('in a state with several areas she is asked once, in plain words; "Not sure" uses the rest of the state and says so', async () => {
    const h = createHarness();
    await h.seedCase({ ...ER_VISIT, state: 'NY', provider: { name: 'Hudson Clinic', kind: 'doctor' } });
    const asked = await typeOneLine(h, '9/1/2026, 99213, office visit, 1, $400');
    const question = asked.find((a) => a.suggestedActions);
    expect(question?.text).toBe(h.content.text('prices.locality.ask', { state: 'New York' }));
    expect(question?.suggestedActions?.actions.map((a) => a.title)).toEqual([
      h.content.text('localities.NY.l03'), h.content.text('localities.NY.l02'), h.content.text('localities.NY.l01'), h.content.text('localities.NY.l04'),
      h.content.text('localities.NY.l99'), h.content.text('prices.locality.notSureButton'),
    ]);
    const notSure = await h.say(h.content.text('prices.locality.notSureButton'));
    expect(texts(notSure).join('\n')).toContain(h.content.text('prices.locality.notSure', { place: 'Rest of New York' }));
    expect((await h.activeCase())?.medicare).toMatchObject({ state: 'NY', locality: '99', notSure: true, lines: [{ code: '99213', medicareCents: 9_186 }] });
    const card = cardJson(await h.say(h.content.text('prices.offer.skip')));
    expect(card).toContain(h.content.text('prices.medicare.notSure', { place: 'Rest of New York' }));

    // Asked once: step 1 again prices the bill in the same area without asking.
    await h.say('1');
    const again = await h.say(h.content.text('lines.offer.skip'));
    expect(texts(again).join('\n')).not.toContain(h.content.text('prices.locality.ask', { state: 'New York' }));
  });

  it('a few words in the price check ("knee MRI") give our plain names to confirm; her own price still wins', async () => {
    const h = await atPriceCheck({ name: 'Lakeside Imaging', kind: 'imaging' });
    const candidates = await h.say('knee MRI');
    const buttons = candidates.find((a) => a.suggestedActions)?.suggestedActions?.actions.map((a) => String(a.title)) ?? [];
    const mri = `${h.content.text('serviceLabels.services.mriLegJoint.label')} (73721)`;
    expect(buttons).toContain(mri);
    expect(buttons.at(-1)).toBe(h.content.text('prices.confirm.none'));
    await h.say(mri);
    const figure = texts(await h.say('$1,800')).join('\n');
    expect(figure).toContain(h.content.text('prices.medicare.typed', {
      medicare: '$190.75', service: `73721 · ${h.content.text('serviceLabels.services.mriLegJoint.label')}`, place: 'Ohio', charge: '$1,800', percent: '844', ask: '$381.50',
    }));
    expect(figure).toContain(h.content.text('prices.offerAfterMedicare.ask'));
    // She found the center's cash price, $450: hers is argued, not Medicare's.
    await h.say('$450');
    await h.say(h.content.text('prices.source.choices.hospitalCashPrice'));
    const card = cardJson(await h.say(h.content.text('prices.again.done')));
    expect(card).toContain(h.content.text('findings.aboveComparablePrice.title'));
    expect(card).not.toContain(h.content.text('findings.aboveMedicare.title'));
    expect((await h.activeCase())?.medicare?.lines ?? []).toEqual([]);
  });

  it('a code typed in the price check is taken as read off the bill; "no" to a price of her own keeps Medicare\'s figure for the bill check', async () => {
    const h = await atPriceCheck({ name: 'Lakeside Clinic', kind: 'doctor' });
    expect(texts(await h.say('99213')).join('\n')).toContain(h.content.text('prices.charge.ask'));
    const figure = texts(await h.say('$300')).join('\n');
    expect(figure).toContain(h.content.text('prices.medicare.typed', {
      medicare: '$90.97', service: `99213 · ${h.content.text('serviceLabels.services.officeReturn3.label')}`, place: 'Ohio', charge: '$300', percent: '230', ask: '$181.94',
    }));
    // An office visit is not priced as a hospital's: no "doctor's part" note.
    expect(figure).not.toContain(h.content.text('prices.medicare.facilityNote'));
    const end = await h.say('no');
    expect(texts(end).join('\n')).toContain(h.content.text('prices.medicare.kept'));
    expect(cardJson(end)).toContain(h.content.text('findings.aboveMedicare.title'));
    expect((await h.activeCase())?.medicare).toMatchObject({ state: 'OH', lines: [{ code: '99213', chargeCents: 30_000, medicareCents: 9_097, setting: 'nonFacility' }] });
  });

  it('California\'s 29 areas come as a numbered list; part of a name picks one ("Los Angeles")', async () => {
    const h = createHarness();
    await h.seedCase({ ...ER_VISIT, state: 'CA' });
    const asked = texts(await typeOneLine(h, '9/1/2026, 99284, ER visit, 1, $1,450')).join('\n');
    expect(asked).toContain(h.content.text('prices.locality.ask', { state: 'California' }));
    expect(asked).toContain(`29. ${h.content.text('localities.CA.l75')}`);
    expect(asked).toContain(`30. ${h.content.text('prices.locality.notSureButton')}`);
    await h.say('Los Angeles');
    expect((await h.activeCase())?.medicare).toMatchObject({ state: 'CA', locality: '18', lines: [{ code: '99284', medicareCents: 12_081 }] });
  });
});
