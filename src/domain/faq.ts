import MiniSearch from 'minisearch';
import { z } from 'zod';

/** One vetted answer. Content: content/en/faq/*.yaml. */
export const faqEntrySchema = z.strictObject({
  id: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/),
  /** The question as a button shows it ("What is an EOB?"). */
  question: z.string().min(5).max(90),
  /** Other ways people ask it: the index learns from these. */
  phrasings: z.array(z.string().min(3).max(160)).min(2),
  /** A few sentences. Markdown allowed. */
  answer: z.string().min(20).max(1200),
  source: z.string().min(3).max(300),
  /** When a person last checked the answer against its source: YYYY-MM. */
  reviewed: z.string().regex(/^\d{4}-\d{2}$/),
  /** Words a step can offer a "what's that?" button for. */
  terms: z.array(z.string().min(2).max(40)).optional(),
  /** More words people use for the topic ("chapter 7", "court summons"): searched like terms, never shown. */
  keywords: z.array(z.string().min(2).max(60)).max(30).optional(),
});
export type FaqEntry = z.infer<typeof faqEntrySchema>;

export interface FaqMatch {
  entry: FaqEntry;
  score: number;
  /** How many of the question's words (after stop words) this entry matched. */
  matched: number;
  /** Whether a word of the question is one of the entry's terms or keywords, the words that name its topic. */
  namesTopic: boolean;
}

export type FaqAnswer = { kind: 'answer'; entry: FaqEntry } | { kind: 'suggestions'; entries: FaqEntry[] } | { kind: 'none' };

/**
 * Words that say nothing about which answer fits (function words and chat filler, written without the apostrophe,
 * which the tokenizer drops): left out of the index and of queries, so "they said i have to…" can't outweigh the
 * one word that matters. Tuned with test/domain/faqSearch.test.ts.
 */
const STOP_WORDS = new Set([
  'a', 'an', 'the', 'is', 'are', 'was', 'were', 'be', 'been', 'am', 'im', 'ive', 'id', 'do', 'does', 'did', 'done', 'doing',
  'have', 'has', 'had', 'will', 'would', 'could', 'can', 'should', 'shall', 'may', 'might', 'must',
  'i', 'me', 'my', 'mine', 'myself', 'you', 'your', 'youre', 'we', 'us', 'our', 'they', 'them', 'their', 'theyre', 'theyll', 'theyd',
  'he', 'him', 'his', 'she', 'her', 'hers', 'it', 'its', 'this', 'that', 'these', 'those', 'there', 'theres', 'here', 'thats',
  'to', 'of', 'for', 'and', 'or', 'but', 'in', 'on', 'at', 'by', 'from', 'as', 'so', 'if', 'than', 'then', 'too', 'very', 'into', 'about', 'with', 'up',
  'what', 'whats', 'which', 'who', 'whom', 'how', 'hows', 'when', 'where', 'why', 'whether',
  'not', 'dont', 'doesnt', 'didnt', 'cant', 'cannot', 'couldnt', 'wont', 'wouldnt', 'isnt', 'arent', 'wasnt', 'havent', 'hasnt', 'shouldnt',
  'get', 'got', 'getting', 'just', 'really', 'literally', 'actually', 'exactly', 'even', 'still', 'also', 'any', 'some', 'all', 'every', 'anything', 'something',
  'say', 'says', 'said', 'tell', 'told', 'telling', 'know', 'want', 'wants', 'need', 'needs', 'mean', 'means', 'like', 'thing', 'things', 'way',
  'saying', 'keep', 'keeps', 'make', 'put', 'explain', 'explained', 'meaning', 'lets', 'let', 'go', 'going', 'gonna', 'one', 'wat', 'wut', 'much', 'many', 'best',
  'please', 'pls', 'plz', 'u', 'ur', 'ppl', 'hi', 'hello', 'hey', 'thanks', 'thank', 'ok', 'okay', 'um', 'uh', 'yeah', 'lol', 'good', 'now',
  // Interjections before a question typed mid-step ("wait, what is an EOB?", "sorry, quick question…").
  'wait', 'sorry', 'oh', 'hmm', 'ah', 'well', 'btw', 'quick', 'question',
  // In nearly every question, so they only add noise: "what is a hospital bill" must not pick "nonprofit hospital".
  'hospital', 'medical',
]);

/**
 * "can't" and "what's" stay one word (then a stop word), not "can" + "t"; a hyphenated word is indexed both joined
 * and in parts, so "co-pay" finds "copay" and "non-profit" finds "nonprofit".
 */
function tokenize(text: string): string[] {
  return text
    .replace(/['’]/g, '')
    .split(/[\n\r\p{Z}]+/u)
    .flatMap((word) => {
      const parts = word.split(/[\p{P}\p{S}]+/u).filter(Boolean);
      return parts.length > 1 && /^[\p{P}\p{S}]*[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+[\p{P}\p{S}]*$/u.test(word) ? [parts.join(''), ...parts] : parts;
    });
}

/** A word as indexed: lower case, singular ("codes" → "code", "charges" → "charge"; "less", "status", "this" stay), or null for a stop word. */
function indexTerm(term: string): string | null {
  const t = term.toLowerCase();
  const singular = t.length > 3 && t.endsWith('s') && !/(ss|us|is)$/.test(t) ? t.slice(0, -1) : t;
  return !t || STOP_WORDS.has(t) || STOP_WORDS.has(singular) ? null : singular;
}

const MID_STEP_MIN_SCORE = 13;
const MID_STEP_MIN_LEAD = 1.4;

/**
 * A local full-text index over the vetted answers (MiniSearch), built at startup. It answers only when
 * one entry clearly wins; otherwise it offers the closest questions, so it never gives a confident wrong
 * answer to a question it does not know.
 */
export class FaqIndex {
  private readonly index: MiniSearch<{ id: string; question: string; phrasings: string; terms: string }>;
  private readonly byId: Map<string, FaqEntry>;

  // minScore 8: below it one stray word in an off-topic question ("doctor", "flight") can win. minLead 1.2: the best
  // entry must beat the next by that much — or match more of the question's words than it does — else the user gets
  // the closest questions. minSoloScore 5.5: when only one entry matches at all, one word that names its topic
  // (a term or keyword: "fpl", "carecredit") is enough. Tuned on the training split of
  // test/fixtures/faq-phrasings.yaml; held by test/domain/faqAccuracy.test.ts (both splits) and
  // test/domain/faqSearch.test.ts (no confident wrong answer).
  constructor(
    readonly entries: readonly FaqEntry[],
    private readonly minScore = 8,
    private readonly minLead = 1.2,
    private readonly minSoloScore = 5.5,
  ) {
    this.byId = new Map(entries.map((e) => [e.id, e]));
    this.index = new MiniSearch({
      fields: ['question', 'phrasings', 'terms'],
      storeFields: ['id'],
      tokenize,
      processTerm: indexTerm,
      searchOptions: {
        // Question, phrasings and terms count the same: boosting the short fields let one shared word ("pay" in
        // "prompt-pay", "EOB" in a question) outweigh the words that tell entries apart.
        // Typos are forgiven in longer words only: in short ones one letter makes another word (knee/knew, rice/price).
        fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
        prefix: (term) => term.length >= 4,
        combineWith: 'OR',
      },
    });
    this.index.addAll(entries.map((e) => ({ id: e.id, question: e.question, phrasings: e.phrasings.join(' \n '), terms: [...(e.terms ?? []), ...(e.keywords ?? [])].join(' \n ') })));
  }

  get(id: string): FaqEntry | undefined {
    return this.byId.get(id);
  }

  /** Entries whose `terms` include `term` (case-insensitive), for "what's that?" buttons. */
  forTerm(term: string): FaqEntry | undefined {
    const t = term.toLowerCase();
    return this.entries.find((e) => (e.terms ?? []).some((x) => x.toLowerCase() === t));
  }

  search(text: string, limit = 3): FaqMatch[] {
    if (text.trim().length < 3) return [];
    return this.index
      .search(text.slice(0, 300))
      .slice(0, limit)
      .flatMap((r) => {
        const entry = this.byId.get(String(r.id));
        const namesTopic = Object.values(r.match).some((fields) => fields.includes('terms'));
        return entry ? [{ entry, score: r.score, matched: new Set(r.queryTerms).size, namesTopic }] : [];
      });
  }

  /**
   * The answer when one entry clearly wins; the closest questions when it is unsure; nothing when nothing is close.
   * An entry wins when it is the only one that matches and stands alone (standsAlone), or when it scores minScore and
   * either leads the next by minLead or matches more of the question's words than the next does.
   */
  answer(text: string): FaqAnswer {
    const exact = this.entries.find((e) => normalize(e.question) === normalize(text));
    if (exact) return { kind: 'answer', entry: exact };
    const matches = this.search(text);
    const [best, second] = matches;
    if (!best || best.score < this.minScore / 3) return { kind: 'none' };
    if (!second && this.standsAlone(best)) return { kind: 'answer', entry: best.entry };
    // One stray word matching one entry ("whats the weather today" → "pay today") is nothing close: no suggestion.
    if (!second && best.matched < 2 && !best.namesTopic) return { kind: 'none' };
    if (best.score >= this.minScore && second && this.clearlyAhead(best, second)) return { kind: 'answer', entry: best.entry };
    return { kind: 'suggestions', entries: matches.map((m) => m.entry) };
  }

  /**
   * The answer only when it is beyond doubt, for a question typed in the middle of a step, where anything else is
   * the step's answer: an exact question, or an entry scoring 13 and leading the next by 1.4 (the calibration
   * before issue 18). A button title shaped like a question ("What you can pay") must reach its prompt.
   */
  answerMidStep(text: string): FaqEntry | undefined {
    const exact = this.entries.find((e) => normalize(e.question) === normalize(text));
    if (exact) return exact;
    const [best, second] = this.search(text);
    if (!best || best.score < MID_STEP_MIN_SCORE) return undefined;
    return !second || best.score >= second.score * MID_STEP_MIN_LEAD ? best.entry : undefined;
  }

  /** The only entry that matches at all: answered on two words of the question, or one that names its topic ("fpl", "carecredit"), never on one stray word ("today"). */
  private standsAlone(best: FaqMatch): boolean {
    return (best.matched >= 2 && best.score >= this.minScore) || (best.namesTopic && best.score >= this.minSoloScore);
  }

  private clearlyAhead(best: FaqMatch, second: FaqMatch): boolean {
    return best.score >= second.score * this.minLead || best.matched > second.matched;
  }
}

function normalize(text: string): string {
  return text.toLowerCase().replace(/[’']/g, "'").replace(/[^\p{L}\p{N}' ]+/gu, ' ').replace(/\s+/g, ' ').trim();
}

/** "Is this a question?" — a question mark, or the shape of one, with at least a few words. */
export function looksLikeQuestion(text: string): boolean {
  const t = text.trim().toLowerCase();
  if (t.length < 8 || t.split(/\s+/).length < 3) return false;
  return /\?\s*$/.test(t) || /^(what|whats|what's|why|how|can|could|do|does|did|is|are|should|who|when|where|will|would|am i|may i|tell me|explain)\b/.test(t);
}
