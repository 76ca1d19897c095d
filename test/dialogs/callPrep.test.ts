import { Activity } from 'botbuilder';
import { createHarness, Harness, texts, startsWith, sayAll } from '../helpers/botHarness';

const NONPROFIT_HOSPITAL = {
  provider: { name: 'Mercy General', kind: 'hospital', nonprofit: 'yes' }, serviceDate: '2026-09-01', firstBillDate: '2026-10-01',
  balanceCents: 240050, insurance: 'employer', inCollections: 'no', state: 'OH', documents: { itemizedBill: 'have' }, progress: { gather: 'done' },
  billCheck: { checkedAt: '2026-11-27T15:00:00.000Z', findings: [{ code: 'balanceAboveEob', severity: 'high', figures: { balanceCents: 240050, responsibilityCents: 80000, differenceCents: 160050 } }] },
};
const DOCTOR = { provider: { name: 'Lakeside Clinic', kind: 'doctor' }, firstBillDate: '2026-10-01', balanceCents: 90000, state: 'OH', inCollections: 'yes' };

async function atStep2(fields: Record<string, unknown>): Promise<{ h: Harness; first: string[] }> {
  const h = createHarness();
  await h.seedCase(fields);
  await h.join();
  return { h, first: texts(await h.say('2')) };
}

interface CardNode { type?: string; text?: string; body?: CardNode[]; actions?: { type: string; title: string; card?: CardNode }[] }

/** The screen result card: its texts shown at first, those behind its button, and the button. */
function screenResult(replies: Partial<Activity>[]): { shown: string[]; details: string[]; button?: string; textMessages: string[] } {
  const content = replies.flatMap((a) => a.attachments ?? []).find((x) => x.contentType === 'application/vnd.microsoft.card.adaptive')?.content as CardNode | undefined;
  const more = content?.actions?.find((a) => a.type === 'Action.ShowCard');
  return {
    shown: (content?.body ?? []).map((e) => e.text ?? ''),
    details: (more?.card?.body ?? []).map((e) => e.text ?? ''),
    button: more?.title,
    textMessages: texts(replies),
  };
}

const cardText = (replies: Partial<Activity>[]) =>
  JSON.stringify(replies.flatMap((a) => a.attachments ?? []).find((x) => x.contentType === 'application/vnd.microsoft.card.adaptive')?.content ?? null);

describe('step 2, prepare a calm call', () => {
  it('a nonprofit hospital: screen, 501(r) dates from the first bill, a hardship statement, then the script in the user’s numbers', async () => {
    const { h, first } = await atStep2(NONPROFIT_HOSPITAL);
    expect(first[0]).toEqual(startsWith(h.content.text('callPrep.intro')));
    await sayAll(h, ['3', '$20', 'Per hour']);
    expect(texts(await h.say('40'))).toEqual([h.content.text('callPrep.confirm.ask', { annual: '$41,600', size: 3 })]);
    // A short card: the result and the date to apply by; the 501(r) points in full behind its button.
    const result = screenResult(await h.say('yes'));
    const rules = { lead: h.content.text('callPrep.nonprofit.leadYes'), deadline: 'May 29, 2027', daysToApply: 183, ecaDate: 'January 29, 2027' };
    expect(result.shown).toEqual([
      h.content.text('callPrep.result.likelyFree', { percent: 152, year: 2026, guideline: '$27,320', size: 3 }),
      h.content.text('callPrep.nonprofit.summary', rules),
      h.content.text('callPrep.disclaimer'),
    ]);
    expect(result.details).toEqual([
      h.content.text('callPrep.nonprofit.withDates', rules), h.content.text('callPrep.nonprofit.pauseWithDates', rules), h.content.text('callPrep.result.context'),
    ]);
    // No collection actions before her 120-day date, and not until 30 days after a written notice naming them.
    expect(result.details[0]).toContain('**January 29, 2027**');
    expect(result.details[0]).toMatch(/written notice.*30 days/);
    // An application sent by her 240-day date pauses collections while the hospital decides.
    expect(result.details[1]).toContain('**May 29, 2027**');
    expect(result.details[1]).toMatch(/pause collection actions/);
    expect(result.button).toBe(h.content.text('callPrep.result.details'));
    // The next question is a message of its own.
    expect(result.textMessages).toHaveLength(1);
    expect(result.textMessages[0]).toContain(h.content.text('hardship.reasons.labels.jobLoss'));

    await h.say('1, 5');
    const shown = texts(await h.say('I had surgery and was out of work for two months.'))[0];
    const statement = [
      h.content.text('hardship.statement.opening', { provider: 'Mercy General' }),
      h.content.text('hardship.statement.sentences.jobLoss'),
      h.content.text('hardship.statement.sentences.otherMedicalBills'),
      'I had surgery and was out of work for two months.',
      h.content.text('hardship.statement.closing'),
    ].join(' ');
    expect(shown).toBe(h.content.text('hardship.show', { statement }));

    const end = await h.say('Use this');
    const card = cardText(end);
    expect(card).toContain(h.content.text('script.title', { caseLabel: 'Mercy General' }));
    expect(card).toContain(h.content.text('script.script.opening', { serviceDate: 'September 1, 2026', balance: '$2,400.50' }));
    expect(card).toContain(statement);
    // Why the call is worth it first (a sourced survey), then who to call.
    expect(card.indexOf(h.content.text('script.why.survey').slice(0, 40))).toBeGreaterThan(0);
    expect(card.indexOf(h.content.text('script.why.survey').slice(0, 40))).toBeLessThan(card.indexOf(h.content.text('script.who.title')));
    // Errors first, then assistance, whether it covers the doctors who bill separately, prompt pay, an offer or plan.
    const order = ['script.asks.errors', 'script.asks.assistance', 'script.asks.doctors', 'script.asks.promptPay', 'script.asks.offerOrPlan']
      .map((key) => card.indexOf(h.content.text(key, { errors: h.content.text('findings.balanceAboveEob.title').toLowerCase() }).slice(0, 30)));
    expect(order.every((pos, i) => pos > 0 && (i === 0 || pos > (order[i - 1] ?? 0)))).toBe(true);
    expect(card).toContain(h.content.text('script.script.doctors'));
    // At a nonprofit hospital the script asks for assistance with her date: an application by then pauses collections.
    expect(card).toContain(h.content.text('script.script.assistanceNonprofit', { applyBy: 'May 29, 2027' }));
    expect(card).not.toContain(h.content.text('script.script.assistance'));
    expect(card).toContain(h.content.text('script.who.financialAssistance', { provider: 'Mercy General' }));
    const file = end.flatMap((a) => a.attachments ?? []).find((x) => x.name === h.content.text('script.file.name'));
    expect(Buffer.from(String(file?.contentUrl).split(',')[1] ?? '', 'base64').toString()).toContain(statement);

    const saved = await h.activeCase();
    expect(saved).toMatchObject({
      progress: { callPrep: 'done' },
      assistance: { householdSize: 3, incomePeriod: 'hour', incomeCents: 2000, hoursPerWeek: 40, annualIncomeCents: 4160000, screen: { percent: 152, year: 2026, tier: 'likelyFree' } },
      hardship: { reasons: ['jobLoss', 'otherMedicalBills'], ownWords: 'I had surgery and was out of work for two months.', statement },
      callPlan: { contacts: ['financialAssistance', 'billingOffice'] },
    });
  });

  it('a doctor in collections: a hardship discount instead of an assistance application, and the collector asked to validate the debt', async () => {
    const { h } = await atStep2(DOCTOR);
    await sayAll(h, ['1', '$2,500', 'Per month']);
    expect(texts(await h.say('no'))).toEqual([expect.stringMatching(new RegExp(`^${h.content.text('callPrep.confirm.again')}\n\n[^]*${h.content.text('screen.income.ask').slice(0, 40)}`))]);
    // An amount with its period answers both questions, and is said back.
    expect(texts(await h.say('about 80k a year'))[0]).toEqual(startsWith(h.content.text('answers.sayBack', { value: '$80,000 a year' })));
    const result = screenResult(await h.say('yes'));
    expect(result.shown[0]).toBe(h.content.text('callPrep.resultOther.mayQualify', { percent: 501, year: 2026, guideline: '$15,960', size: 1 }));
    expect(result.shown).not.toContain(h.content.text('callPrep.otherProvider'));
    expect(result.details).toEqual([h.content.text('callPrep.result.context')]);
    expect(result.button).toBe(h.content.text('callPrep.result.detailsWhy'));
    await h.say('skip');
    await h.say('skip');
    const card = cardText(await h.say('Use this'));
    expect(card).toContain(h.content.text('script.who.collectionAgency.other', { provider: 'Lakeside Clinic' }));
    expect(card).not.toContain(h.content.text('script.who.collectionAgency.nonprofitHospital'));
    expect(card).toContain(JSON.stringify(h.content.text('hardship.statement.generic', { provider: 'Lakeside Clinic' })).slice(1, 60));
    expect(card).not.toContain(h.content.text('script.asks.errors', { errors: '' }).slice(0, 20));
    // Not a hospital: no question about doctors who bill separately, and a hardship discount instead of an application.
    expect(card).not.toContain(h.content.text('script.script.doctors'));
    expect(card).not.toContain(h.content.text('script.script.assistance'));
    expect(card).toContain(h.content.text('script.script.hardshipDiscount'));
  });

  it('a nonprofit hospital with no first bill date: the rules without dates, and that applying pauses collections', async () => {
    const { h } = await atStep2({ ...NONPROFIT_HOSPITAL, firstBillDate: undefined });
    await sayAll(h, ['3', '$20', 'Per hour', '40']);
    const result = screenResult(await h.say('yes'));
    const lead = h.content.text('callPrep.nonprofit.leadYes');
    expect(result.details).toEqual([h.content.text('callPrep.nonprofit.noDates', { lead }), h.content.text('callPrep.nonprofit.pauseNoDates'), h.content.text('callPrep.result.context')]);
    expect(result.details[0]).toMatch(/written notice/);
  });

  it('an ambulance bill: step 2 says the federal law covers air, not ground, ambulances, and that many states protect patients', async () => {
    const { h } = await atStep2({ ...DOCTOR, provider: { name: 'County EMS', kind: 'ambulance' }, inCollections: 'no' });
    await sayAll(h, ['1', '$2,500', 'Per month']);
    const result = screenResult(await h.say('yes'));
    expect(result.details).toEqual([h.content.text('callPrep.ambulance'), h.content.text('callPrep.result.context')]);
    expect(result.button).toBe(h.content.text('callPrep.result.details'));
  });

  it('Alaska uses its own, higher guideline', async () => {
    const { h } = await atStep2({ ...DOCTOR, state: 'AK', inCollections: 'no' });
    await sayAll(h, ['2', '$40,000', 'Per year']);
    const result = screenResult(await h.say('yes')).shown;
    // 2026 Alaska: $19,950 + $7,100 = $27,050 → 147%
    expect(result[0]).toBe(h.content.text('callPrep.resultOther.likelyFree', { percent: 147, year: 2026, guideline: '$27,050', size: 2 }));
  });

  it('household and income skipped: no estimate, but "ask anyway" (at a doctor\'s office, for a hardship discount)', async () => {
    const { h } = await atStep2(DOCTOR);
    await h.say('not sure');
    expect(screenResult(await h.say('not sure')).shown[0]).toBe(h.content.text('callPrep.resultOther.unknown'));
  });

  it('writing their own statement: an empty one is re-asked, a real one is kept as typed', async () => {
    const { h } = await atStep2(DOCTOR);
    await sayAll(h, ['not sure', 'not sure', 'skip', 'skip', 'Write my own']);
    expect(texts(await h.say('ok'))).toEqual([h.content.text('hardship.own.retry')]);
    await h.say('I was laid off in May and my savings are gone. I can pay something, but not this.');
    expect((await h.activeCase())?.hardship?.statement).toBe('I was laid off in May and my savings are gone. I can pay something, but not this.');
  });
});

describe('bad answers in step 2 get one clear, specific re-ask, and nothing is lost', () => {
  it.each([
    ['0 people', '0', 'answers.count.tooSmall'],
    ['40 people', '40', 'answers.count.tooLarge'],
    ['2.5 people', '2.5', 'answers.count.notWhole'],
    ['"a lot"', 'a lot', 'answers.count.unclear'],
  ])('household size: %s', async (_label, bad, key) => {
    const { h } = await atStep2(DOCTOR);
    expect(texts(await h.say(bad))).toEqual([h.content.text(key, { min: 1, max: 20 })]);
    await h.say('4');
    expect((await h.activeCase())?.assistance.householdSize).toBe(4);
  });

  it.each([
    ['a negative income', '-2000', 'answers.money.negative'],
    ['"a lot"', 'a lot', 'answers.money.unclear'],
  ])('income: %s', async (_label, bad, key) => {
    const { h } = await atStep2(DOCTOR);
    await sayAll(h, ['2']);
    expect(texts(await h.say(bad))).toEqual([h.content.text(key)]);
    await h.say('$3,000 per month');
    expect((await h.activeCase())?.assistance).toMatchObject({ householdSize: 2, incomePeriod: 'month', incomeCents: 300000 });
  });

  it('hardship reasons that are not on the list', async () => {
    const { h } = await atStep2(DOCTOR);
    await sayAll(h, ['not sure', 'not sure']);
    expect(texts(await h.say('9'))).toEqual([h.content.text('hardship.reasons.retry')]);
  });
});
