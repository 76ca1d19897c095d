/**
 * One simulated user's whole journey through the bot: step 1 (gather) → step 2 (prepare the call) →
 * step 3 (offer) → step 5 (log a call, accept the proposed follow-up). Answers are realistic and vary
 * per user (a seeded random source), but always take the same path, so every turn can name the content
 * key of the reply it must get — a re-ask, an error or a wrong branch fails the turn.
 */

export interface Turn {
  /** Short stable name, for per-turn latency figures. */
  label: string;
  /** 'join' is the conversationUpdate a channel sends when the chat opens. */
  kind: 'join' | 'message';
  /** What the user types (also the fallback when `pick` finds no button). */
  text: string;
  /** Click the suggested action (from the previous turn's replies) whose title matches. */
  pick?: RegExp;
  /** Content keys whose text must appear among this turn's replies. */
  expect: string[];
}

export type Random = () => number;

/** mulberry32: small, fast, seedable. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pickOne = <T>(rnd: Random, items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;
const between = (rnd: Random, min: number, max: number): number => min + Math.floor(rnd() * (max - min + 1));
const DAY = 86_400_000;
const longDate = (ms: number): string =>
  new Date(ms).toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
const dollars = (cents: number, withCents = false): string =>
  `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: withCents ? 2 : 0, maximumFractionDigits: withCents ? 2 : 0 })}`;

/** Real hospitals from CMS's list (content/data/hospitals) and their states: the first button the look-up offers. */
const HOSPITALS = [
  { typed: 'Cleveland Clinic', state: 'Ohio', button: /^Cleveland Clinic — / },
  { typed: 'Mercy General Hospital', state: 'California', button: /^Mercy General Hospital — / },
  { typed: 'Northside Hospital', state: 'Georgia', button: /^Northside Hospital — / },
  { typed: 'Mount Sinai Hospital', state: 'New York', button: /^Mount Sinai Hospital — / },
  { typed: 'Penn Presbyterian Medical Center', state: 'Pennsylvania', button: /^Penn Presbyterian Medical Center — / },
  { typed: 'Rush University Medical Center', state: 'Illinois', button: /^Rush University Medical Center — / },
];
const OWN_WORDS = [
  'I had surgery and was out of work for two months.',
  'My hours were cut and I support two kids on my own.',
  'I am between jobs and my savings are gone.',
  'Rent went up and I already pay another hospital bill.',
];
const PEOPLE = ['Dana', 'Marcus', 'Priya', 'Not sure', 'Linda', 'José'];
const OUTCOMES = [
  { button: /review the bill/i, typed: "They'll review the bill", notes: 'They will look at the charges again.' },
  { button: /applied for assistance/i, typed: 'I applied for assistance', notes: 'I sent the application and proof of income.' },
  { button: /itemized bill/i, typed: 'Waiting for the itemized bill', notes: 'They are mailing the itemized bill.' },
];

/** The turns of one user's journey, in order. `now` anchors the dates (the bot reads them against its clock). */
export function journeyFor(rnd: Random, now = Date.now()): Turn[] {
  const serviceMs = now - between(rnd, 60, 240) * DAY;
  const balanceCents = between(rnd, 800, 12_000) * 100 + between(rnd, 0, 99);
  const billedCents = Math.round(balanceCents * (2 + rnd()));
  const allowedCents = Math.round(billedCents * 0.6);
  const planPaidCents = Math.round(allowedCents * 0.5);
  const deductibleCents = Math.min(between(rnd, 0, 20) * 10_000, allowedCents - planPaidCents);
  const coinsuranceCents = Math.round((allowedCents - planPaidCents - deductibleCents) * 0.2);
  const income = pickOne(rnd, [
    { period: 'Per year', amount: `$${between(rnd, 18, 90)},${between(rnd, 100, 900)}` },
    { period: 'Per month', amount: `$${between(rnd, 1, 7)},${between(rnd, 100, 900)}` },
    { period: 'Per hour', amount: `$${between(rnd, 12, 35)}.50`, hours: String(between(rnd, 20, 45)) },
  ]);
  const outcome = pickOne(rnd, OUTCOMES);
  const hospital = pickOne(rnd, HOSPITALS);
  const picksHospital = rnd() < 0.75;
  const typeMenu = rnd() < 0.5; // half type the number, half click the menu button
  const step = (n: number, name: RegExp): Pick<Turn, 'text' | 'pick'> => (typeMenu ? { text: String(n) } : { text: String(n), pick: name });
  const m = (label: string, text: string, expect: string[], pick?: RegExp): Turn => ({ label, kind: 'message', text, expect, ...(pick ? { pick } : {}) });

  return [
    { label: 'join', kind: 'join', text: '', expect: ['welcome.first', 'menu.prompt'] },
    // Step 1 · gather
    { ...m('menu→1', '', ['checkCard.intro', 'intake.providerName.ask']), ...step(1, /^1 · /) },
    m('intake.provider', hospital.typed, ['intake.providerKind.ask']),
    // A hospital is looked up in CMS's list in her state (asked right then); most pick it, some say it isn't there.
    m('intake.kind', 'Hospital or ER', ['intake.hospital.needState', 'intake.state.ask'], /^Hospital/),
    m('intake.state', hospital.state, ['intake.hospital.ask']),
    ...(picksHospital
      ? [m('intake.hospital', hospital.typed, ['intake.hospital.found', 'intake.serviceDate.ask'], hospital.button)]
      : [m('intake.hospital.none', 'None of these', ['intake.hospital.noneSaid', 'intake.nonprofit.ask'], /^None of these$/),
        m('intake.nonprofit', pickOne(rnd, ['yes', 'No', 'Not sure']), ['intake.serviceDate.ask'])]),
    m('intake.serviceDate', longDate(serviceMs), ['intake.firstBillDate.ask']),
    m('intake.firstBill', longDate(serviceMs + between(rnd, 20, 45) * DAY), ['intake.balance.ask']),
    m('intake.balance', dollars(balanceCents, true), ['intake.dueDate.ask']),
    m('intake.dueDate', pickOne(rnd, [longDate(now + between(rnd, 14, 60) * DAY), 'not sure']), ['intake.insurance.ask']),
    m('intake.insurance', pickOne(rnd, ['Employer plan', 'Marketplace plan']), ['intake.inCollections.ask']),
    m('intake.collections', pickOne(rnd, ['no', 'No', 'not sure']), ['intake.itemizedBill.ask']),
    m('intake.itemized', 'Yes, I have it', ['eob.eobStatus.ask'], /^Yes/),
    m('eob.status', 'Processed / paid', ['eob.owed.ask'], /^Processed/),
    m('eob.owed', dollars(allowedCents - planPaidCents), ['eob.billed.ask']),
    m('eob.billed', dollars(billedCents), ['eob.allowed.ask']),
    m('eob.allowed', dollars(allowedCents), ['eob.planPaid.ask']),
    m('eob.planPaid', dollars(planPaidCents), ['eob.split.ask']),
    m('eob.split', 'Add the split', ['eob.deductible.ask'], /^Add the split$/),
    m('eob.deductible', deductibleCents === 0 ? '0' : dollars(deductibleCents), ['eob.copay.ask']),
    m('eob.copay', pickOne(rnd, ['$0', '$50', '$150']), ['eob.coinsurance.ask']),
    m('eob.coinsurance', dollars(coinsuranceCents), ['eob.emergency.ask']),
    m('eob.emergency', pickOne(rnd, ['yes', 'no']), ['eob.outOfNetwork.ask']),
    m('eob.outOfNetwork', pickOne(rnd, ['no', 'not sure']), ['lines.offer.ask']),
    m('lines.skip', 'Skip', ['prices.offer.ask'], /^Skip$/),
    m('prices.skip→card', 'Skip', ['checkCard.download.intro', 'checkCard.done'], /^Skip$/),
    // Step 2 · prepare the call
    { ...m('menu→2', '', ['callPrep.intro', 'screen.householdSize.ask']), ...step(2, /^2 · /) },
    m('screen.household', String(between(rnd, 1, 5)), ['screen.income.ask']),
    m('screen.income', income.amount, ['screen.incomePeriod.ask']),
    m('screen.period', income.period, [income.hours ? 'screen.hoursPerWeek.ask' : 'callPrep.confirm.ask'], new RegExp(`^${income.period}$`)),
    ...(income.hours ? [m('screen.hours', income.hours, ['callPrep.confirm.ask'])] : []),
    m('screen.confirm', 'Yes', ['hardship.reasons.ask'], /^Yes$/),
    m('hardship.reasons', pickOne(rnd, ['1, 5', '2', '3, 5', '1']), ['hardship.ownWords.ask']),
    m('hardship.ownWords', pickOne(rnd, OWN_WORDS), ['hardship.show']),
    m('hardship.use→script', 'Use this', ['hardship.saved', 'script.file.intro', 'callPrep.done'], /^Use this$/),
    // Step 3 · offer or payment plan
    { ...m('menu→3', '', ['offer.intro', 'offer.cash.ask']), ...step(3, /^3 · /) },
    // Cash is a share of what she owes (the EOB's allowed − paid, below the balance): never more than that.
    m('offer.cash', rnd() < 0.15 ? '0' : dollars(Math.floor(((allowedCents - planPaidCents) * (0.2 + 0.5 * rnd())) / 5000) * 5000), ['offer.monthly.ask']),
    m('offer.monthly→cards', pickOne(rnd, ['$50', '$100', '$150', '$250']), ['offer.file.intro', 'offer.done']),
    // Step 5 · follow-ups
    { ...m('menu→5', '', ['followUp.intro', 'followUp.menu.ask']), ...step(5, /^5 · /) },
    m('followUp.log', 'Log a call', ['followUp.call.callDate.ask'], /^Log a call$/),
    m('call.date', pickOne(rnd, ['today', 'yesterday']), ['answers.sayBack', 'followUp.call.who.ask']),
    m('call.who', pickOne(rnd, PEOPLE), ['followUp.call.department.ask']),
    m('call.department', pickOne(rnd, ['billing', 'financial assistance', 'patient accounts']), ['followUp.call.reference.ask']),
    m('call.reference', pickOne(rnd, [`REF-${between(rnd, 1000, 99_999)}`, 'none']), ['followUp.call.outcome.ask']),
    m('call.outcome', outcome.typed, ['followUp.call.notes.ask'], outcome.button),
    m('call.notes', outcome.notes, ['followUp.saved', 'followUp.propose.ask']),
    m('followUp.accept', 'Yes', ['followUp.scheduled'], /^Yes, /),
  ];
}

/** The parts of a stored case that prove a journey really finished (read back from storage). */
export interface StoredCase {
  progress?: Record<string, string>;
  billCheck?: unknown;
  hardship?: unknown;
  offer?: unknown;
  calls?: unknown[];
  followUps?: unknown[];
}

/** Empty when the case holds everything the journey gave it; otherwise what is missing. */
export function missingFromCase(c: StoredCase | undefined): string[] {
  if (!c) return ['no active case'];
  const missing: string[] = [];
  for (const step of ['gather', 'callPrep', 'offer']) if (c.progress?.[step] !== 'done') missing.push(`progress.${step} not done`);
  if (!c.billCheck) missing.push('billCheck');
  if (!c.hardship) missing.push('hardship');
  if (!c.offer) missing.push('offer');
  if (!c.calls?.length) missing.push('calls');
  if (!c.followUps?.length) missing.push('followUps');
  return missing;
}
