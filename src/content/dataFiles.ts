import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseYaml } from './yamlCache';
import { z } from 'zod';
import { assistanceTiersSchema, type AssistanceTiers } from '../domain/charityCare';
import { fairPriceMultiplesSchema, type FairPriceMultiples } from '../domain/fairPriceRange';
import { offerStrategySchema, type OfferStrategy } from '../domain/offerStrategy';
import { povertyTableSchema, type PovertyTable } from '../domain/povertyGuidelines';
import { ContentError } from './contentError';

/**
 * Figures that change yearly, read from `content/data/*.yaml` and validated at startup, so an operator
 * can update them without touching code. A mistake stops startup naming the file and the exact key.
 */
export interface DataFiles {
  povertyGuidelines: PovertyTable;
  assistanceTiers: AssistanceTiers;
  offerStrategy: OfferStrategy;
  /** A fair cash price as multiples of what Medicare pays (issue 22). */
  fairPriceMultiples: FairPriceMultiples;
}

/** Every file the data folder must hold, and nothing else (a misspelt name must not be silently ignored). */
export const DATA_FILE_NAMES: Readonly<Record<keyof DataFiles, string>> = {
  povertyGuidelines: 'poverty-guidelines.yaml',
  assistanceTiers: 'assistance-tiers.yaml',
  offerStrategy: 'offer-strategy.yaml',
  fairPriceMultiples: 'fair-price-multiples.yaml',
};

export function loadDataFiles(dir: string): DataFiles {
  let present: string[];
  try {
    // Hidden files (.gitkeep, editor swap files) are not data; folders (hospitals/) have their own loaders.
    present = readdirSync(dir, { withFileTypes: true }).filter((f) => !f.name.startsWith('.') && !f.isDirectory()).map((f) => f.name).sort();
  } catch {
    throw new ContentError(`Data folder not found: ${dir}`);
  }
  const expected = Object.values(DATA_FILE_NAMES);
  const unknown = present.filter((f) => !expected.includes(f));
  if (unknown.length > 0) {
    throw new ContentError(`${unknown.join(', ')}: unknown data file in ${dir} (expected only ${expected.join(', ')})`);
  }
  const load = <T>(file: string, schema: z.ZodType<T>): T => {
    if (!present.includes(file)) throw new ContentError(`${file}: missing from ${dir}`);
    return loadFile(path.join(dir, file), file, schema);
  };
  return {
    povertyGuidelines: load(DATA_FILE_NAMES.povertyGuidelines, povertyTableSchema),
    assistanceTiers: load(DATA_FILE_NAMES.assistanceTiers, assistanceTiersSchema),
    offerStrategy: load(DATA_FILE_NAMES.offerStrategy, offerStrategySchema),
    fairPriceMultiples: load(DATA_FILE_NAMES.fairPriceMultiples, fairPriceMultiplesSchema),
  };
}

function loadFile<T>(fullPath: string, file: string, schema: z.ZodType<T>): T {
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(fullPath, 'utf8'));
  } catch (err) {
    throw new ContentError(`${file}: not valid YAML (${(err as Error).message.split('\n')[0]})`);
  }
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  // One line per problem, each "<file>: <path>: <what is wrong>", so the operator sees them all at once.
  throw new ContentError(result.error.issues.map((issue) => `${file}: ${where(issue.path)}: ${issue.message}`).join('\n'));
}

function where(issuePath: readonly PropertyKey[]): string {
  return issuePath.length === 0 ? '(top level)' : issuePath.map(String).join('.');
}
