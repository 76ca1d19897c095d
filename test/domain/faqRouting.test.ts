import { MenuRequests, isStatementOrQuestion, readAtMenu } from '../../src/domain/faqRouting';
import { realFaq } from '../helpers/content';

const requests = new MenuRequests(
  [
    { value: 'callPrep', phrases: ['2 · Prepare the call', 'financial assistance', 'step 2'] },
    { value: 'offer', phrases: ['3 · Offer or payment plan', 'payment plan', 'offer'] },
    { value: 'ask', phrases: ['Ask a question', 'ask', 'question'] },
  ],
  ['i', 'want', 'to', 'lets', 'do', 'the', 'a', 'please'],
);

describe('MenuRequests: a typed message picks a menu choice only when it asks for it', () => {
  it.each([
    ['2 · Prepare the call', 'callPrep'],
    ['Financial Assistance', 'callPrep'],
    ['step 2!', 'callPrep'],
    ["let's do the payment plan please", 'offer'],
    ['i want to ask a question', 'ask'],
  ])('a request: "%s" → %s', (text, value) => {
    expect(requests.read(text)).toBe(value);
  });

  it.each([
    'i think i might qualify for financial assistance',
    'they offered me a payment plan i cant afford',
    'quick question about my eob',
    'the payment plan and financial assistance',
    '',
  ])('not a request, though it has a choice\'s words: "%s"', (text) => {
    expect(requests.read(text)).toBeUndefined();
  });
});

describe('MenuRequests: a sentence that starts a step, after request words only, opens it whatever follows', () => {
  const steps = new MenuRequests(
    [
      { value: 'offer', phrases: ['payment plan', 'offer'], sentences: ['make a payment plan', 'work out an offer'] },
      { value: 'rehearsal', phrases: ['rehearse', 'practice'], sentences: ['practice the call', 'role play'] },
      { value: 'followUp', phrases: ['follow ups', 'reminders'], sentences: ['log a call', 'set a reminder'] },
    ],
    ['i', 'want', 'to', 'lets', 'can', 'we', 'help', 'me', 'the', 'a', 'please'],
  );

  it.each([
    ['i want to practice the call', 'rehearsal'],
    ['can we role play the call with the billing office', 'rehearsal'],
    ['help me make a payment plan for the er bill', 'offer'],
    ['log a call i just made', 'followUp'],
    ['set a reminder to call them back friday', 'followUp'],
    ['reminders', 'followUp'],
  ])('"%s" → %s', (text, value) => {
    expect(steps.read(text)).toBe(value);
  });

  it.each([
    'how do i make a payment plan',
    'my payment plan is too high i cant keep up',
    'i need to practice what to say because i get so nervous',
    'what should i write down when i log a call',
  ])('a question or statement about the topic is not a request: "%s"', (text) => {
    expect(steps.read(text)).toBeUndefined();
  });
});

describe('readAtMenu', () => {
  const faq = realFaq();

  it('a request is the menu choice, before any FAQ answer', () => {
    expect(readAtMenu('financial assistance', faq, requests)).toEqual({ kind: 'menu', value: 'callPrep' });
  });

  it('a statement about her situation is answered from the FAQ', () => {
    const reading = readAtMenu('i was uninsured and the bill is way more than the estimate they gave me', faq, requests);
    expect(reading.kind === 'answer' && reading.entry.id).toBe('gfeDispute');
  });

  it('a word or two that the FAQ cannot place is left to the menu prompt', () => {
    expect(readAtMenu('yes', faq, requests)).toEqual({ kind: 'prompt' });
    expect(readAtMenu('2', faq, requests)).toEqual({ kind: 'prompt' });
  });

  it('three words or a question shape make a statement or question', () => {
    expect(isStatementOrQuestion('tell me a joke')).toBe(true);
    expect(isStatementOrQuestion('ok sure')).toBe(false);
  });
});

describe('FaqIndex.answerMidStep: in the middle of a step only an answer beyond doubt interrupts', () => {
  const faq = realFaq();

  it('answers a clear question', () => {
    expect(faq.answerMidStep('wait, what is an EOB?')?.id).toBe('eob');
  });

  it('leaves a button title shaped like a question to its prompt', () => {
    expect(faq.answerMidStep('What you can pay')).toBeUndefined();
  });
});
