import { Scenario, scenarioSchema } from '../domain/scenario';
import { ContentError } from './contentError';
import { badPlaceholder, placeholdersOf } from './schemas';
import { readYamlFile, yamlFiles } from './yamlFiles';

/** Placeholders a scenario line may use: filled from the user's case (or sensible stand-ins). */
export const SCENARIO_PLACEHOLDERS = ['provider', 'balance', 'owed', 'due', 'opening', 'target', 'ceiling', 'monthly', 'rep'] as const;
/** Lines said only once she has named an amount may also use it ({{offered}}). */
const AFTER_OFFER = /\.(goodAfterOffer|repAfterOffer)$/;
const allowedIn = (where: string): readonly string[] => (AFTER_OFFER.test(where) ? [...SCENARIO_PLACEHOLDERS, 'offered'] : SCENARIO_PLACEHOLDERS);

function lines(s: Scenario): [string, string][] {
  const out: [string, string][] = [['intro', s.intro], ['closing', s.closing]];
  s.turns.forEach((t, i) => {
    for (const key of ['rep', 'toughRep', 'good', 'pushBack', 'weak', 'toughWeak', 'goodAfterOffer', 'repAfterOffer'] as const) {
      const value = t[key];
      if (value) out.push([`turns.${i}.${key}`, value]);
    }
  });
  for (const [point, value] of Object.entries(s.answers ?? {})) if (value) out.push([`answers.${point}`, value]);
  return out;
}

/**
 * Loads every scenario in `dir` (one YAML file each; the file name is its id). An operator adds a
 * scenario by adding a file; a broken one stops startup naming the file and the exact place.
 */
export function loadScenarios(dir: string): Scenario[] {
  const files = yamlFiles(dir, 'Rehearsal scenarios');
  if (files.length === 0) throw new ContentError(`No rehearsal scenarios (*.yaml) in ${dir}`);
  return files.map((file) => {
    const data = readYamlFile(dir, file, `rehearsal/${file}`, scenarioSchema);
    const scenario: Scenario = { ...data, id: file.replace(/\.ya?ml$/, '') };
    for (const [where, text] of lines(scenario)) {
      const bad = badPlaceholder(text);
      if (bad) throw new ContentError(`rehearsal/${file}: ${where}: broken placeholder near "${bad}"`);
      const allowed = allowedIn(where);
      const unknown = placeholdersOf(text).find((p) => !allowed.includes(p));
      if (unknown) throw new ContentError(`rehearsal/${file}: ${where}: unknown placeholder {{${unknown}}} (use ${allowed.join(', ')})`);
    }
    return scenario;
  });
}
