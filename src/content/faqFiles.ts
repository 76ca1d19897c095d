import { z } from 'zod';
import { FaqEntry, faqEntrySchema } from '../domain/faq';
import { ContentError } from './contentError';
import { type DataFigures, fillFigures, unknownFigure } from './dataFigures';
import { readYamlFile, yamlFiles } from './yamlFiles';

const fileSchema = z.array(faqEntrySchema).min(1);

/**
 * Loads content/en/faq/*.yaml (each a list of entries); a broken entry stops startup naming file, entry and field.
 * With the data figures (the bot always passes them), an answer or source that says `{{data.guidelineFamilyOf4}}`
 * gets the figure from content/data, and a name that is not a figure stops startup. Without them (retrieval tests,
 * which never show an answer) the texts are returned as written.
 */
export function loadFaq(dir: string, figures?: DataFigures): FaqEntry[] {
  const entries: FaqEntry[] = [];
  for (const file of yamlFiles(dir, 'FAQ')) {
    for (const raw of readYamlFile(dir, file, `faq/${file}`, fileSchema)) {
      if (entries.some((e) => e.id === raw.id)) throw new ContentError(`faq/${file}: ${raw.id}: the id is used twice`);
      entries.push(figures ? withFigures(raw, figures, file) : raw);
    }
  }
  if (entries.length === 0) throw new ContentError(`No FAQ entries (*.yaml) in ${dir}`);
  return entries;
}

function withFigures(entry: FaqEntry, figures: DataFigures, file: string): FaqEntry {
  for (const field of ['answer', 'source'] as const) {
    const unknown = unknownFigure(entry[field], figures);
    if (unknown) throw new ContentError(`faq/${file}: ${entry.id}.${field}: {{data.${unknown}}} is not a figure from content/data (known: ${Object.keys(figures).join(', ')})`);
  }
  return { ...entry, answer: fillFigures(entry.answer, figures), source: fillFigures(entry.source, figures) };
}
