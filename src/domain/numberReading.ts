import { recognizeNumber } from '@microsoft/recognizers-text-number';
import { dollarsToCents, type Cents, type DollarsProblem } from './money';
import { plainNumber } from './plainNumber';

/**
 * Reading the number a sentence is about, the way people answer "how much?" and "how many?":
 * "about $2,400", "40k a year", "I can keep 1500 and do 150 a month", "3 (me and my 2 kids)".
 * Pure: no botbuilder. Numbers are found by Microsoft's Recognizers-Text (words, "40k", "2,400"), and only
 * when the answer is not a plain number (the common case, read without the recognizer).
 */

export const AMOUNT_PERIODS = ['hour', 'week', 'month', 'year'] as const;
export type AmountPeriod = (typeof AMOUNT_PERIODS)[number];

export interface NumberMention {
  value: number;
  /** "a year", "per month", "/hr", "monthly" right after the number. */
  period?: AmountPeriod;
  /** Inside parentheses: an aside ("3 (me and my 2 kids)"), not the answer. */
  aside: boolean;
  /** Followed by people other than the speaker: "2 kids", "3 children". */
  others?: boolean;
}

const OTHER_PEOPLE = /^\s*(?:little\s+|young\s+|grown\s+)?(?:kids?|children|child|sons?|daughters?|grandkids|grandchildren|dependents?|others?|roommates?|siblings?|brothers?|sisters?|parents?)\b/i;
const namesOthers = (rest: string): boolean => OTHER_PEOPLE.test(rest);

const PERIOD_WORDS: readonly [RegExp, AmountPeriod][] = [
  [/^(?:hours?|hrs?|hourly)\b/, 'hour'],
  [/^(?:weeks?|wks?|weekly)\b/, 'week'],
  [/^(?:months?|mos?|monthly|mth)\b/, 'month'],
  [/^(?:years?|yrs?|yearly|annually|annual)\b/, 'year'],
];

/** The period named right after a number: "k a year", " dollars per month", "/hr", " monthly". */
function periodAfter(rest: string): AmountPeriod | undefined {
  const tail = rest.toLowerCase().replace(/^\s*(?:dollars?|bucks|usd)?\s*/, '').replace(/^(?:an?|per|each|every|a\s+|\/)\s*/, '');
  return PERIOD_WORDS.find(([pattern]) => pattern.test(tail))?.[1];
}

function insideParentheses(text: string, index: number): boolean {
  const before = text.slice(0, index);
  return before.lastIndexOf('(') > before.lastIndexOf(')');
}

/**
 * The recognizer builds its models on every call (a few ms), and one answer is read up to three times in a
 * turn (the prompt, its validator, the questionnaire): the latest readings are kept, by text.
 */
const recent = new Map<string, NumberMention[]>();
const RECENT_MAX = 32;

/** Every number in the text with what stands around it. */
export function numberMentions(text: string): NumberMention[] {
  const plain = plainNumber(text);
  if (plain !== undefined) return [{ value: plain, aside: false }];
  if (text.length > 300) return [];
  const known = recent.get(text);
  if (known) return known;
  const found = recognizedMentions(text);
  if (recent.size >= RECENT_MAX) recent.delete(recent.keys().next().value ?? '');
  recent.set(text, found);
  return found;
}

function recognizedMentions(text: string): NumberMention[] {
  // "$2,400 dollars" reads as ",400" to the recognizer: the sign goes (same length, so indexes hold).
  const scrubbed = text.replace(/\$/g, ' ');
  return recognizeNumber(scrubbed, 'en-us').flatMap((found) => {
    const value = Number(found.resolution?.value);
    if (!Number.isFinite(value)) return [];
    return [{ value, period: periodAfter(scrubbed.slice(found.end + 1)), aside: insideParentheses(scrubbed, found.start), others: namesOthers(scrubbed.slice(found.end + 1)) }];
  });
}

/** Which number a question wants when an answer holds several. */
export type AmountRole = 'any' | 'lumpSum' | 'monthly';

export interface AmountAnswer {
  cents: Cents;
  period?: AmountPeriod;
  /** The other amounts of the answer, each of another kind ("…and do 150 a month"); no period: a sum now. */
  others: { cents: Cents; period?: AmountPeriod }[];
}

export type AmountReading = AmountAnswer | { problem: 'unclear' | 'several' | DollarsProblem };

/**
 * Digits grouped in a way that has two readings: "1,25" (a decimal comma?), "$1,2345", "1 250". Asked again,
 * never guessed: the comma must be followed by exactly three digits, and thousands are not split by a space.
 */
const AMBIGUOUS_GROUPING = /\d,(?!\d{3}(?!\d))\d|\d \d{3}(?!\d)/;

/**
 * The amount an answer is about. One number is the answer; with several, the one that fits the question
 * (a lump sum has no period, a monthly budget says "a month") and the rest are kept as `others` when each
 * names its period; anything else ("400 or 500") is `several`, so a stray number never becomes an answer.
 */
export function readAmount(text: string, role: AmountRole = 'any'): AmountReading {
  if (AMBIGUOUS_GROUPING.test(text)) return { problem: 'several' };
  const mentions = numberMentions(text).filter((m) => !m.aside);
  if (mentions.length === 0) return { problem: 'unclear' };
  let main: NumberMention | undefined;
  if (mentions.length === 1) main = mentions[0];
  else {
    const wanted = (m: NumberMention) => (role === 'monthly' ? m.period === 'month' : role === 'lumpSum' ? m.period === undefined : false);
    const fits = mentions.filter(wanted);
    const rest = mentions.filter((m) => !wanted(m));
    // Each other amount must be of another kind, and no two of one kind: "1500 now and 150 a month".
    const kinds = new Set(rest.map((m) => m.period ?? 'now'));
    if (fits.length === 1 && kinds.size === rest.length && !(role === 'lumpSum' && kinds.has('now'))) main = fits[0];
  }
  if (!main) return { problem: 'several' };
  const cents = dollarsToCents(main.value);
  if ('problem' in cents) return cents;
  const others: AmountAnswer['others'] = [];
  for (const m of mentions) {
    if (m === main) continue;
    const c = dollarsToCents(m.value);
    if ('cents' in c) others.push({ cents: c.cents, period: m.period });
  }
  return { cents: cents.cents, period: main.period, others };
}

export type CountReading = { count: number } | { problem: 'unclear' | 'notWhole' };

/** "me and my 2 kids", "my wife and me + 3 children": the user plus the people they name. */
const INCLUDES_SPEAKER = /\b(?:me|myself|i)\s+(?:and|&|\+|plus)\b|\b(?:and|&|\+|plus)\s+(?:me|myself)\b/i;

/**
 * The count an answer is about: "3", "3 people", "3 (me and my 2 kids)", "three". An answer that only
 * names others besides the speaker ("me and my 2 kids") counts the speaker too. Several numbers outside
 * an aside are unclear.
 */
export function readCount(text: string): CountReading {
  const all = numberMentions(text);
  const main = all.filter((m) => !m.aside);
  const withSpeaker = INCLUDES_SPEAKER.test(text);
  // "4, me and my 3 kids": the total and the others it counts.
  const [a, b] = main;
  if (main.length === 2 && a && b && withSpeaker && b.others && a.value === b.value + 1) return whole(a.value);
  if (main.length !== 1 || !main[0]) return { problem: 'unclear' };
  const only = main[0];
  // "me and my 2 kids": the people named besides the speaker, plus the speaker.
  if (withSpeaker && only.others) return whole(only.value + 1);
  return whole(only.value);
}

function whole(value: number): CountReading {
  return Number.isInteger(value) ? { count: value } : { problem: 'notWhole' };
}

/** True when an answer needs saying back: anything but a bare number was read. */
export function isPlainNumberAnswer(text: string): boolean {
  return plainNumber(text) !== undefined;
}
