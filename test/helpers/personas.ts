import { itemizedBillPdf } from '../ingest/billFixtures';
import type { Answer, AttachedFile, JourneyStep, Persona, Reply } from './journeyDriver';

/**
 * The people the walkthrough and the journey test walk through the page, as data: which question each
 * answer is for (its content key), and what they type or press. `natural` answers are typed the way a
 * stressed person types; where the bot may not understand them yet, `plain` is the answer used when it
 * asks again (the walkthrough records the re-ask). `plainOnly` personas use the plain answers from
 * the start, so a test can walk the journey as it works today.
 */

const press = (key: string): Reply => ({ press: key });
const type = (text: string): Reply => ({ type: text });
const attach = (file: AttachedFile): Reply => ({ attach: file });
const DAY = 86_400_000;

/** A date `days` from today, as people write it: "December 20, 2026". */
export function dateFromToday(days: number, now = Date.now()): string {
  return new Date(now + days * DAY).toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
}

/** "dec 20": a date from today in the short way people type it. */
function shortDate(days: number, now = Date.now()): string {
  const d = new Date(now + days * DAY);
  return `${d.toLocaleDateString('en-US', { month: 'short', timeZone: 'UTC' }).toLowerCase()} ${d.getUTCDate()}`;
}

/** A date `days` from today as a bill line writes it: "9/18/2026". */
function numericDate(days: number, now = Date.now()): string {
  const d = new Date(now + days * DAY);
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()}`;
}

/** Maria's itemized bill as her hospital's patient portal gives it: a PDF with the ER visit on it twice. */
function mariasBillPdf(now: number): AttachedFile {
  const day = new Date(now - 75 * DAY);
  const iso = day.toISOString().slice(0, 10);
  const printedDate = `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;
  const visit = { date: iso, printedDate, code: '99284', description: 'ER visit', units: 1, chargeCents: 120_000 };
  return { name: 'Mercy General itemized bill.pdf', mimeType: 'application/pdf', bytes: () => itemizedBillPdf([visit, visit], 'Mercy General Hospital') };
}

interface Natural {
  when: string;
  vars?: Answer['vars'];
  /** As a person types it. */
  natural: Reply;
  /** As the bot surely understands it (used from the start by plain personas, after a re-ask otherwise). */
  plain?: Reply;
}

function answers(list: readonly Natural[], plainOnly: boolean): Answer[] {
  return list.map((n) => {
    const base = { when: n.when, ...(n.vars ? { vars: n.vars } : {}) };
    if (plainOnly) return { ...base, reply: n.plain ?? n.natural };
    return { ...base, reply: n.natural, ...(n.plain ? { plain: n.plain } : {}) };
  });
}

const MENU_DONE = ['menu.promptWithCase'];
const menuStart = (option: string): Reply => press(`menu.options.${option}.title`);

/** Maria: insured, an ER visit at a nonprofit hospital in Ohio; $2,400 billed, $850 owed per the EOB. */
function maria(plainOnly: boolean): Persona {
  const now = Date.now();
  const gather: Natural[] = [
    { when: 'intake.providerName.ask', natural: type('Mercy General Hospital') },
    { when: 'intake.providerKind.ask', natural: press('intake.providerKind.choices.hospital') },
    // Her hospital is not in CMS's list under that name in Ohio: she says so, and answers the nonprofit question.
    { when: 'intake.hospital.ask', natural: press('intake.hospital.none') },
    { when: 'intake.nonprofit.ask', natural: press('intake.nonprofit.choices.yes') },
    { when: 'intake.serviceDate.ask', natural: type(dateFromToday(-75, now)) },
    { when: 'intake.firstBillDate.ask', natural: type(dateFromToday(-45, now)) },
    { when: 'intake.balance.ask', natural: type('$2,400') },
    { when: 'intake.dueDate.ask', natural: type(shortDate(18, now)), plain: type(dateFromToday(18, now)) },
    { when: 'intake.insurance.ask', natural: type('through my job'), plain: press('intake.insurance.choices.employer') },
    { when: 'intake.inCollections.ask', natural: press('intake.inCollections.choices.no') },
    { when: 'intake.state.ask', natural: type('Ohio') },
    { when: 'intake.itemizedBill.ask', natural: press('intake.itemizedBill.choices.have') },
    { when: 'eob.eobStatus.ask', natural: press('eob.eobStatus.choices.processed') },
    { when: 'eob.owed.ask', natural: type('$850') },
    { when: 'eob.billed.ask', natural: type('$2,400') },
    { when: 'eob.allowed.ask', natural: type('$1,700') },
    { when: 'eob.planPaid.ask', natural: type('$850') },
    { when: 'eob.split.ask', natural: press('eob.split.choices.no') },
    { when: 'eob.deductible.ask', natural: type('$500') },
    { when: 'eob.copay.ask', natural: type('$100') },
    { when: 'eob.coinsurance.ask', natural: type('$250') },
    { when: 'eob.emergency.ask', natural: press('eob.emergency.choices.yes') },
    { when: 'eob.outOfNetwork.ask', natural: press('eob.outOfNetwork.choices.no') },
    // The itemized bill has the ER visit twice: the check finds the duplicate. She sends the portal's PDF of it
    // (the plain persona types the lines instead).
    { when: 'lines.offer.ask', natural: press('lines.offer.upload'), plain: press('lines.offer.add') },
    { when: 'upload.ask', natural: attach(mariasBillPdf(now)) },
    { when: 'upload.card.titleBill', natural: press('upload.card.confirm') },
    { when: 'lines.entry.first', natural: type(`${numericDate(-75, now)}, 99284, ER visit, 1, $1,200`) },
    { when: 'lines.notReceived.ask', natural: press('lines.notReceived.none') },
    { when: 'prices.offer.ask', natural: press('prices.offer.skip') },
  ];
  const lineLoop: Answer = { when: 'lines.entry.next', reply: [type(`${numericDate(-75, now)}, 99284, ER visit, 1, $1,200`), press('lines.entry.done')] };
  const callPrep: Natural[] = [
    { when: 'screen.householdSize.ask', natural: type('3 (me and my 2 kids)'), plain: type('3') },
    { when: 'screen.income.ask', natural: type('about 40k a year'), plain: type('$40,000') },
    { when: 'screen.incomePeriod.ask', natural: press('screen.incomePeriod.choices.year') },
    { when: 'screen.state.ask', natural: type('Ohio') },
    { when: 'callPrep.confirm.ask', natural: type('yes') },
    { when: 'hardship.reasons.ask', natural: type('2, 6') },
    { when: 'hardship.ownWords.ask', natural: type('My hours were cut this fall and I support two kids on my own.') },
    { when: 'hardship.show', natural: press('hardship.choices.use') },
  ];
  const offer: Natural[] = [
    { when: 'offer.cash.ask', natural: type('I could do 300 now'), plain: type('$300') },
    { when: 'offer.monthly.ask', natural: type('maybe $75 a month'), plain: type('$75') },
    { when: 'offer.keep.ask', natural: press('offer.keep.keep') },
  ];
  const rehearsal: Natural[] = [{ when: 'rehearsal.pick.ask', natural: type('Hospital billing office') }];
  const lines = [
    "Hi, I'm calling about my account for my ER visit at Mercy General.",
    "I can't pay the full balance — my hours were cut. Do you have financial assistance?",
    'Could you send me an itemized bill with the codes?',
    "I'd rather not use a credit card. I can pay $300 once if we settle the account.",
    'Could you send that to me in writing, and may I have your name and a reference number?',
    'Thank you, that helps.',
  ];
  const followUp: Natural[] = [
    { when: 'followUp.call.callDate.ask', natural: type('today') },
    { when: 'followUp.call.who.ask', natural: type('Dana') },
    { when: 'followUp.call.department.ask', natural: type('billing') },
    { when: 'followUp.call.reference.ask', natural: type('REF-20417') },
    { when: 'followUp.call.outcome.ask', natural: press('followUp.call.outcome.choices.waitingReview') },
    { when: 'followUp.call.notes.ask', natural: type('They will review the charges against my EOB and call me back.') },
    { when: 'followUp.propose.ask', natural: type('yes') },
  ];
  const steps: JourneyStep[] = [
    { id: 'gather', title: 'Step 1 · Gather information', start: menuStart('gather'), answers: [...answers(gather, plainOnly), lineLoop], until: MENU_DONE },
    { id: 'callPrep', title: 'Step 2 · Prepare the call', start: menuStart('callPrep'), answers: answers(callPrep, plainOnly), until: MENU_DONE },
    {
      // After the screen she asks what the nonprofit rules are: the answer names section 501(r).
      id: 'ask', title: 'A question: 501(r)', start: menuStart('ask'),
      answers: [
        { when: 'ask.prompt', reply: type('What does 501(r) mean for a nonprofit hospital?') },
        { when: 'ask.again.ask', reply: press('ask.again.menu') },
      ],
      until: MENU_DONE,
    },
    { id: 'offer', title: 'Step 3 · Offer or payment plan', start: menuStart('offer'), answers: answers(offer, plainOnly), until: MENU_DONE },
    {
      id: 'rehearsal', title: 'Step 4 · Rehearse the call', start: menuStart('rehearsal'),
      answers: [
        ...answers(rehearsal, plainOnly),
        { when: 'rehearsal.progress', reply: lines.map(type) },
        { when: 'rehearsal.report.ask', reply: press('rehearsal.report.menu') },
      ],
      until: MENU_DONE,
    },
    {
      id: 'followUp', title: 'Step 5 · Follow-ups', start: menuStart('followUp'),
      // Log a call first; when the step's menu comes back, done for now.
      answers: [{ when: 'followUp.menu.ask', reply: [press('followUp.menu.log'), press('followUp.menu.done')] }, ...answers(followUp, plainOnly)],
      until: MENU_DONE,
    },
    { id: 'myCase', title: 'My case', start: menuStart('myCase'), answers: [], until: ['card.whatNext'] },
  ];
  return {
    id: plainOnly ? 'maria-plain' : 'maria',
    title: 'Maria — insured, ER visit in Ohio',
    story: 'Insured through her job, an ER visit at Mercy General Hospital (a nonprofit) in Ohio: $2,400 billed, $850 owed per the EOB; household of 3, about $40,000 a year.',
    steps,
  };
}

/** James: uninsured, billed $2,100 by a for-profit imaging clinic against a $1,200 Good Faith Estimate, in collections. */
function james(plainOnly: boolean): Persona {
  const now = Date.now();
  const gather: Natural[] = [
    { when: 'intake.providerName.ask', natural: type('Clearview Imaging') },
    { when: 'intake.providerKind.ask', natural: press('intake.providerKind.choices.imaging') },
    { when: 'intake.nonprofit.ask', natural: press('intake.nonprofit.choices.no') },
    { when: 'intake.serviceDate.ask', natural: type(dateFromToday(-150, now)) },
    { when: 'intake.firstBillDate.ask', natural: type(dateFromToday(-130, now)) },
    { when: 'intake.balance.ask', natural: type('2100') },
    { when: 'intake.dueDate.ask', natural: type('not sure') },
    { when: 'intake.insurance.ask', natural: type("i don't have insurance"), plain: press('intake.insurance.choices.uninsured') },
    { when: 'intake.inCollections.ask', natural: press('intake.inCollections.choices.yes') },
    { when: 'intake.collectionsDate.ask', natural: type('last month'), plain: type(dateFromToday(-30, now)) },
    { when: 'intake.state.ask', natural: type('TX') },
    { when: 'intake.itemizedBill.ask', natural: press('intake.itemizedBill.choices.missing') },
    { when: 'eob.hasEstimate.ask', natural: press('eob.hasEstimate.choices.yes') },
    { when: 'eob.estimate.ask', natural: type('$1,200') },
    { when: 'lines.offer.ask', natural: press('lines.offer.skip') },
    { when: 'prices.offer.ask', natural: press('prices.offer.skip') },
  ];
  const callPrep: Natural[] = [
    { when: 'screen.householdSize.ask', natural: type('just me'), plain: type('1') },
    { when: 'screen.income.ask', natural: type('about 2,600 a month'), plain: type('$2,600') },
    { when: 'screen.incomePeriod.ask', natural: press('screen.incomePeriod.choices.month') },
    { when: 'screen.state.ask', natural: type('Texas') },
    { when: 'callPrep.confirm.ask', natural: type('yes') },
    { when: 'hardship.reasons.ask', natural: type('skip') },
    { when: 'hardship.ownWords.ask', natural: type('skip') },
    { when: 'hardship.show', natural: press('hardship.choices.use') },
  ];
  const offer: Natural[] = [
    { when: 'offer.cash.ask', natural: type('maybe 500'), plain: type('$500') },
    { when: 'offer.monthly.ask', natural: type('100 a month'), plain: type('$100') },
  ];
  return {
    id: plainOnly ? 'james-plain' : 'james',
    title: 'James — uninsured, imaging clinic, in collections',
    story: 'Uninsured; billed $2,100 by Clearview Imaging (a for-profit clinic) against a $1,200 Good Faith Estimate; the bill is already with a collection agency.',
    steps: [
      { id: 'gather', title: 'Step 1 · Gather information', start: menuStart('gather'), answers: answers(gather, plainOnly), until: MENU_DONE },
      { id: 'callPrep', title: 'Step 2 · Prepare the call', start: menuStart('callPrep'), answers: answers(callPrep, plainOnly), until: MENU_DONE },
      { id: 'offer', title: 'Step 3 · Offer or payment plan', start: menuStart('offer'), answers: answers(offer, plainOnly), until: MENU_DONE },
      {
        // Before calling the collector he looks at his dates and at what to do if he gets stuck.
        id: 'followUp', title: 'Step 5 · Follow-ups: deadlines, when stuck', start: menuStart('followUp'),
        answers: [{ when: 'followUp.menu.ask', reply: [press('followUp.menu.deadlines'), press('followUp.menu.stuck'), press('followUp.menu.done')] }],
        until: MENU_DONE,
      },
      { id: 'myCase', title: 'My case', start: menuStart('myCase'), answers: [], until: ['card.whatNext'] },
    ],
  };
}

export const PERSONAS = {
  /** As she types: natural answers, re-asks recorded. */
  maria: () => maria(false),
  /** The same journey with answers the bot understands today (the journey test). */
  mariaPlain: () => maria(true),
  james: () => james(false),
  jamesPlain: () => james(true),
} as const;

export type PersonaId = keyof typeof PERSONAS;
