import path from 'node:path';
import { ContentStore } from '../../src/content/contentStore';

let cached: ContentStore | undefined;

/** The real content files: tests compare replies with content.text(key), so copy edits never break them. */
export function realContent(): ContentStore {
  cached ??= ContentStore.load(path.join(__dirname, '..', '..', 'content', 'en'));
  return cached;
}
