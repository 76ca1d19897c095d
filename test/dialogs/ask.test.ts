import { createHarness, Harness, buttons, lastPrompt, texts } from '../helpers/botHarness';
import { realFaq } from '../helpers/content';
import { faqReply } from '../../dialogs/ask/faqReply';

const faq = realFaq();
const eob = () => {
  const entry = faq.forTerm('eob');
  if (!entry) throw new Error('the FAQ must explain "eob"');
  return entry;
};

async function fresh(): Promise<Harness> {
  const h = createHarness();
  await h.join();
  return h;
}

describe('asking a question, at any point', () => {
  it('"Ask a question" answers from vetted content with its source, then offers another', async () => {
    const h = await fresh();
    const opened = texts(await h.say('Ask a question'));
    expect(opened).toEqual([h.content.text('ask.intro'), h.content.text('ask.prompt')]);
    const replies = await h.say('What is an explanation of benefits?');
    expect(texts(replies)[0]).toBe(faqReply(h.content, eob()));
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
    expect(replies[0]).toBe(faqReply(h.content, eob()));
    expect(replies[1]).toBe(h.content.text('menu.prompt'));
  });

  it('a question in the middle of a step is answered, and the same question comes back with nothing lost', async () => {
    const h = await fresh();
    for (const answer of ['1', 'Mercy General Hospital', "Doctor's office"]) await h.say(answer);
    const replies = texts(await h.say('wait, what is an EOB?'));
    expect(replies[0]).toBe(faqReply(h.content, eob()));
    expect(replies[1]).toBe(h.content.text('ask.back'));
    expect(replies[2]).toContain(h.content.text('intake.serviceDate.ask'));
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
    expect(replies[0]).toBe(faqReply(h.content, eob()));
    expect(replies[2]).toContain(h.content.text('eob.eobStatus.ask').slice(0, 40));
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
