import type { ContentStore } from './contentStore';

/** How a phrase and a message are put into the same form before they are compared. */
export type PhraseForm = (text: string) => string;

/** Each content store's phrase lists as sets in their compared form, made once per form, store and key. */
const sets = new Map<PhraseForm, WeakMap<ContentStore, Map<string, ReadonlySet<string>>>>();

/** How a phrase is compared: without case, outer spaces or repeated spaces. */
export const phraseForm = (text: string): string => text.trim().toLowerCase().replace(/\s+/g, ' ');

/** The phrases listed under `key` in content, in their compared form (for domain rules that take words as data). */
export function phraseSet(content: ContentStore, key: string, form: PhraseForm = phraseForm): ReadonlySet<string> {
  let stores = sets.get(form);
  if (!stores) {
    stores = new WeakMap();
    sets.set(form, stores);
  }
  let lists = stores.get(content);
  if (!lists) {
    lists = new Map();
    stores.set(content, lists);
  }
  let set = lists.get(key);
  if (!set) {
    set = new Set(content.list(key).map(form).filter((p) => p.length > 0));
    lists.set(key, set);
  }
  return set;
}

/** The words around a call's reference number (content/en/words.yaml), for callReference. */
export function referenceWords(content: ContentStore): { none: ReadonlySet<string>; labels: readonly string[] } {
  let words = references.get(content);
  if (!words) {
    words = { none: phraseSet(content, 'words.noReference'), labels: content.list('words.referenceLabels') };
    references.set(content, words);
  }
  return words;
}
const references = new WeakMap<ContentStore, { none: ReadonlySet<string>; labels: readonly string[] }>();
