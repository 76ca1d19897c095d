import { Activity } from 'botbuilder';
import { buttons, createHarness, Harness, lastPrompt, sayAll, texts } from '../helpers/botHarness';

/** The rest of step 1 for a self-pay visit with an itemized bill, after the hospital is picked; then step 2 with nothing to screen. */
const REST_OF_STEP_1 = ['March 3, 2026', 'April 10, 2026', '$2,400', 'not sure', 'None / self-pay', 'no', 'Yes, I have it', 'skip', 'skip', 'skip'];
const STEP_2 = ['2', 'not sure', 'not sure', 'skip', 'skip'];

const cardOf = (replies: Partial<Activity>[]) =>
  JSON.stringify(replies.flatMap((a) => a.attachments ?? []).find((x) => x.contentType === 'application/vnd.microsoft.card.adaptive')?.content ?? null);
const inJson = (s: string) => JSON.stringify(s).slice(1, -1);
const all = (r: Partial<Activity>[]) => texts(r).join('\n\n');

async function callPlan(h: Harness): Promise<string> {
  await sayAll(h, [...REST_OF_STEP_1, ...STEP_2]);
  return cardOf(await h.say('Use this'));
}

describe('issue 23: the coach finds her hospital in CMS\'s list and knows whether it is a nonprofit', () => {
  it('a nonprofit hospital in Ohio: the state is asked right then, the pick answers the nonprofit question, and the call plan has its number', async () => {
    const h = createHarness();
    await h.join();
    await sayAll(h, ['1', 'St Ritas Med Ctr']);
    const stateAsk = all(await h.say('Hospital or ER'));
    expect(stateAsk).toContain(h.content.text('intake.hospital.needState', { name: 'St Ritas Med Ctr' }));
    expect(stateAsk).toContain(h.content.text('intake.state.ask'));
    const offer = await h.say('Ohio');
    expect(all(offer)).toContain(h.content.text('intake.hospital.ask', { name: 'St Ritas Med Ctr', state: 'Ohio' }));
    const offered = buttons(lastPrompt(offer));
    expect(offered[0]).toBe(h.content.text('intake.hospital.button', { name: 'Mercy Health St Ritas Medical Center', place: 'Lima, OH' }));
    expect(offered.at(-1)).toBe(h.content.text('intake.hospital.none'));

    const picked = all(await h.say(offered[0] ?? ''));
    expect(picked).toContain(h.content.text('intake.hospital.found', { name: 'Mercy Health St Ritas Medical Center', address: '730 West Market Street, Lima, OH 45801', phone: '(419) 227-3361' }));
    expect(picked).toContain(h.content.text('intake.hospital.ownership.nonprofit').slice(0, 40));
    // The nonprofit question is skipped: the next one is the date of care, and the count went down by it.
    expect(picked).not.toContain(h.content.text('intake.nonprofit.ask').slice(0, 30));
    expect(picked).toContain(h.content.text('intake.serviceDate.ask'));
    expect(picked).toContain(h.content.text('intake.progress', { number: 4, total: 11 }));
    expect(await h.activeCase()).toMatchObject({
      // What she typed stays hers; CMS's record is kept beside it.
      label: 'St Ritas Med Ctr', provider: { name: 'St Ritas Med Ctr', kind: 'hospital', nonprofit: 'yes' }, state: 'OH',
      hospital: { ccn: '360066', phone: '(419) 227-3361', category: 'nonprofit' },
    });

    const card = await callPlan(h);
    expect(card).toContain('(419) 227-3361');
    expect(card).toContain(inJson(h.content.text('script.who.hospital.financialAssistance', { hospital: 'Mercy Health St Ritas Medical Center', phone: '(419) 227-3361' })));
    expect(card).toContain(inJson(h.content.text('script.who.hospital.billingOffice', { hospital: 'Mercy Health St Ritas Medical Center', phone: '(419) 227-3361' })));
    expect(card).toContain(inJson(h.content.text('script.asks.assistance')));
  });

  it('a for-profit hospital in Texas (state already known): CMS says no, and the plan asks for a hardship discount at its number', async () => {
    const h = createHarness();
    await h.seedCase({ state: 'TX' });
    await h.join();
    await sayAll(h, ['1', 'laredo med center']);
    const offer = await h.say('Hospital or ER');
    // The state was known: no state question, straight to the hospitals.
    expect(all(offer)).not.toContain(h.content.text('intake.hospital.needState', { name: 'laredo med center' }));
    const offered = buttons(lastPrompt(offer));
    expect(offered).toContain(h.content.text('intake.hospital.button', { name: 'Laredo Medical Center', place: 'Laredo, TX' }));
    const picked = all(await h.say(h.content.text('intake.hospital.button', { name: 'Laredo Medical Center', place: 'Laredo, TX' })));
    expect(picked).toContain(h.content.text('intake.hospital.ownership.proprietary').slice(0, 40));
    expect(picked).toContain(h.content.text('intake.serviceDate.ask'));
    expect(await h.activeCase()).toMatchObject({ provider: { kind: 'hospital', nonprofit: 'no' }, hospital: { ccn: '450029', category: 'proprietary' } });

    const card = await callPlan(h);
    expect(card).toContain(inJson(h.content.text('script.who.hospital.billingOffice', { hospital: 'Laredo Medical Center', phone: '(956) 796-5000' })));
    expect(card).toContain(inJson(h.content.text('script.asks.hardshipDiscount')));
    expect(card).not.toContain(inJson(h.content.text('script.asks.assistance')));
  });

  it('step 2 at that for-profit hospital says it is not bound by 501(r), never that it is a clinic or a doctor\'s office', async () => {
    const h = createHarness();
    await h.seedCase({
      state: 'TX', provider: { name: 'Laredo Medical Center', kind: 'hospital', nonprofit: 'no' }, balanceCents: 240_000, insurance: 'uninsured',
      hospital: { ccn: '450029', name: 'LAREDO MEDICAL CENTER', address: '1700 EAST SAUNDERS', city: 'LAREDO', state: 'TX', zip: '78041', phone: '(956) 796-5000', ownership: 'Proprietary', category: 'proprietary' },
    });
    await h.join();
    const screen = cardOf(await sayAll(h, ['2', '1', '$1,800 a month', 'yes']));
    expect(screen).toContain(inJson(h.content.text('callPrep.resultForProfit.likelyFree', { percent: 135, year: 2026, guideline: '$15,960', size: 1 }).slice(0, 60)));
    expect(screen).not.toContain('Clinics and doctors');
  });

  it('"None of these" goes on as before: the nonprofit question is asked and the name she typed is kept', async () => {
    const h = createHarness();
    await h.seedCase({ state: 'OH' });
    await h.join();
    await sayAll(h, ['1', 'Mercy Medical Center', 'Hospital or ER']);
    const next = all(await h.say(h.content.text('intake.hospital.none')));
    expect(next).toContain(h.content.text('intake.hospital.noneSaid'));
    expect(next).toContain(h.content.text('intake.nonprofit.ask').slice(0, 30));
    const saved = await h.activeCase();
    expect(saved?.hospital).toBeUndefined();
    expect(saved?.provider.name).toBe('Mercy Medical Center');
  });

  it('a name typed instead of a button is looked up again', async () => {
    const h = createHarness();
    await h.seedCase({ state: 'OH' });
    await h.join();
    await sayAll(h, ['1', 'Mercy Medical Center', 'Hospital or ER']);
    // "Back" is not a name to look up: the same buttons again.
    const first = buttons(lastPrompt(await h.say('back')));
    expect(first).toContain(h.content.text('intake.hospital.none'));
    expect(first).toContain(h.content.text('intake.hospital.button', { name: 'Mercy Medical Center', place: 'Canton, OH' }));
    const again = await h.say('saint ritas medical center');
    expect(all(again)).toContain(h.content.text('intake.hospital.ask', { name: 'saint ritas medical center', state: 'Ohio' }));
    expect(buttons(lastPrompt(again))).toContain(h.content.text('intake.hospital.button', { name: 'Mercy Health St Ritas Medical Center', place: 'Lima, OH' }));
  });

  it('a lab is not in the list: said plainly, and no state or nonprofit question comes early', async () => {
    const h = createHarness();
    await h.join();
    await sayAll(h, ['1', 'Quest Diagnostics']);
    const next = all(await h.say('Lab'));
    expect(next).toContain(h.content.text('intake.hospital.notHospital'));
    expect(next).toContain(h.content.text('intake.serviceDate.ask'));
    expect((await h.activeCase())?.hospital).toBeUndefined();
  });

  it('"my case" shows the hospital; changing the provider\'s name clears the match and the answer it gave', async () => {
    const h = createHarness();
    await h.seedCase({ state: 'OH', balanceCents: 240000 });
    await h.join();
    await sayAll(h, ['1', 'St Ritas Med Ctr', 'Hospital or ER', h.content.text('intake.hospital.button', { name: 'Mercy Health St Ritas Medical Center', place: 'Lima, OH' })]);
    await h.say('menu');
    const card = cardOf(await h.say('my case'));
    expect(card).toContain(inJson(h.content.text('card.hospital', { name: 'Mercy Health St Ritas Medical Center', place: 'Lima, OH', phone: '(419) 227-3361' })));
    expect(card).toContain(inJson(h.content.text('card.nonprofitFromCms', { answer: h.content.text('card.yesNoUnsure.yes'), source: h.content.text('intake.hospital.cms.nonprofit') })));

    await sayAll(h, ["change an answer", h.content.text("change.parts.bill"), h.content.text("intake.providerName.label"), "Lima Memorial Hospital"]);
    const saved = await h.activeCase();
    expect(saved?.provider.name).toBe('Lima Memorial Hospital');
    expect(saved?.hospital).toBeUndefined();
    expect(saved?.provider.nonprofit).toBeUndefined();
  });
});

describe('issue 23: she can correct the hospital, and the letters go to its address', () => {
  const PICKED = {
    provider: { name: 'St Ritas Med Ctr', kind: 'hospital', nonprofit: 'yes' }, state: 'OH', balanceCents: 240000, firstBillDate: '2026-10-01',
    hospital: { ccn: '360066', name: 'MERCY HEALTH ST RITAS MEDICAL CENTER', address: '730 WEST MARKET STREET', city: 'LIMA', state: 'OH', zip: '45801', phone: '(419) 227-3361', ownership: 'Voluntary non-profit - Private', category: 'nonprofit' },
  };

  it('"change an answer" lists the hospital; "None of these" clears it and the nonprofit answer it gave', async () => {
    const h = createHarness();
    await h.seedCase(PICKED);
    await h.join();
    // Only the bill's part has answers: its list comes straight away.
    const list = all(await h.say('change an answer'));
    expect(list).toContain(h.content.text('intake.hospital.label'));
    const offer = await h.say(h.content.text('intake.hospital.label'));
    expect(buttons(lastPrompt(offer))).toContain(h.content.text('intake.hospital.none'));
    expect(all(await h.say(h.content.text('intake.hospital.none')))).toContain(h.content.text('intake.hospital.cleared'));
    const saved = await h.activeCase();
    expect(saved?.hospital).toBeUndefined();
    expect(saved?.provider.nonprofit).toBeUndefined();
    expect(saved?.provider.name).toBe('St Ritas Med Ctr');
  });

  it('the itemized-bill request says to call its main number and is addressed to it', async () => {
    const h = createHarness();
    await h.seedCase({ ...PICKED, serviceDate: '2026-09-01', dueDate: '2026-12-31', insurance: 'uninsured', inCollections: 'no' });
    await h.join();
    const seen = [...await h.say('1'), ...await h.say('No')];
    expect(all(seen)).toContain(h.content.text('itemized.phoneHospital', { hospital: 'Mercy Health St Ritas Medical Center', phone: '(419) 227-3361', serviceDate: 'September 1, 2026' }));
    const file = seen.flatMap((a) => a.attachments ?? []).find((x) => x.name === h.content.text('itemized.file.name'));
    const letter = Buffer.from(String(file?.contentUrl).split(',')[1] ?? '', 'base64').toString('utf8');
    expect(letter).toContain('To: Billing Office, Mercy Health St Ritas Medical Center\n730 West Market Street, Lima, OH 45801');
  });
});
