import { createHarness, Harness, texts, sayAll } from '../helpers/botHarness';

const BEFORE_BALANCE = { provider: { name: 'Mercy', kind: 'doctor' }, serviceDate: '2026-09-01', firstBillDate: '2026-10-01' };
const BEFORE_STATE = { ...BEFORE_BALANCE, balanceCents: 90000, dueDate: '2026-12-31', insurance: 'employer', inCollections: 'no' };
const BEFORE_EOB = { ...BEFORE_STATE, state: 'OH', documents: { itemizedBill: 'have' } };

async function atQuestion(fields: Record<string, unknown>): Promise<Harness> {
  const h = createHarness();
  await h.seedCase(fields);
  await h.join();
  await h.say('1');
  return h;
}

describe('bad answers in step 1 get one clear, specific re-ask, and nothing already given is lost', () => {
  it.each([
    ['words for an amount', 'lots', 'answers.money.unclear'],
    ['a negative amount', '-5', 'answers.money.negative'],
    ['a lone dollar sign', '$', 'answers.money.unclear'],
    ['an amount in scientific notation beyond any bill', '1e9', 'answers.money.too_large'],
    ['several numbers', '1.2.3', 'answers.money.several'],
  ])('the balance: %s', async (_label, bad, key) => {
    const h = await atQuestion(BEFORE_BALANCE);
    const reask = await h.say(bad);
    expect(texts(reask)).toEqual([h.content.text(key)]);
    expect(reask[0]?.suggestedActions?.actions.map((a) => a.title)).toEqual([h.content.text('answers.notSure')]);
    expect(texts(await h.say('$900'))[0]).toContain(h.content.text('intake.dueDate.ask').slice(0, 20));
    expect(await h.activeCase()).toMatchObject({ ...BEFORE_BALANCE, balanceCents: 90000 });
  });

  it.each([
    ['a date in the future', 'next Friday', 'answers.date.future'],
    ['something that is not a date', 'a while ago', 'answers.date.unclear'],
    ['a month with no day', 'March 2026', 'answers.date.vague'],
  ])('the date of service: %s', async (_label, bad, key) => {
    const h = await atQuestion({ provider: { name: 'Mercy', kind: 'doctor' } });
    expect(texts(await h.say(bad))).toEqual([h.content.text(key)]);
    await h.say('March 3, 2026');
    expect((await h.activeCase())?.serviceDate).toBe('2026-03-03');
  });

  it('a first bill dated before the care', async () => {
    const h = await atQuestion({ provider: { name: 'Mercy', kind: 'doctor' }, serviceDate: '2026-05-01' });
    const replies = texts(await h.say('April 10, 2026'));
    const problem = h.content.text('intake.problems.billBeforeService', { serviceDate: 'May 1, 2026' });
    // The problem, then the same question again, in one message.
    expect(replies).toHaveLength(1);
    expect(replies[0]?.slice(0, problem.length)).toBe(problem);
    expect(replies[0]?.slice(problem.length)).toContain(h.content.text('intake.firstBillDate.ask'));
    expect((await h.activeCase())?.firstBillDate).toBeUndefined();
  });

  it('a state that does not exist', async () => {
    const h = await atQuestion(BEFORE_STATE);
    expect(texts(await h.say('Narnia'))).toEqual([h.content.text('answers.state.unclear')]);
    await h.say('oh');
    expect((await h.activeCase())?.state).toBe('OH');
  });

  it('a patient share larger than the billed amount', async () => {
    const h = await atQuestion(BEFORE_EOB);
    // Status, what the EOB says she owes, billed, allowed, plan paid, then the optional split: deductible.
    await sayAll(h, ['Processed / paid', '$1,000', '$1,000', '$1,000', '$0', 'Add the split', '$800']);
    const replies = texts(await h.say('$300')); // copay: 800 + 300 > 1,000 billed
    const problem = h.content.text('eob.problems.shareAboveBilled', { billed: '$1,000' });
    expect(replies).toHaveLength(1);
    expect(replies[0]?.slice(0, problem.length)).toBe(problem);
    expect(replies[0]?.slice(problem.length)).toContain(h.content.text('eob.copay.ask'));
    expect((await h.activeCase())?.eob).toMatchObject({ billedCents: 100000, deductibleCents: 80000 });
    expect((await h.activeCase())?.eob?.copayCents).toBeUndefined();
  });

  it('an allowed amount above the billed amount', async () => {
    const h = await atQuestion(BEFORE_EOB);
    await h.say('Processed / paid');
    await h.say('$200');
    await h.say('$1,000');
    const problem = h.content.text('eob.problems.allowedAboveBilled', { billed: '$1,000' });
    expect(texts(await h.say('$1,500'))[0]?.slice(0, problem.length)).toBe(problem);
  });

  it('bill lines without a charge, with a future date, and impossible line numbers', async () => {
    const h = await atQuestion({ ...BEFORE_STATE, state: 'OH', insurance: 'unsure', documents: { itemizedBill: 'have' } });
    expect(texts(await h.say('Add lines'))[0]).toBe(h.content.text('lines.entry.first'));
    expect(texts(await h.say('ER visit'))).toEqual([h.content.text('lines.problems.noCharge')]);
    expect(texts(await h.say('12/12/2026, 99284, ER visit, $40'))).toEqual([h.content.text('lines.problems.futureDate')]);
    expect(texts(await h.say('2/30/2026, 99284, ER visit, $40'))).toEqual([h.content.text('lines.problems.badDate')]);
    await h.say('3/3/2026, 99284, ER visit, $1,250.00');
    await h.say('done');
    expect(texts(await h.say('7'))).toEqual([h.content.text('lines.notReceived.retry', { count: 1 })]);
    await h.say('1');
    expect((await h.activeCase())?.billLines).toEqual([expect.objectContaining({ code: '99284', chargeCents: 125000, date: '2026-03-03', notReceived: true })]);
  });

  it('an empty name, and a 5,000-character one', async () => {
    const h = createHarness();
    await h.join();
    await h.say('1');
    expect(texts(await h.say('...'))).toEqual([h.content.text('answers.text.empty')]);
    expect(texts(await h.say('x'.repeat(5000)))).toEqual([h.content.text('answers.text.tooLong')]);
    await h.say('Mercy General');
    expect((await h.activeCase())?.provider.name).toBe('Mercy General');
  });
});
