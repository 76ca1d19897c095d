import type { FaqAnswer, FaqIndex } from './faq';
import { looksLikeQuestion } from './faq';

/**
 * One menu choice and the words that ask for it: its button title and synonyms (the whole message, give or take
 * request words: "payment plan", "let's do step 2"), and the sentences that start it ("practice the call", "log a
 * call"), which open it after request words even when more follows ("help me make a payment plan for the er bill").
 */
export interface MenuRequestPhrases {
  value: string;
  phrases: readonly string[];
  sentences?: readonly string[];
}

/** Words that never tell requests apart, skipped on both sides: "check my bill" is "check the bill". */
const DETERMINERS = new Set(['a', 'an', 'the', 'my', 'this', 'our', 'that']);

/**
 * Lower case, no apostrophes, words of letters and digits only, without determiners and without plural and -ing
 * endings: "Let's check the bills!" → ["lets", "check", "bill"], "checking my bill" → ["check", "bill"].
 */
function words(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['’‘]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !DETERMINERS.has(w))
    .map((w) => (w.length > 5 && w.endsWith('ing') ? w.slice(0, -3) : w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w));
}

interface Phrase {
  value: string;
  words: string[];
  /** A sentence that starts the choice may be followed by anything ("log a call i just made"). */
  opensSentence: boolean;
}

/**
 * Reads a typed message as a request for a menu choice only when it is one: the whole message is a choice's title
 * or synonym ("financial assistance", "step 2"), give or take request words ("let's do the payment plan", "i want to
 * rehearse"); or, after request words only, it starts with a sentence that asks for a choice ("i want to practice
 * the call", "help me make a payment plan", "log a call i just made"). A sentence that merely contains a choice's
 * words ("i think i qualify for financial assistance", "my payment plan is too high") is not a request: it is
 * something to answer; so is a question ("how do i make a payment plan").
 */
export class MenuRequests {
  private readonly phrases: readonly Phrase[];
  private readonly requestWords: ReadonlySet<string>;

  constructor(choices: readonly MenuRequestPhrases[], requestWords: readonly string[]) {
    this.requestWords = new Set(requestWords.flatMap(words));
    // Longest phrase first: "ask a question" before "question".
    this.phrases = choices
      .flatMap((c) => [
        ...c.phrases.map((p) => ({ value: c.value, words: words(p), opensSentence: false })),
        ...(c.sentences ?? []).map((p) => ({ value: c.value, words: words(p), opensSentence: true })),
      ])
      .filter((p) => p.words.length > 0)
      .sort((a, b) => b.words.length - a.words.length);
  }

  /** The choice the message asks for, or undefined when it is not a request for one. */
  read(text: string): string | undefined {
    const said = words(text);
    if (said.length === 0 || said.length > 16) return undefined;
    for (const phrase of this.phrases) {
      const at = indexOfRun(said, phrase.words);
      if (at < 0) continue;
      const before = said.slice(0, at);
      const after = said.slice(at + phrase.words.length);
      if (!before.every((w) => this.requestWords.has(w))) continue;
      if (phrase.opensSentence || after.every((w) => this.requestWords.has(w))) return phrase.value;
    }
    return undefined;
  }
}

function indexOfRun(haystack: readonly string[], run: readonly string[]): number {
  for (let i = 0; i + run.length <= haystack.length; i++) {
    if (run.every((w, j) => haystack[i + j] === w)) return i;
  }
  return -1;
}

/**
 * What a message typed at the menu is: a request for a choice; an answer, the closest questions or nothing from the
 * FAQ; or (`prompt`) a few words that are neither a question nor a statement, left to the menu's own buttons and
 * numbers ("2", "yes"), which re-asks when it can't place them.
 */
export type MenuReading = { kind: 'menu'; value: string } | FaqAnswer | { kind: 'prompt' };

export function readAtMenu(text: string, faq: FaqIndex, requests: MenuRequests): MenuReading {
  const value = requests.read(text);
  if (value) return { kind: 'menu', value };
  const answer = faq.answer(text);
  if (answer.kind === 'answer') return answer;
  return isStatementOrQuestion(text) ? answer : { kind: 'prompt' };
}

/** A question, or a sentence about the user's situation ("i was uninsured and the bill is…"): three words or more. */
export function isStatementOrQuestion(text: string): boolean {
  return looksLikeQuestion(text) || words(text).length >= 3;
}
