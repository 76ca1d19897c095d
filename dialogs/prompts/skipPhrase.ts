import type { ContentStore } from '../../src/content/contentStore';
import { normalizeUtterance } from '../commands';

/** Each content store's phrase lists, normalized once (these are checked several times on every answer). */
const normalized = new WeakMap<ContentStore, Map<string, ReadonlySet<string>>>();

/** Whether `text` is, as a whole message, one of the phrases listed under `key` in content. */
export function isListedPhrase(text: string, content: ContentStore, key: string): boolean {
  let lists = normalized.get(content);
  if (!lists) {
    lists = new Map();
    normalized.set(content, lists);
  }
  let phrases = lists.get(key);
  if (!phrases) {
    phrases = new Set(content.list(key).map(normalizeUtterance).filter((p) => p.length > 0));
    lists.set(key, phrases);
  }
  const said = normalizeUtterance(text);
  return said.length > 0 && phrases.has(said);
}

/** "not sure", "skip", "I don't know"… from content/en/cases.yaml: an honest way to skip a question. */
export function isSkipPhrase(text: string, content: ContentStore): boolean {
  return isListedPhrase(text, content, 'cases.notSure');
}

/** "back", "go back", "change my answer"… from content/en/answers.yaml: re-ask the previous question. */
export function isBackPhrase(text: string, content: ContentStore): boolean {
  return text.length < 60 && isListedPhrase(text, content, 'answers.backPhrases');
}
