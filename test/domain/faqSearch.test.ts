import path from 'node:path';
import { loadFaq } from '../../src/content/faqFiles';
import { FaqAnswer, FaqIndex, looksLikeQuestion } from '../../src/domain/faq';

const faq = new FaqIndex(loadFaq(path.join(__dirname, '..', '..', 'content', 'en', 'faq')));

/**
 * How people actually ask, written independently of the `phrasings` in content/en/faq (none is copied from
 * there): typos, rambling, "they told me…", mixed case. Each maps to the one entry that should answer it.
 */
const ASKED: ReadonlyArray<readonly [string, string]> = [
  // EOB and insurance words
  ['Can you explain what an EOB is', 'eob'],
  ['whats an eob', 'eob'],
  ['my insurance company sent me an explanation of benifits, do i need to pay that??', 'eob'],
  ['Is the paper from Aetna that says THIS IS NOT A BILL something I have to pay', 'eob'],
  ['the hospital wants $3,200 but my EOB says i only owe $800, which one is right', 'eobVsBill'],
  ['why does my bill not match what insurance says i owe', 'eobVsBill'],
  ['so I have to pay what the EOB says or what the hospital bill says?', 'eobVsBill'],
  ["what does 'allowed amount' mean", 'allowedAmount'],
  ['whats the amount allowed by my plan, is it different from the billed amount', 'allowedAmount'],
  ['what the heck is a deductable and why do i have to pay it', 'deductible'],
  ['deductable??', 'deductible'],
  ['i thought insurance would pay but they said it all went to my deductible??', 'deductible'],
  ['copay meaning pls', 'copay'],
  ['whats a co pay', 'copay'],
  ['what is co-insurance exactly', 'coinsurance'],
  ['EOB says I owe 20% coinsurance, what does that mean', 'coinsurance'],
  ['my insurer refused to cover the MRI, can I fight it', 'claimDenied'],
  ['is it legal for a doctor to balance bill me', 'balanceBilling'],
  ['balance billing??', 'balanceBilling'],
  // the bill itself
  ['how can I get my hospital to lower what I owe', 'lowerMyBill'],
  ['what are my options to reduce a $12,000 ER bill', 'lowerMyBill'],
  ["what's an itemized bill and why do I need one", 'itemizedBill'],
  ['how do i ask the hospital for an itemized statement', 'itemizedBill'],
  ['my hospital bill doesnt have any codes on it, how do i request one with every line', 'itemizedBill'],
  ['what are CPT codes on my hospital bill', 'billingCodes'],
  ['what does the revenue code column mean', 'billingCodes'],
  ["what's a revenue code", 'billingCodes'],
  ['I think I was charged twice for the same lab test', 'billingErrors'],
  ['how can i tell if they upcoded my visit', 'billingErrors'],
  ["what's upcoding", 'billingErrors'],
  ['they billed me for an xray i never had', 'notReceived'],
  ['how do I request my medical records from the hospital', 'medicalRecords'],
  ['Do I have a right to see my chart?', 'medicalRecords'],
  ['i just got a $9,000 bill in the mail, should i pay it right away??', 'firstBill'],
  ['insurance is still processing, should i pay the hospital now or wait', 'waitForInsurance'],
  ['can i ask them to hold off on billing me while i apply', 'billingHold'],
  // No Surprises Act and estimates
  ['what does the no surprises act do', 'noSurprisesAct'],
  ['I went to the ER and the hospital was out of network, now they want $5000', 'emergencyCare'],
  ['got a bill from an anesthesiologist who was out of network even though my hospital was in network', 'outOfNetworkDoctor'],
  ['does the no surprises act cover a helicopter ambulance', 'ambulance'],
  ['the ambulance charged me 2000 for a ten minute ride', 'ambulance'],
  ['Do I have to pay for an ambulance I didnt even call', 'ambulance'],
  ["what's the phone number for the no surprises help desk", 'helpDesk'],
  ["what's the number for the surprise billing hotline", 'helpDesk'],
  ["I'm uninsured, can I get an estimate before my surgery?", 'goodFaithEstimate'],
  ['WHAT IS A GOOD FAITH ESTIMATE AND DO I GET ONE', 'goodFaithEstimate'],
  ['my bill came in $900 higher than the estimate they gave me, can i dispute it', 'gfeDispute'],
  ['how long do i have to dispute a bill thats higher than my estimate', 'gfeDispute'],
  // financial assistance
  ['what is charity care and how does it work', 'financialAssistance'],
  ["does the hospital have any programs to help people who can't pay", 'financialAssistance'],
  ['how many days after my bill can I still apply for financial aid', 'applyDeadline'],
  ['how do I apply for charity at the hospital, what do they need from me', 'howToApply'],
  ['I make about 35,000 a year with 2 kids, would I qualify for free care?', 'willIQualify'],
  ["what does 'federal poverty guidelines' mean", 'povertyGuidelines'],
  ['the hospital is a non-profit, what rules do they have to follow', 'nonprofitHospital'],
  ['what is a nonprofit hospital required to do for patients', 'nonprofitHospital'],
  ['they approved my charity application but still charge me full price, is that allowed', 'amountsGenerallyBilled'],
  ["I already paid $500 toward the bill, will I get a refund if I'm approved for assistance", 'refundIfQualify'],
  ['my charity care application got denied, what can i do', 'assistanceDenied'],
  // collections and credit
  ['can a hospital send my bill to a collection agency', 'collectionsAllowed'],
  ['hospital sent me to collections after 2 months, is that even allowed', 'collectionsAllowed'],
  ['can the hospital sue me for not paying', 'extraordinaryCollectionActions'],
  ['can they garnish my paycheck over an ER bill', 'extraordinaryCollectionActions'],
  ['some debt buyer bought my hospital bill, who do i pay now', 'debtBuyers'],
  ['a debt collector keeps calling, what should i say to them', 'talkToCollector'],
  ['will this medical bill wreck my credit', 'creditReport'],
  ['can a collector report me to the credit bureau for a $300 bill', 'creditReport'],
  ['do medical bills go on your credit report if you pay them', 'creditReport'],
  ['I heard the CFPB banned medical debt from credit reports, is that true?', 'cfpbRule'],
  // paying
  ['does the hospital offer monthly payment plans without interest', 'paymentPlan'],
  ["I couldn't make my payment this month on the plan, what happens", 'missedPayment'],
  ['is carecredit a good idea for an $8000 hospital bill', 'medicalCreditCard'],
  ['whats the catch with medical credit cards', 'medicalCreditCard'],
  ['0% for 12 months sounds good, whats the catch with deferred interest', 'deferredInterest'],
  ['explain deferred interest to me', 'deferredInterest'],
  ['will they give me a discount if I pay the whole thing at once', 'promptPayDiscount'],
  ['how much less should I offer to settle my bill', 'lumpSumOffer'],
  ['they want my checking account and routing number, should I give it', 'paySafely'],
  ['I literally have zero money right now, what are my options', 'cantPayAnything'],
  // prices
  ['do hospitals have to post what they charge online', 'priceTransparency'],
  ['how do I know what a fair price is for an MRI', 'fairPrice'],
  ['is the medicare rate a good number to use when negotiating', 'medicareRates'],
  // on the phone
  ["the lady on the phone said that's just our standard rate and they can't lower it", 'saysStandardRate'],
  ["they're telling me I have to pay the full amount today or else", 'saysPayToday'],
  ['im on the phone with them right now and they want a payment today what do i say', 'saysPayToday'],
  ['the billing guy keeps pushing me to apply for a credit card', 'saysCreditCard'],
  ["the hospital said my account is already with collections so they can't do anything", 'saysInCollections'],
  ['they keep saying nothing shows up in their system', 'saysCantSee'],
  ['I get really anxious calling people, how do I get through this call', 'nervousOnPhone'],
  ['what should I take notes on when I call the billing dept', 'whatToWriteDown'],
  ["they said on the phone they'd lower it, do i need that in writing", 'getInWriting'],
  ['I applied for assistance 2 weeks ago and havent heard anything, when should I call', 'followUpTiming'],
  ["the billing office won't help me, who else can I complain to", 'escalation'],
  // about Bill Coach
  ['are you a bot or a real person', 'whatIsBillCoach'],
  ['can I trust this as legal advice', 'notAdvice'],
  ['how do I get you to erase everything I told you', 'myData'],
];

/** Not about medical bills, or nonsense: a confident answer here would be a wrong answer. */
const OFF_TOPIC: readonly string[] = [
  "what's the weather like tomorrow",
  'can you book my flight to Denver',
  'how do I cook rice',
  'is my doctor any good',
  'what is the capital of France',
  'tell me a joke',
  'asdfgh',
  'how do I file my taxes',
  'who won the game last night',
  'can you help me write a cover letter',
  'how do I reset my iphone password',
  'recommend a good movie for tonight',
  'should I buy bitcoin',
  'is my knee pain serious',
  'how do I renew my drivers license',
  'can you order me a pizza',
  'translate hello into spanish',
  'what time is it in Tokyo',
];

/** Terms the steps offer a "what's that?" button for. */
const REQUIRED_TERMS = ['eob', 'allowed amount', 'deductible', 'copay', 'coinsurance', 'good faith estimate', 'itemized bill', 'nonprofit hospital', 'financial assistance', 'prompt-pay discount', 'deferred interest'];

type Outcome = 'answered' | 'suggested' | 'wrong' | 'missed';

function outcome(result: FaqAnswer, id: string): Outcome {
  if (result.kind === 'answer') return result.entry.id === id ? 'answered' : 'wrong';
  if (result.kind === 'suggestions' && result.entries.some((e) => e.id === id)) return 'suggested';
  return 'missed';
}

describe('FaqIndex.answer on independently written user questions', () => {
  const results = ASKED.map(([text, id]) => {
    const result = faq.answer(text);
    return { text, id, result, outcome: outcome(result, id) };
  });
  const count = (o: Outcome) => results.filter((r) => r.outcome === o).length;

  it('the table is large enough and names only real entries', () => {
    expect(ASKED.length).toBeGreaterThanOrEqual(60);
    expect(ASKED.map(([, id]) => id).filter((id) => !faq.get(id))).toEqual([]);
    expect(new Set(ASKED.map(([text]) => text.toLowerCase())).size).toBe(ASKED.length);
  });

  it('none of the questions is copied from the phrasings or questions it should learn from', () => {
    const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
    const known = new Set(faq.entries.flatMap((e) => [e.question, ...e.phrasings]).map(norm));
    expect(ASKED.map(([text]) => text).filter((text) => known.has(norm(text)))).toEqual([]);
  });

  it('never answers confidently with the wrong entry', () => {
    const wrong = results.filter((r) => r.outcome === 'wrong').map((r) => `${r.text} → ${r.result.kind === 'answer' ? r.result.entry.id : ''} (expected ${r.id})`);
    expect(wrong).toEqual([]);
  });

  // Measured (issue 18, precision over recall): answered 80 / suggested 16 / wrong 0 / missed 0 of 96.
  it('answers at least 80% directly with the right entry, and offers the right one among the closest questions for the rest', () => {
    const notAnswered = results.filter((r) => r.outcome !== 'answered').map((r) => `${r.outcome}: ${r.text} (expected ${r.id})`);
    const summary = `answered ${count('answered')} / suggested ${count('suggested')} / wrong ${count('wrong')} / missed ${count('missed')} of ${results.length}`;
    const ok = count('answered') >= Math.ceil(results.length * 0.8) && count('answered') + count('suggested') === results.length;
    expect(ok ? [] : [summary, ...notAnswered]).toEqual([]);
  });

  it.each(OFF_TOPIC)('answers an off-topic question with nothing or "that\'s beyond what I cover", never a topic\'s answer: %s', (text) => {
    const result = faq.answer(text);
    expect(result.kind === 'answer' ? result.entry.id : result.kind).toMatch(/^(none|suggestions|beyondScope)$/);
  });

  it.each(REQUIRED_TERMS)('answers "what is %s?" with the entry that explains it', (term) => {
    const result = faq.answer(`what is ${term}?`);
    expect(result.kind === 'answer' && result.entry.id).toBe(faq.forTerm(term)?.id);
  });

  it('never answers "what is <term>?" with another entry, for any term', () => {
    const wrong = faq.entries.flatMap((entry) =>
      (entry.terms ?? []).flatMap((term) => {
        const result = faq.answer(`what is ${term}?`);
        return result.kind === 'answer' && result.entry.id !== entry.id ? [`${term} → ${result.entry.id}`] : [];
      }),
    );
    expect(wrong).toEqual([]);
  });

  it('answers a question button exactly, whatever the case and punctuation', () => {
    for (const entry of faq.entries) {
      const result = faq.answer(entry.question.toUpperCase().replace(/\?$/, ''));
      expect(result.kind === 'answer' && result.entry.id).toBe(entry.id);
    }
  });

  it('says nothing for empty or tiny input', () => {
    expect(faq.answer('').kind).toBe('none');
    expect(faq.answer('ok').kind).toBe('none');
  });
});

describe('looksLikeQuestion', () => {
  it.each(['$1,250', 'not sure', 'Mercy General Hospital', 'March 3', 'yes', '0', 'skip', 'about 40000 a year', 'my sister and me', 'none'])(
    'an answer to a prompt is not a question: %s',
    (text) => {
      expect(looksLikeQuestion(text)).toBe(false);
    },
  );

  it.each(['what is an EOB?', 'can they send me to collections', 'how do I ask for an itemized bill', 'is this a bill', 'they said I have to pay today?', 'do i have to pay it all today', 'Should I use a medical credit card'])(
    'a real question is a question: %s',
    (text) => {
      expect(looksLikeQuestion(text)).toBe(true);
    },
  );
});
