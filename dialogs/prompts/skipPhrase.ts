import type { ContentStore } from '../../src/content/contentStore';
import { phraseSet } from '../../src/content/phrases';
import { normalizeUtterance } from '../commands';

/** Whether `text` is, as a whole message, one of the phrases listed under `key` in content (normalized once per store). */
export function isListedPhrase(text: string, content: ContentStore, key: string): boolean {
  const phrases = phraseSet(content, key, normalizeUtterance);
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
