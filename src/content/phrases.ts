import type { ContentStore } from './contentStore';

/** Each content store's phrase lists as sets of lowercased, single-spaced phrases, made once per store and key. */
const sets = new WeakMap<ContentStore, Map<string, ReadonlySet<string>>>();

/** How a phrase is compared: without case, outer spaces or repeated spaces. */
export const phraseForm = (text: string): string => text.trim().toLowerCase().replace(/\s+/g, ' ');

/** The phrases listed under `key` in content, in their compared form (for domain rules that take words as data). */
export function phraseSet(content: ContentStore, key: string): ReadonlySet<string> {
  let lists = sets.get(content);
  if (!lists) {
    lists = new Map();
    sets.set(content, lists);
  }
  let set = lists.get(key);
  if (!set) {
    set = new Set(content.list(key).map(phraseForm).filter((p) => p.length > 0));
    lists.set(key, set);
  }
  return set;
}
