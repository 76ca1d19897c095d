import { z } from 'zod';
import { FaqEntry, faqEntrySchema } from '../domain/faq';
import { ContentError } from './contentStore';
import { readYamlFile, yamlFiles } from './yamlFiles';

const fileSchema = z.array(faqEntrySchema).min(1);

/** Loads content/en/faq/*.yaml (each a list of entries); a broken entry stops startup naming file, entry and field. */
export function loadFaq(dir: string): FaqEntry[] {
  const entries: FaqEntry[] = [];
  for (const file of yamlFiles(dir, 'FAQ')) {
    for (const entry of readYamlFile(dir, file, `faq/${file}`, fileSchema)) {
      if (entries.some((e) => e.id === entry.id)) throw new ContentError(`faq/${file}: ${entry.id}: the id is used twice`);
      entries.push(entry);
    }
  }
  if (entries.length === 0) throw new ContentError(`No FAQ entries (*.yaml) in ${dir}`);
  return entries;
}
