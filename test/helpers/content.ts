import path from 'node:path';
import { ContentStore } from '../../src/content/contentStore';
import { DataFigures, dataFigures } from '../../src/content/dataFigures';
import { DataFiles, loadDataFiles } from '../../src/content/dataFiles';
import { loadScenarios } from '../../src/content/scenarios';
import { loadFaq } from '../../src/content/faqFiles';
import { FaqIndex } from '../../src/domain/faq';
import type { Scenario } from '../../src/domain/scenario';

let cached: ContentStore | undefined;

/** The real content files, with the real data figures: tests compare replies with content.text(key), so copy edits never break them. */
export function realContent(): ContentStore {
  cached ??= ContentStore.load(path.join(__dirname, '..', '..', 'content', 'en'), realFigures());
  return cached;
}

let cachedData: DataFiles | undefined;

/** The real yearly figures from content/data. */
export function realData(): DataFiles {
  cachedData ??= loadDataFiles(path.join(__dirname, '..', '..', 'content', 'data'));
  return cachedData;
}

/** The data files' figures by name, as `{{data.<name>}}` placeholders read them. */
export function realFigures(): DataFigures {
  return dataFigures(realData());
}

let cachedScenarios: Scenario[] | undefined;

/** The real rehearsal scenarios from content/en/rehearsal. */
export function realScenarios(): Scenario[] {
  cachedScenarios ??= loadScenarios(path.join(__dirname, '..', '..', 'content', 'en', 'rehearsal'));
  return cachedScenarios;
}

let cachedFaq: FaqIndex | undefined;

/** The real FAQ index from content/en/faq. */
export function realFaq(): FaqIndex {
  cachedFaq ??= new FaqIndex(loadFaq(path.join(__dirname, '..', '..', 'content', 'en', 'faq'), realFigures()));
  return cachedFaq;
}
