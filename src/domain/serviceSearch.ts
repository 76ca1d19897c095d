/**
 * Finding the service a bill line is about, from what the user typed: a code as printed on the bill
 * ("99284", "73721-26", "73721 TC", "CPT 99213") or a few words ("knee MRI", "er visit level 4", "blood test").
 * Pure: the plain names and search words come in as a catalogue (content/en/serviceLabels.yaml, read by
 * src/content/serviceCatalog.ts). The result is a short ranked list for the user to confirm, never a guess
 * taken as fact.
 */

/** One code with our own plain name and the words people use for it. */
export interface ServiceLabel {
  code: string;
  label: string;
  words: readonly string[];
}

/** A block of codes sharing one plain name (anesthesia codes 00100–01999). */
export interface ServiceRange {
  from: string;
  to: string;
  label: string;
  words: readonly string[];
}

export interface ServiceCatalog {
  services: readonly ServiceLabel[];
  ranges: readonly ServiceRange[];
}

/** The modifiers that change what Medicare pays for an imaging or test code: the reading (26) or the machine part (TC). */
export const PRICING_MODIFIERS = ['26', 'TC'] as const;
export type PricingModifier = (typeof PRICING_MODIFIERS)[number];

export interface BillCode {
  /** Upper case, as CMS lists it: "99284", "J1885", "0001U". */
  code: string;
  modifier?: PricingModifier;
}

export interface ServiceCandidate extends BillCode {
  /** Our plain name, when the catalogue has one for the code. */
  label?: string;
  /** 'code': she typed this code; 'words': it matches the words she typed. */
  match: 'code' | 'words';
  /** Higher is better; a code she typed always ranks first. */
  score: number;
}

/** CPT (5 digits, or 4 digits and a letter: 0001U, 1234F) or HCPCS Level II (a letter and 4 digits: J1885). */
const CODE = /^(?:\d{4}[0-9A-Z]|[A-Z]\d{4})$/;
/** A code glued to its modifier: "73721TC", "7372126" is not read (ambiguous), "73721-26" is split by the tokenizer. */
const CODE_WITH_MODIFIER = /^(\d{4}[0-9A-Z]|[A-Z]\d{4})(TC)$/;
const MODIFIER = /^[0-9A-Z]{2}$/;

/** The first billing code in what she typed, with a 26 or TC modifier right after it; other modifiers (25, 59, LT…) do not change the price and are dropped. */
export function readBillCode(typed: string): BillCode | undefined {
  const tokens = typed.toUpperCase().split(/[^0-9A-Z]+/).filter(Boolean);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    const glued = CODE_WITH_MODIFIER.exec(token);
    if (glued) return { code: glued[1] ?? token, modifier: 'TC' };
    if (!CODE.test(token)) continue;
    // Modifiers follow the code ("73721-59-26"): the first pricing one counts.
    for (let j = i + 1; j < tokens.length && MODIFIER.test(tokens[j] ?? '') && !CODE.test(tokens[j] ?? ''); j++) {
      const modifier = tokens[j] as PricingModifier;
      if ((PRICING_MODIFIERS as readonly string[]).includes(modifier)) return { code: token, modifier };
    }
    return { code: token };
  }
  return undefined;
}

/** Our plain name for a code: its own entry, else the block it falls in; undefined when we have none. */
export function serviceLabel(catalog: ServiceCatalog, code: string): string | undefined {
  const upper = code.trim().toUpperCase();
  const own = catalog.services.find((s) => s.code.toUpperCase() === upper);
  if (own) return own.label;
  return catalog.ranges.find((r) => sameShape(upper, r.from) && upper >= r.from.toUpperCase() && upper <= r.to.toUpperCase())?.label;
}

/** Codes compare as text only between codes of the same shape (5 characters, digits where the bounds have digits). */
function sameShape(code: string, bound: string): boolean {
  return code.length === bound.length && /^\d+$/.test(code) === /^\d+$/.test(bound);
}

const STOP_WORDS: ReadonlySet<string> = new Set(['a', 'an', 'and', 'the', 'of', 'for', 'my', 'i', 'it', 'was', 'had', 'got', 'with', 'on', 'in', 'at', 'to', 'from', 'or', 'by', 'like', 'is', 'me']);
const NUMBER_WORDS: Readonly<Record<string, string>> = { one: '1', two: '2', three: '3', four: '4', five: '5' };

/** Lower case words: "X-ray"/"x ray" → "xray", "E.R." → "er", "tests" → "test", "four" → "4"; stop words out. */
export function searchWords(text: string): string[] {
  const folded = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\bx[\s-]?rays?\b/g, 'xray')
    .replace(/\b([a-z])\.([a-z])\.?/g, '$1$2');
  return (folded.match(/[a-z0-9]+/g) ?? [])
    .map((w) => NUMBER_WORDS[w] ?? w)
    .map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w))
    .filter((w) => !STOP_WORDS.has(w));
}

/** A word in this many entries or fewer tells services apart ("knee", "er", "4"); more common ones ("visit", "test") count less. */
const DISTINCTIVE_UP_TO = 6;
const MAX_CANDIDATES = 5;

interface Indexed {
  service: ServiceLabel;
  words: ReadonlySet<string>;
}

/** The catalogue's words per entry (its search words: a label's words would match "no contrast" for "contrast"), built once per catalogue. */
const indexes = new WeakMap<ServiceCatalog, { entries: Indexed[]; weight: Map<string, number> }>();

function indexOf(catalog: ServiceCatalog): { entries: Indexed[]; weight: Map<string, number> } {
  const cached = indexes.get(catalog);
  if (cached) return cached;
  const entries = catalog.services.map((service) => ({ service, words: new Set(service.words.flatMap(searchWords)) }));
  const counts = new Map<string, number>();
  for (const entry of entries) for (const w of entry.words) counts.set(w, (counts.get(w) ?? 0) + 1);
  const weight = new Map([...counts].map(([w, n]) => [w, n <= DISTINCTIVE_UP_TO ? 2 : 1]));
  const built = { entries, weight };
  indexes.set(catalog, built);
  return built;
}

/**
 * Ranked candidates for what she typed. A code comes back first, as typed (with our plain name when we have
 * one, and its 26/TC modifier): she read it off the bill. Otherwise the catalogue's services that share the most
 * words with what she typed, distinctive words counting double; a word of 4 letters or more also matches the
 * start of a longer one ("ultra" → ultrasound). Only the best matches come back (at most 5), the best one's
 * neighbours in the catalogue first on a tie; nothing when no word matches.
 */
export function searchServices(typed: string, catalog: ServiceCatalog): ServiceCandidate[] {
  const code = readBillCode(typed);
  if (code) {
    const label = serviceLabel(catalog, code.code);
    return [{ ...code, ...(label ? { label } : {}), match: 'code', score: Number.MAX_SAFE_INTEGER }];
  }
  const query = [...new Set(searchWords(typed))];
  if (query.length === 0) return [];
  const { entries, weight } = indexOf(catalog);
  const scored = entries
    .map((entry, order) => ({ entry, order, score: query.reduce((sum, w) => sum + wordScore(w, entry.words, weight), 0) }))
    .filter((s) => s.score > 0);
  if (scored.length === 0) return [];
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  const top = scored[0] ?? { score: 0, order: 0 };
  // Near misses only when the best match is a strong one ("er visit level 4" also offers level 3); on a tie, the
  // entries nearest the best one in the catalogue first, since it groups a family together (the other ER levels).
  const floor = top.score >= 4 ? top.score - 2 : top.score;
  const distance = (order: number) => Math.abs(order - top.order);
  return scored
    .filter((s) => s.score >= floor)
    .sort((a, b) => b.score - a.score || distance(a.order) - distance(b.order) || a.order - b.order)
    .slice(0, MAX_CANDIDATES)
    .map(({ entry, score }) => ({ code: entry.service.code, label: entry.service.label, match: 'words', score }));
}

function wordScore(word: string, words: ReadonlySet<string>, weight: ReadonlyMap<string, number>): number {
  if (words.has(word)) return weight.get(word) ?? 1;
  if (word.length >= 4 && [...words].some((w) => w.length > word.length && w.startsWith(word))) return 1;
  return 0;
}
