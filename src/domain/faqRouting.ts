import type { FaqAnswer, FaqIndex } from './faq';
import { looksLikeQuestion } from './faq';

/** One menu choice and the words that ask for it: its button title and its synonyms (from content). */
export interface MenuRequestPhrases {
  value: string;
  phrases: readonly string[];
}

/** Lower case, no apostrophes, words of letters and digits only: "Let's do step 2!" → ["lets", "do", "step", "2"]. */
function words(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['’‘]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * Reads a typed message as a request for a menu choice only when it is one: the whole message is a choice's title
 * or synonym ("financial assistance", "step 2"), give or take request words ("let's do the payment plan", "i want to
 * rehearse"). A sentence that merely contains a choice's words ("i think i qualify for financial assistance") is
 * not a request: it is something to answer.
 */
export class MenuRequests {
  private readonly phrases: ReadonlyArray<{ value: string; words: string[] }>;
  private readonly requestWords: ReadonlySet<string>;

  constructor(choices: readonly MenuRequestPhrases[], requestWords: readonly string[]) {
    this.requestWords = new Set(requestWords.flatMap(words));
    // Longest phrase first: "ask a question" before "question".
    this.phrases = choices
      .flatMap((c) => c.phrases.map((p) => ({ value: c.value, words: words(p) })))
      .filter((p) => p.words.length > 0)
      .sort((a, b) => b.words.length - a.words.length);
  }

  /** The choice the message asks for, or undefined when it is not a request for one. */
  read(text: string): string | undefined {
    const said = words(text);
    if (said.length === 0 || said.length > 12) return undefined;
    for (const phrase of this.phrases) {
      const at = indexOfRun(said, phrase.words);
      if (at < 0) continue;
      const rest = [...said.slice(0, at), ...said.slice(at + phrase.words.length)];
      if (rest.every((w) => this.requestWords.has(w))) return phrase.value;
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
