import { HARDSHIP_REASONS, type HardshipReason } from './callPrepModel';

/** The stock words a statement is built from (from content), and the phrases that show her own words already say a reason. */
export interface StatementWords {
  opening: string;
  closing: string;
  /** When she chose no reason and wrote nothing. */
  generic: string;
  sentences: Readonly<Record<HardshipReason, string>>;
  sameAs: Readonly<Record<HardshipReason, readonly string[]>>;
}

/** Lower case, one kind of apostrophe, single spaces, letters and digits only otherwise: for comparing phrases. */
function normalize(text: string): string {
  return ` ${text.toLowerCase().replace(/[’‘]/g, "'").replace(/[^\p{L}\p{N}']+/gu, ' ').trim()} `;
}

/** Month and day names to capitalise ("may" and "march" are left alone: they are also everyday words). */
const MONTHS_AND_DAYS = /\b(january|february|april|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/g;

/**
 * Her own words as she would write them in a letter: single spaces, a capital first letter, "I" for a
 * lone "i" (and "i'm", "i've"…), a capital after each full stop and on month names, and a final full stop.
 */
export function asSentence(words: string): string {
  const text = words.trim().replace(/\s+/g, ' ')
    .replace(/(^|[\s("])i(?=['’\s,;:!?)]|\.(?!\w)|$)/g, '$1I')
    .replace(/(\p{L}[.!?]\s+)(\p{Ll})/gu, (_, end: string, letter: string) => `${end}${letter.toUpperCase()}`)
    .replace(MONTHS_AND_DAYS, (name: string) => name.charAt(0).toUpperCase() + name.slice(1));
  if (text === '') return '';
  const capital = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?…]["')\]]?$/.test(capital) ? capital : `${capital}.`;
}

/** The reasons her own words already say ("I lost my job in August" says jobLoss). */
export function reasonsSaidIn(words: string, sameAs: StatementWords['sameAs']): HardshipReason[] {
  const said = normalize(words);
  return HARDSHIP_REASONS.filter((r) => sameAs[r].some((phrase) => said.includes(normalize(phrase))));
}

/**
 * The hardship statement, first person, each thing said once: the opening, a stock sentence for each
 * reason she chose that her own words don't already say, her own words as a sentence, the closing.
 * "Something else" gives way to her words when she wrote any: they say what it is.
 */
export function composeHardshipStatement(reasons: readonly HardshipReason[], ownWords: string | undefined, words: StatementWords): string {
  const own = ownWords === undefined ? '' : asSentence(ownWords);
  const chosen = HARDSHIP_REASONS.filter((r) => reasons.includes(r));
  if (chosen.length === 0 && own === '') return words.generic;
  const saidByHer = own === '' ? [] : reasonsSaidIn(own, words.sameAs);
  const stock = chosen.filter((r) => !saidByHer.includes(r) && !(r === 'other' && own !== '')).map((r) => words.sentences[r]);
  return [words.opening, ...stock, ...(own === '' ? [] : [own]), words.closing].join(' ');
}
