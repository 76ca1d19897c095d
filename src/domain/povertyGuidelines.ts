import { z } from 'zod';
import type { Cents } from './money';
import { isoDate } from './schemaParts';
import { parseUsState } from './usStates';

/**
 * The HHS poverty guidelines, read from `content/data/poverty-guidelines.yaml`, and the household
 * income as a percent of them: the figure hospital Financial Assistance Policies screen on.
 */

export const REGIONS = ['contiguous', 'alaska', 'hawaii'] as const;
/** `contiguous` is the 48 contiguous states and DC; Alaska and Hawaii have their own, higher figures. */
export type Region = (typeof REGIONS)[number];

/** Household sizes the coach screens: 1 to 20 people. */
export const MIN_HOUSEHOLD = 1;
export const MAX_HOUSEHOLD = 20;

const DOLLARS = 'expected a positive whole number of dollars';
/** A generous ceiling that catches a figure typed in cents or with an extra digit. */
const MAX_FIGURE_DOLLARS = 1_000_000;

/**
 * Zod error messages for data files, written for the operator who edits them: "missing" when a key is
 * absent, the spelling hint for an unknown key, and `message` when the value is of the wrong kind.
 */
export const dataError = (message: string) => (issue: z.core.$ZodRawIssue): string => {
  if (issue.input === undefined) return 'missing';
  if (issue.code === 'unrecognized_keys') return `unknown key ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling)`;
  return message;
};

const wholeDollars = z
  .number({ error: dataError(DOLLARS) })
  .int({ error: DOLLARS })
  .positive({ error: DOLLARS })
  .max(MAX_FIGURE_DOLLARS, { error: `expected at most ${MAX_FIGURE_DOLLARS} dollars (a yearly figure in whole dollars, not cents)` });

const YEAR = 'expected a year such as 2026';
/** A four-digit year in a data file. */
export const yearSchema = z.number({ error: dataError(YEAR) }).int({ error: YEAR }).min(1990, { error: YEAR }).max(2200, { error: YEAR });

const text = z.string({ error: dataError('expected a text') }).trim().min(1, { error: 'expected a text' });

const regionFiguresSchema = z.strictObject(
  { firstPerson: wholeDollars, eachAdditional: wholeDollars, note: text.optional() },
  { error: dataError('expected firstPerson and eachAdditional') },
);

const yearEntrySchema = z.strictObject(
  {
    year: yearSchema,
    contiguous: regionFiguresSchema,
    alaska: regionFiguresSchema,
    hawaii: regionFiguresSchema,
    source: text,
    effective: isoDate.optional(),
    note: text.optional(),
  },
  { error: dataError('expected year, contiguous, alaska, hawaii and source') },
);

export const povertyTableSchema = z.strictObject(
  {
    years: z
      .array(yearEntrySchema, { error: dataError('expected a list of years') })
      .min(1, { error: 'expected at least one year' })
      .superRefine((years, ctx) => {
        const seen = new Set<number>();
        years.forEach((entry, i) => {
          if (seen.has(entry.year)) ctx.addIssue({ code: 'custom', path: [i, 'year'], message: `year ${entry.year} is listed twice` });
          seen.add(entry.year);
        });
      }),
  },
  { error: dataError('expected years: a list of yearly guidelines') },
);

export type RegionFigures = z.infer<typeof regionFiguresSchema>;
export type PovertyYear = z.infer<typeof yearEntrySchema>;
export type PovertyTable = z.infer<typeof povertyTableSchema>;

export interface PovertyPercent {
  /** Income as a whole percent of the guideline, rounded down: exactly 200% reads 200, a cent less 199. */
  percent: number;
  /** The guideline year used (the newest in the table). */
  year: number;
  guidelineCents: Cents;
  region: Region;
  source: string;
}

/** AK → alaska, HI → hawaii; every other state, DC, an unknown or missing state → the 48-state figures. */
export function regionForState(state: string | undefined): Region {
  const code = state === undefined ? undefined : parseUsState(state);
  if (code === 'AK') return 'alaska';
  if (code === 'HI') return 'hawaii';
  return 'contiguous';
}

/** The newest year in the table, wherever it is listed. */
export function latestYear(table: PovertyTable): PovertyYear {
  const [first, ...rest] = table.years;
  if (!first) throw new RangeError('the poverty guideline table has no years');
  return rest.reduce((newest, entry) => (entry.year > newest.year ? entry : newest), first);
}

function checkHouseholdSize(householdSize: number): void {
  if (!Number.isInteger(householdSize) || householdSize < MIN_HOUSEHOLD || householdSize > MAX_HOUSEHOLD) {
    throw new RangeError(`household size must be a whole number from ${MIN_HOUSEHOLD} to ${MAX_HOUSEHOLD}, got ${householdSize}`);
  }
}

/** The yearly guideline for a household: first person + (size − 1) × each additional person, in cents. */
export function guidelineCents(entry: PovertyYear, householdSize: number, region: Region): Cents {
  checkHouseholdSize(householdSize);
  const figures = entry[region];
  return (figures.firstPerson + (householdSize - 1) * figures.eachAdditional) * 100;
}

/** A yearly household income as a percent of the newest guideline for the household's size and state. */
export function povertyPercent(annualIncomeCents: Cents, householdSize: number, state: string | undefined, table: PovertyTable): PovertyPercent {
  if (!Number.isSafeInteger(annualIncomeCents) || annualIncomeCents < 0) {
    throw new RangeError(`annual income must be whole cents, zero or more, got ${annualIncomeCents}`);
  }
  const entry = latestYear(table);
  const region = regionForState(state);
  const guideline = guidelineCents(entry, householdSize, region);
  const scaled = annualIncomeCents * 100;
  const percent = (scaled - (scaled % guideline)) / guideline; // exact integer floor, no float rounding
  return { percent, year: entry.year, guidelineCents: guideline, region, source: entry.source };
}
