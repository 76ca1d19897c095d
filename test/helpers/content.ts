import path from 'node:path';
import { ContentStore } from '../../src/content/contentStore';
import { DataFiles, loadDataFiles } from '../../src/content/dataFiles';

let cached: ContentStore | undefined;

/** The real content files: tests compare replies with content.text(key), so copy edits never break them. */
export function realContent(): ContentStore {
  cached ??= ContentStore.load(path.join(__dirname, '..', '..', 'content', 'en'));
  return cached;
}

let cachedData: DataFiles | undefined;

/** The real yearly figures from content/data. */
export function realData(): DataFiles {
  cachedData ??= loadDataFiles(path.join(__dirname, '..', '..', 'content', 'data'));
  return cachedData;
}
