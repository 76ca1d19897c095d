import type { ContentStore } from '../../src/content/contentStore';
import { normalizeUtterance } from '../commands';

/** "not sure", "skip", "I don't know"… from content/en/cases.yaml: an honest way to skip a question. */
export function isSkipPhrase(text: string, content: ContentStore): boolean {
  const said = normalizeUtterance(text);
  return said.length > 0 && content.list('cases.notSure').some((phrase) => normalizeUtterance(phrase) === said);
}

/** "back", "go back", "change my answer"… from content/en/answers.yaml: re-ask the previous question. */
export function isBackPhrase(text: string, content: ContentStore): boolean {
  const said = normalizeUtterance(text);
  return said.length > 0 && said.length < 40 && content.list('answers.backPhrases').some((phrase) => normalizeUtterance(phrase) === said);
}
