import { createHarness, Harness, texts } from '../helpers/botHarness';

/** Answers typed the way people type them: each is read for the number or choice it is about, and said back. */
async function at(step: string, fields: Record<string, unknown>): Promise<Harness> {
  const h = createHarness();
  await h.seedCase(fields);
  await h.join();
  await h.say(step);
  return h;
}

const BEFORE_BALANCE = { provider: { name: 'Mercy', kind: 'doctor' }, serviceDate: '2026-09-01', firstBillDate: '2026-10-01' };
const AT_STEP_2 = { provider: { name: 'Mercy General', kind: 'hospital', nonprofit: 'yes' }, firstBillDate: '2026-10-01', balanceCents: 240000, state: 'OH', insurance: 'employer' };
const AT_STEP_3 = { provider: { name: 'Mercy General', kind: 'hospital', nonprofit: 'no' }, balanceCents: 240000, insurance: 'uninsured', state: 'OH' };

describe('natural answers are understood and said back', () => {
  it('"about $2,400" is the balance, said back; "dec 20" is the due date, said back with its weekday', async () => {
    const h = await at('1', BEFORE_BALANCE);
    const balanceBack = h.content.text('answers.sayBack', { value: '$2,400' });
    expect(texts(await h.say('about $2,400'))[0]?.slice(0, balanceBack.length)).toBe(balanceBack);
    const due = texts(await h.say('dec 20'));
    const dueBack = h.content.text('answers.sayBack', { value: 'Sunday, December 20, 2026' });
    // Said back, then the next question in the same message.
    expect(due[0]?.slice(0, dueBack.length)).toBe(dueBack);
    expect(due[0]).toContain(h.content.text('intake.insurance.ask'));
    expect(await h.activeCase()).toMatchObject({ balanceCents: 240000, dueDate: '2026-12-20' });
  });

  it('"through my job" is an employer plan, said back with the button\'s words', async () => {
    const h = await at('1', { ...BEFORE_BALANCE, balanceCents: 240000, dueDate: '2026-12-20' });
    const replies = texts(await h.say('through my job'));
    const said = h.content.text('answers.sayBack', { value: h.content.text('intake.insurance.choices.employer') });
    expect(replies[0]?.slice(0, said.length)).toBe(said);
    expect((await h.activeCase())?.insurance).toBe('employer');
  });

  it('a plain answer is not said back: the button\'s own words, a number, a full date', async () => {
    const h = await at('1', BEFORE_BALANCE);
    const sayBack = h.content.text('answers.sayBack', { value: '' }).slice(0, 8);
    for (const answer of ['$2,400', 'December 20, 2026', 'Employer plan']) {
      expect(texts(await h.say(answer)).filter((t) => t.startsWith(sayBack))).toEqual([]);
    }
  });

  it('"3 (me and my 2 kids)" is a household of 3, and "about 40k a year" is the income and its period: the period is not asked', async () => {
    const h = await at('2', AT_STEP_2);
    const sizeBack = h.content.text('screen.householdSize.sayBack', { value: '3' });
    expect(texts(await h.say('3 (me and my 2 kids)'))[0]?.slice(0, sizeBack.length)).toBe(sizeBack);
    const income = texts(await h.say('about 40k a year'));
    expect(income[0]).toBe([h.content.text('answers.sayBack', { value: '$40,000 a year' }), h.content.text('callPrep.confirm.ask', { annual: '$40,000', size: 3 })].join('\n\n'));
    expect((await h.activeCase())?.assistance).toMatchObject({ householdSize: 3, incomeCents: 4000000, incomePeriod: 'year' });
  });

  it('a bare income asks for its period, naming the amount', async () => {
    const h = await at('2', AT_STEP_2);
    await h.say('3');
    expect(texts(await h.say('3100'))[0]).toContain(h.content.text('screen.incomePeriod.ask', { amount: '$3,100' }));
  });

  it('"I can keep 1500 and do 150 a month" answers both step 3 questions at once', async () => {
    const h = await at('3', AT_STEP_3);
    const replies = texts(await h.say('I can keep 1500 and do 150 a month'));
    const said = h.content.text('answers.sayBack', { value: '$1,500 and $150 a month' });
    expect(replies[0]?.slice(0, said.length)).toBe(said);
    expect(replies.join('\n')).not.toContain(h.content.text('offer.monthly.ask'));
    expect((await h.activeCase())?.offer).toMatchObject({ cashAvailableCents: 150000, monthlyBudgetCents: 15000 });
  });

  it('stray numbers still never answer: "400 or 500" is asked again, and a number in a sentence picks no button', async () => {
    const h = await at('1', BEFORE_BALANCE);
    expect(texts(await h.say('400 or 500'))).toEqual([h.content.text('answers.money.several')]);
    await h.say('$900');
    await h.say('not sure');
    const insurance = texts(await h.say('I got 2 letters from them'));
    expect(insurance[0]).toBe(h.content.text('intake.insurance.retry'));
    expect((await h.activeCase())?.insurance).toBeUndefined();
  });
});

describe('whole answers that mean one value', () => {
  it('"i don\'t have insurance" is no insurance, said back; "just me" is a household of 1', async () => {
    const h = await at('1', { ...BEFORE_BALANCE, balanceCents: 240000, dueDate: '2026-12-20' });
    const said = h.content.text('answers.sayBack', { value: h.content.text('intake.insurance.choices.uninsured') });
    expect(texts(await h.say("i don't have insurance"))[0]?.slice(0, said.length)).toBe(said);
    expect((await h.activeCase())?.insurance).toBe('uninsured');
    const s = await at('2', AT_STEP_2);
    const sizeBack = s.content.text('screen.householdSize.sayBack', { value: '1' });
    expect(texts(await s.say('just me'))[0]?.slice(0, sizeBack.length)).toBe(sizeBack);
    expect((await s.activeCase())?.assistance.householdSize).toBe(1);
  });
});
