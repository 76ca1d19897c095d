import type { Hospital } from './hospital';

/**
 * Finds the hospital a user means from what they typed ("st marys med ctr") among CMS's hospitals in a
 * state. Words are read the way bills and people shorten them (St./Saint, Hosp, Med Ctr, Mem, Univ…),
 * in any order, with words missing and a typo allowed. Pure: the list comes in, nothing is read.
 */

/** Short forms → the word CMS prints. */
const SHORT_FORMS: Readonly<Record<string, string>> = {
  st: 'saint', ste: 'sainte', sts: 'saints', mt: 'mount', ft: 'fort', pt: 'port',
  hosp: 'hospital', hosps: 'hospitals', hospitl: 'hospital', hsp: 'hospital', hospita: 'hospital',
  med: 'medical', medcl: 'medical', medctr: 'medical center', mc: 'medical center', ctr: 'center', cntr: 'center', cen: 'center', centre: 'center', cent: 'center',
  mem: 'memorial', meml: 'memorial', mem1: 'memorial', memorl: 'memorial',
  univ: 'university', uni: 'university', u: 'university',
  reg: 'regional', regl: 'regional', rgnl: 'regional', gen: 'general', genl: 'general',
  comm: 'community', cmty: 'community', commun: 'community', hlth: 'health', hlthcare: 'healthcare', sys: 'system', syst: 'system',
  chldrns: 'childrens', childrens: 'childrens', children: 'childrens', child: 'childrens', kids: 'childrens', peds: 'childrens', pediatric: 'childrens',
  n: 'north', s: 'south', e: 'east', w: 'west', no: 'north', so: 'south', ne: 'northeast', nw: 'northwest', se: 'southeast', sw: 'southwest',
  cnty: 'county', co: 'county', vly: 'valley', hts: 'heights', spgs: 'springs', jr: 'junior', natl: 'national', intl: 'international',
  bapt: 'baptist', meth: 'methodist', presb: 'presbyterian', pres: 'presbyterian', luth: 'lutheran', adv: 'adventist', cath: 'catholic',
  ed: 'emergency', er: 'emergency', rehab: 'rehabilitation', psych: 'psychiatric', ortho: 'orthopedic', surg: 'surgical', spec: 'specialty',
  '&': 'and',
};

/** Words that say little about which hospital it is: they count for little in a match. */
const GENERIC = new Set([
  'hospital', 'hospitals', 'medical', 'center', 'centers', 'health', 'healthcare', 'system', 'regional', 'general', 'community', 'memorial',
  'university', 'saint', 'campus', 'the', 'of', 'and', 'at', 'inc', 'llc', 'clinic', 'care', 'county', 'north', 'south', 'east', 'west',
  'services', 'center', 'network', 'hosp', 'district', 'authority', 'facility', 'emergency', 'room', 'er', 'department',
]);

/** Words that are never part of the name: what people add around it ("the billing office of …"). */
const NOISE = new Set(['the', 'of', 'and', 'at', 'a', 'an', 'in', 'inc', 'llc', 'billing', 'office', 'dept', 'department', 'bill', 'from']);

/** Words that say the provider is not a hospital when the name has no hospital word. */
const NOT_A_HOSPITAL = new Set(['dr', 'doctor', 'doctors', 'dds', 'dmd', 'md', 'practice', 'associates', 'diagnostics', 'laboratory', 'laboratories', 'labs', 'lab', 'imaging', 'radiology', 'urgent', 'ambulance', 'pharmacy', 'dental', 'dentistry', 'physicians', 'family', 'pediatrics', 'office', 'quest', 'labcorp']);
const HOSPITAL_WORDS = new Set(['hospital', 'hospitals', 'medical', 'health', 'memorial', 'regional', 'infirmary', 'healthcare']);

/** Lower case, no accents or apostrophes, short forms written out, one word per entry. */
export function nameWords(text: string): string[] {
  const plain = text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
    .replace(/['’`]s\b/g, 's').replace(/['’`]/g, '')
    .replace(/&/g, ' and ').replace(/[^a-z0-9]+/g, ' ').trim();
  if (plain === '') return [];
  return plain.split(' ').flatMap((w) => (SHORT_FORMS[w] ?? w).split(' '));
}

/** Edit distance (insert, delete, change, swap two neighbours), or `max + 1` once it is over `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  // Three rolling rows (this one, the one before, the one before that for a swap): no matrix per pair of words.
  const width = b.length + 1;
  let before = new Int32Array(width);
  let prev = Int32Array.from({ length: width }, (_, j) => j);
  let row = new Int32Array(width);
  for (let i = 1; i <= a.length; i++) {
    let best = max + 1;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (before[j - 2] as number) + 1);
      row[j] = v;
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
    [before, prev, row] = [prev, row, before];
  }
  return prev[b.length] as number;
}

/** How well one typed word fits one word of a name: 1 the same, less for a start of it or a typo, 0 not at all. */
function wordFit(typed: string, word: string): number {
  if (typed === word) return 1;
  if (typed.length >= 3 && word.startsWith(typed)) return 0.85;
  if (typed.length >= 4 && word.length >= 4) {
    const allowed = typed.length >= 8 ? 2 : 1;
    const d = editDistance(typed, word, allowed);
    if (d <= allowed) return d === 1 ? 0.8 : 0.6;
  }
  return 0;
}

interface Indexed {
  hospital: Hospital;
  words: string[];
}

/** One state's names, worked out once: each hospital's words, each word's weight, and every word used. */
interface StateIndex {
  rows: Indexed[];
  weight: Map<string, number>;
  vocabulary: string[];
}

export interface HospitalCandidate {
  hospital: Hospital;
  /** 0–1: how much of what was typed, and of the hospital's name, fits. */
  score: number;
}

/** A search over one list: the words of every name are worked out once per state, the first time it is searched. */
export class HospitalFinder {
  private readonly byState = new Map<string, Hospital[]>();
  private readonly indexed = new Map<string, StateIndex>();

  constructor(hospitals: readonly Hospital[]) {
    for (const h of hospitals) {
      const list = this.byState.get(h.state) ?? [];
      list.push(h);
      this.byState.set(h.state, list);
    }
  }

  get size(): number {
    let n = 0;
    for (const list of this.byState.values()) n += list.length;
    return n;
  }

  private index(state: string): StateIndex {
    const known = this.indexed.get(state);
    if (known) return known;
    const rows = (this.byState.get(state) ?? []).map((hospital) => ({ hospital, words: [...new Set(nameWords(hospital.name))] }));
    // A word in few names of the state tells more than one in many ("mercy" vs "hospital").
    const count = new Map<string, number>();
    for (const r of rows) for (const w of r.words) count.set(w, (count.get(w) ?? 0) + 1);
    const weight = new Map<string, number>();
    for (const [w, n] of count) weight.set(w, wordWeight(w, n, rows.length));
    const built = { rows, weight, vocabulary: [...count.keys()] };
    this.indexed.set(state, built);
    return built;
  }

  /**
   * The best few hospitals in `state` for what was typed, best first; none when nothing fits well enough
   * (a doctor's office, a lab, gibberish). At most `limit`, and only those close to the best.
   */
  find(typed: string, state: string, limit = 3): HospitalCandidate[] {
    const words = [...new Set(nameWords(typed).filter((w) => !NOISE.has(w)))];
    if (words.length === 0) return [];
    if (!words.some((w) => HOSPITAL_WORDS.has(w)) && words.some((w) => NOT_A_HOSPITAL.has(w))) return [];
    const { rows, weight, vocabulary } = this.index(state);
    if (rows.length === 0) return [];
    const typedWeight = (w: string) => weight.get(w) ?? wordWeight(w, 0, rows.length);
    // How each typed word fits each word used in the state's names, worked out once per word, not once per name.
    const fits = new Map<string, Map<string, number>>();
    for (const w of words) {
      const fit = new Map<string, number>();
      for (const nw of vocabulary) {
        const f = wordFit(w, nw);
        if (f > 0) fit.set(nw, f);
      }
      fits.set(w, fit);
    }
    const scored: HospitalCandidate[] = [];
    for (const row of rows) {
      let typedFit = 0;
      let typedTotal = 0;
      let distinctive = 0;
      const used = new Set<string>();
      for (const w of words) {
        const tw = typedWeight(w);
        typedTotal += tw;
        let best = 0;
        let bestWord = '';
        const fit = fits.get(w);
        for (const nw of row.words) {
          const f = fit?.get(nw) ?? 0;
          if (f > best) { best = f; bestWord = nw; }
        }
        if (best > 0) {
          used.add(bestWord);
          typedFit += best * tw;
          if (!GENERIC.has(bestWord)) distinctive += best;
        }
      }
      if (distinctive < 0.8) continue;
      let nameTotal = 0;
      let nameFit = 0;
      for (const nw of row.words) {
        const nwWeight = weight.get(nw) ?? 1;
        nameTotal += nwWeight;
        if (used.has(nw)) nameFit += nwWeight;
      }
      const score = 0.6 * (typedFit / typedTotal) + 0.4 * (nameTotal ? nameFit / nameTotal : 0);
      if (score >= 0.5) scored.push({ hospital: row.hospital, score: Math.round(score * 1000) / 1000 });
    }
    scored.sort((a, b) => b.score - a.score || a.hospital.name.localeCompare(b.hospital.name) || a.hospital.ccn.localeCompare(b.hospital.ccn));
    const top = scored[0]?.score ?? 0;
    return scored.filter((c) => c.score >= top - 0.2).slice(0, limit);
  }
}

/** Generic words weigh little; a rare word more than a common one. */
function wordWeight(word: string, inNames: number, names: number): number {
  if (GENERIC.has(word)) return 0.25;
  return 1 + Math.log((names + 1) / (inNames + 1));
}
