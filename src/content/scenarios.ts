import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { Scenario, scenarioSchema } from '../domain/scenario';
import { ContentError } from './contentStore';
import { badPlaceholder, placeholdersOf } from './schemas';

/** Placeholders a scenario line may use: filled from the user's case (or sensible stand-ins). */
export const SCENARIO_PLACEHOLDERS = ['provider', 'balance', 'opening', 'target', 'ceiling', 'monthly', 'rep'] as const;

function lines(s: Scenario): [string, string][] {
  const out: [string, string][] = [['intro', s.intro], ['closing', s.closing]];
  s.turns.forEach((t, i) => {
    for (const key of ['rep', 'toughRep', 'good', 'weak', 'toughWeak'] as const) {
      const value = t[key];
      if (value) out.push([`turns.${i}.${key}`, value]);
    }
  });
  return out;
}

/**
 * Loads every scenario in `dir` (one YAML file each; the file name is its id). An operator adds a
 * scenario by adding a file; a broken one stops startup naming the file and the exact place.
 */
export function loadScenarios(dir: string): Scenario[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
  } catch {
    throw new ContentError(`Rehearsal scenarios folder not found: ${dir}`);
  }
  if (files.length === 0) throw new ContentError(`No rehearsal scenarios (*.yaml) in ${dir}`);
  return files.map((file) => {
    let raw: unknown;
    try {
      raw = parse(readFileSync(path.join(dir, file), 'utf8'));
    } catch (err) {
      throw new ContentError(`rehearsal/${file}: not valid YAML (${(err as Error).message.split('\n')[0]})`);
    }
    const parsed = scenarioSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ContentError(`rehearsal/${file}: ${issue?.path.join('.') || '(top level)'}: ${issue?.message ?? 'invalid'}`);
    }
    const scenario: Scenario = { ...parsed.data, id: file.replace(/\.ya?ml$/, '') };
    for (const [where, text] of lines(scenario)) {
      const bad = badPlaceholder(text);
      if (bad) throw new ContentError(`rehearsal/${file}: ${where}: broken placeholder near "${bad}"`);
      const unknown = placeholdersOf(text).find((p) => !(SCENARIO_PLACEHOLDERS as readonly string[]).includes(p));
      if (unknown) throw new ContentError(`rehearsal/${file}: ${where}: unknown placeholder {{${unknown}}} (use ${SCENARIO_PLACEHOLDERS.join(', ')})`);
    }
    return scenario;
  });
}
