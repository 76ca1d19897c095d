import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseYaml } from './yamlCache';
import type { z } from 'zod';
import { ContentError } from './contentError';

/** The *.yaml files of a content folder, sorted; a missing folder stops startup saying which. */
export function yamlFiles(dir: string, what: string): string[] {
  try {
    return readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
  } catch {
    throw new ContentError(`${what} folder not found: ${dir}`);
  }
}

/** Parses one YAML file and validates it, naming `label` (e.g. "faq/bills.yaml") and the exact place on failure. */
export function readYamlFile<T>(dir: string, file: string, label: string, schema: z.ZodType<T>): T {
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(path.join(dir, file), 'utf8'));
  } catch (err) {
    throw new ContentError(`${label}: not valid YAML (${(err as Error).message.split('\n')[0]})`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ContentError(`${label}: ${issue?.path.join('.') || '(top level)'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}
