import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { FaqEntry, faqEntrySchema } from '../domain/faq';
import { ContentError } from './contentStore';

const fileSchema = z.array(faqEntrySchema).min(1);

/** Loads content/en/faq/*.yaml (each a list of entries); a broken entry stops startup naming file, entry and field. */
export function loadFaq(dir: string): FaqEntry[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
  } catch {
    throw new ContentError(`FAQ folder not found: ${dir}`);
  }
  const entries: FaqEntry[] = [];
  for (const file of files) {
    let raw: unknown;
    try {
      raw = parse(readFileSync(path.join(dir, file), 'utf8'));
    } catch (err) {
      throw new ContentError(`faq/${file}: not valid YAML (${(err as Error).message.split('\n')[0]})`);
    }
    const parsed = fileSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ContentError(`faq/${file}: ${issue?.path.join('.') || '(top level)'}: ${issue?.message ?? 'invalid'}`);
    }
    for (const entry of parsed.data) {
      if (entries.some((e) => e.id === entry.id)) throw new ContentError(`faq/${file}: ${entry.id}: the id is used twice`);
      entries.push(entry);
    }
  }
  if (entries.length === 0) throw new ContentError(`No FAQ entries (*.yaml) in ${dir}`);
  return entries;
}
