import type { ContentStore } from '../../src/content/contentStore';
import type { Case } from '../../src/domain/case';
import { isIsoDate } from '../../src/domain/dates';
import { isCents } from '../../src/domain/money';
import type { PromptSpec } from './promptFuzz';

/** "Today" in the harness (its clock is fixed). */
export const TODAY = '2026-11-27';

type Kind = 'text' | 'choice' | 'pastDate' | 'anyDate' | 'money' | 'count' | 'state';

/** Every re-ask of an amount. */
export const MONEY_RETRIES = ['unclear', 'unclearRequired', 'several', 'negative', 'too_large', 'not_a_number'].map((k) => `answers.money.${k}`);
const DATE_RETRIES = ['unclear', 'unclearRequired', 'vague', 'future', 'tooOld'].map((k) => `answers.date.${k}`);

const RETRIES: Record<Kind, (content: ContentStore, range: readonly [number, number]) => string[]> = {
  money: (c) => MONEY_RETRIES.map((key) => c.text(key)),
  pastDate: (c) => DATE_RETRIES.map((key) => c.text(key)),
  anyDate: (c) => DATE_RETRIES.map((key) => c.text(key)),
  text: (c) => [c.text('answers.text.empty'), c.text('answers.text.emptyRequired'), c.text('answers.text.tooLong')],
  state: (c) => [c.text('answers.state.unclear'), c.text('answers.state.unclearRequired')],
  count: (c, [min, max]) => ['unclear', 'unclearRequired', 'notWhole', 'tooSmall', 'tooLarge'].map((k) => c.text(`answers.count.${k}`, { min, max })),
  choice: () => [],
};

/** What any accepted answer of a kind must look like once saved. */
function sanity(kind: Kind, options: QuestionOptions): (value: unknown, input: string) => void {
  return (value, input) => {
    switch (kind) {
      case 'money':
        expect(isCents(value)).toBe(true);
        break;
      case 'pastDate':
      case 'anyDate':
        expect(typeof value === 'string' && isIsoDate(value)).toBe(true);
        if (kind === 'pastDate') expect(String(value) <= TODAY).toBe(true);
        break;
      case 'text':
        // Kept exactly as typed (trimmed): nothing cut or mangled.
        expect(value).toBe(input.trim());
        expect(String(value).length).toBeLessThanOrEqual(options.maxLength ?? 120);
        break;
      case 'state':
        expect(String(value)).toMatch(/^[A-Z]{2}$/);
        break;
      case 'count': {
        const [min, max] = options.range ?? [1, 20];
        expect(Number.isInteger(value) && Number(value) >= min && Number(value) <= max).toBe(true);
        break;
      }
      case 'choice':
        expect(options.choices ?? []).toContain(value);
        break;
    }
  };
}

export interface QuestionOptions {
  seed?: Record<string, unknown>;
  kept?: Record<string, unknown>;
  path: readonly string[];
  valid: string;
  saved: (c: Case) => unknown;
  expected: unknown;
  choices?: readonly string[];
  range?: readonly [number, number];
  maxLength?: number;
  /** Values for the question's `ask` text ({{amount}}…). */
  askVars?: Record<string, string>;
  /** The id in `skippedQuestions` (default: the question id). */
  skipId?: string;
}

/** A question of a QuestionnaireDialog: texts under `<prefix>.<id>`, answers checked by kind. */
export function question(prefix: string, id: string, kind: Kind, options: QuestionOptions): PromptSpec {
  return {
    name: `${prefix}.${id}`,
    seed: options.seed,
    kept: options.kept,
    path: options.path,
    valid: options.valid,
    saved: options.saved,
    expected: options.expected,
    skipId: options.skipId ?? id,
    // A question that cannot be skipped answers "not sure" with why it is needed (its own `needed`, or answers.needed).
    reasks: (c) => [c.text(`${prefix}.${id}.ask`, options.askVars ?? {}), c.text(`${prefix}.${id}.retry`), ...(c.has(`${prefix}.${id}.needed`) ? [c.text(`${prefix}.${id}.needed`)] : []), c.text('answers.needed'), ...RETRIES[kind](c, options.range ?? [1, 20])],
    sane: sanity(kind, options),
  };
}

/** Content texts by key (for re-asks and what comes next). */
export const texts =
  (...keys: string[]) =>
  (content: ContentStore): string[] =>
    keys.map((key) => content.text(key));
