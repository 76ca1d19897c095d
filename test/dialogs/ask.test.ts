import { createHarness, Harness, buttons, lastPrompt, texts, sayAll } from '../helpers/botHarness';
import { realFaq } from '../helpers/content';
import { faqReply } from '../../dialogs/ask/faqReply';
import { keepTypographerMarks } from '../../src/cards/markdown';

const faq = realFaq();
const eob = () => {
  const entry = faq.forTerm('eob');
  if (!entry) throw new Error('the FAQ must explain "eob"');
  return entry;
};

/** An answer as Web Chat gets it: "(r)" kept as written (the pipeline's typographer marks). */
const answerOf = (h: Harness, entry: Parameters<typeof faqReply>[1]) => keepTypographerMarks(faqReply(h.content, entry));
/** A turn's messages as the user reads them, one after another (a short answer and the question after it share a message). */
const read = (replies: string[]) => replies.join('\n\n');

async function fresh(): Promise<Harness> {
  const h = createHarness();
  await h.join();
  return h;
}

describe('asking a question, at any point', () => {
  it('"Ask a question" answers from vetted content with its source, then offers another', async () => {
    const h = await fresh();
    const opened = texts(await h.say('Ask a question'));
    expect(opened).toEqual([[h.content.text('ask.intro'), h.content.text('ask.prompt')].join('\n\n')]);
    const replies = await h.say('What is an explanation of benefits?');
    const answer = answerOf(h, eob());
    expect(texts(replies)[0]?.slice(0, answer.length)).toBe(answer);
    expect(texts(replies)[0]).toContain(eob().source);
    expect(buttons(lastPrompt(replies))).toEqual([h.content.text('ask.again.another'), h.content.text('ask.again.menu')]);
  });

  it('an unknown question gets the fallback, never a confident wrong answer', async () => {
    const h = await fresh();
    await h.say('Ask a question');
    const replies = texts(await h.say('what is the capital of France?'));
    expect(replies.join('\n')).not.toContain('_Source:');
  });

  it('a question typed at the menu is answered, then the menu comes back', async () => {
    const h = await fresh();
    const replies = texts(await h.say('What is an explanation of benefits?'));
    expect(read(replies)).toBe([answerOf(h, eob()), h.content.text('menu.prompt')].join('\n\n'));
  });

  it('a question in the middle of a step is answered, and the same question comes back with nothing lost', async () => {
    const h = await fresh();
    await sayAll(h, ['1', 'Mercy General Hospital', "Doctor's office"]);
    const replies = texts(await h.say('wait, what is an EOB?'));
    const answer = answerOf(h, eob());
    const back = `${answer}\n\n${h.content.text('ask.back')}\n\n`;
    // The answer, "back to where we were" and the same question, in that order.
    expect(read(replies).slice(0, back.length)).toBe(back);
    expect(read(replies).slice(back.length)).toContain(h.content.text('intake.serviceDate.ask'));
    expect(await h.activeCase()).toMatchObject({ provider: { name: 'Mercy General Hospital', kind: 'doctor' } });
    await h.say('March 3, 2026');
    expect((await h.activeCase())?.serviceDate).toBe('2026-03-03');
  });

  it('a step that uses a term offers a "what\'s that?" button, answered in place', async () => {
    const h = createHarness();
    await h.seedCase({ provider: { name: 'Mercy', kind: 'doctor' }, serviceDate: '2026-09-01', firstBillDate: '2026-10-01', balanceCents: 90000, dueDate: '2026-12-31', insurance: 'employer', inCollections: 'no', state: 'OH', documents: { itemizedBill: 'have' } });
    await h.join();
    const ask = await h.say('1');
    expect(buttons(lastPrompt(ask))).toContain(eob().question);
    const replies = texts(await h.say(eob().question));
    const back = `${answerOf(h, eob())}\n\n${h.content.text('ask.back')}\n\n`;
    expect(read(replies).slice(0, back.length)).toBe(back);
    expect(read(replies).slice(back.length)).toContain(h.content.text('eob.eobStatus.ask').slice(0, 40));
  });

  it('answers in a role-play are never taken for questions to the coach', async () => {
    const h = await fresh();
    await h.say('4');
    await h.say('Insurer, about the EOB');
    const replies = texts(await h.say('Could you explain what the EOB says about my claim?'));
    expect(replies.join('\n')).not.toContain('_Source:');
    expect(replies[0]).toMatch(/^✓/);
  });

  it('answers that are not questions go to the prompt as usual', async () => {
    const h = await fresh();
    await h.say('1');
    expect(texts(await h.say('Mercy General Hospital'))[0]).toContain(h.content.text('intake.providerKind.ask'));
  });
});

describe('at the menu, what people type is understood as they mean it (issue 18)', () => {
  const entry = (id: string) => {
    const found = faq.get(id);
    if (!found) throw new Error(`the FAQ must have ${id}`);
    return found;
  };
  const NONPROFIT_CASE = { provider: { name: 'Mercy General', kind: 'hospital', nonprofit: 'yes' }, serviceDate: '2026-09-01', firstBillDate: '2026-10-01', balanceCents: 240050, insurance: 'employer', inCollections: 'no', state: 'OH', documents: { itemizedBill: 'have' }, progress: { gather: 'done' } };

  it.each([
    ['a statement about her situation', 'i was uninsured and the bill is way more than the estimate they gave me', 'gfeDispute'],
    ['a clear question', 'can the hospital put this bill on my credit report?', 'creditReport'],
    ['a sentence that merely contains "financial assistance"', 'i think i might qualify for financial assistance but im not sure', 'willIQualify'],
  ])('%s gets its answer, then the menu again: "%s"', async (_what, said, id) => {
    const h = await fresh();
    const replies = await h.say(said);
    expect(read(texts(replies))).toBe([answerOf(h, entry(id)), h.content.text('menu.prompt')].join('\n\n'));
    expect(buttons(lastPrompt(replies))).toContain(h.content.text('menu.options.callPrep.title'));
  });

  it('"should i file for bankruptcy" is beyond what the coach covers: says so, names a nonprofit credit counselor and legal aid, suggests nothing unrelated', async () => {
    const h = await fresh();
    const replies = await h.say('should i file for bankruptcy');
    const beyond = entry('beyondScope');
    expect(read(texts(replies))).toBe([answerOf(h, beyond), h.content.text('menu.prompt')].join('\n\n'));
    expect(beyond.answer).toMatch(/beyond what I cover/);
    expect(beyond.answer).toMatch(/nonprofit credit counselor/);
    expect(beyond.answer).toMatch(/legal aid/);
    expect(read(texts(replies))).not.toContain(h.content.text('ask.suggestions'));
  });

  it.each(['financial assistance', 'step 2', "let's do step 2", '2'])('a request for step 2 starts it: "%s"', async (said) => {
    const h = createHarness();
    await h.seedCase(NONPROFIT_CASE);
    await h.join();
    const intro = h.content.text('callPrep.intro');
    expect(texts(await h.say(said))[0]?.slice(0, intro.length)).toBe(intro);
  });

  it.each([
    ['i want to practice the call', 'rehearsal'],
    ['help me make a payment plan', 'offer'],
    ['log a call i just made', 'followUp'],
  ])('a request to start a step in natural words opens it: "%s"', async (said, step) => {
    const h = createHarness();
    await h.seedCase(NONPROFIT_CASE);
    await h.join();
    const intro = h.content.text(`${step}.intro`);
    expect(texts(await h.say(said))[0]?.slice(0, intro.length)).toBe(intro);
  });

  it('a question about a step\'s topic is still answered, not taken as a request for the step', async () => {
    const h = await fresh();
    const replies = texts(await h.say('i missed a payment on my payment plan'));
    expect(read(replies)).toBe([answerOf(h, entry('missedPayment')), h.content.text('menu.prompt')].join('\n\n'));
  });

  it('a few words that are neither a request nor a question get the menu\'s re-ask, as before', async () => {
    const h = await fresh();
    expect(texts(await h.say('yes'))).toEqual([h.content.text('menu.retry')]);
  });
});
