import { z } from 'zod';
import { MAX_CENTS, type Cents } from './money';
import { dataError, MAX_HOUSEHOLD, MIN_HOUSEHOLD, povertyPercent, yearSchema, type PovertyTable } from './povertyGuidelines';

/**
 * A first screen for hospital financial assistance ("charity care"): the household's income as a
 * percent of the poverty guideline, and which typical tier that falls in. The tiers only pick the
 * wording; each hospital's own Financial Assistance Policy decides.
 */

export const INCOME_PERIODS = ['year', 'month', 'week', 'hour'] as const;
export type IncomePeriod = (typeof INCOME_PERIODS)[number];

export const ASSISTANCE_TIERS = ['likelyFree', 'likelyDiscount', 'mayQualify'] as const;
export type AssistanceTier = (typeof ASSISTANCE_TIERS)[number];

const PERCENT = 'expected a whole percent from 1 to 1000';
const wholePercent = z.number({ error: dataError(PERCENT) }).int({ error: PERCENT }).min(1, { error: PERCENT }).max(1000, { error: PERCENT });
const text = z.string({ error: dataError('expected a text') }).trim().min(1, { error: 'expected a text' });

/** `content/data/assistance-tiers.yaml`: thresholds in whole percents of the poverty guideline. */
export const assistanceTiersSchema = z
  .strictObject(
    {
      freeUpTo: wholePercent,
      discountUpTo: wholePercent,
      source: text,
      year: yearSchema,
      note: text.optional(),
      reportedAverages: z
        .strictObject({ freeUnder: wholePercent, discountUnder: wholePercent, source: text, year: yearSchema }, { error: dataError('expected freeUnder, discountUnder, source and year') })
        .optional(),
    },
    { error: dataError('expected freeUpTo, discountUpTo, source and year') },
  )
  .refine((tiers) => tiers.discountUpTo > tiers.freeUpTo, { path: ['discountUpTo'], message: 'must be above freeUpTo' });

export type AssistanceTiers = z.infer<typeof assistanceTiersSchema>;
export type TierThresholds = Pick<AssistanceTiers, 'freeUpTo' | 'discountUpTo'>;

const WEEKS_PER_YEAR = 52;
const MAX_HOURS_PER_WEEK = 168;

/**
 * An income for one period as a yearly income: year ×1, month ×12, week ×52, hour × hours a week × 52
 * (40 hours a week when the user did not say: a full-time week).
 * Rounded half up to whole cents once, at the end. Throws RangeError on amounts that are not whole cents
 * or on hours a week outside (0, 168].
 */
export function annualIncomeCents(amountCents: Cents, period: IncomePeriod, hoursPerWeek = 40): Cents {
  if (!Number.isSafeInteger(amountCents) || amountCents < 0) throw new RangeError(`income must be whole cents, zero or more, got ${amountCents}`);
  if (!Number.isFinite(hoursPerWeek) || hoursPerWeek <= 0 || hoursPerWeek > MAX_HOURS_PER_WEEK) {
    throw new RangeError(`hours a week must be more than 0 and at most ${MAX_HOURS_PER_WEEK}, got ${hoursPerWeek}`);
  }
  const factor = { year: 1, month: 12, week: WEEKS_PER_YEAR, hour: hoursPerWeek * WEEKS_PER_YEAR }[period];
  const exact = amountCents * factor;
  // toFixed(6) strips binary noise (e.g. 6.4999999999 for 6.5) so the half-up rounding sees the true value.
  const annual = Math.round(Number(exact.toFixed(6)));
  if (!Number.isSafeInteger(annual)) throw new RangeError('yearly income is too large to count in cents');
  return annual;
}

export type HouseholdSizeProblem = 'notWhole' | 'tooSmall' | 'tooLarge';

/** Why a household size cannot be screened (1 to 20 people), or undefined when it can. */
export function householdSizeProblem(n: number): HouseholdSizeProblem | undefined {
  if (!Number.isInteger(n)) return 'notWhole';
  if (n < MIN_HOUSEHOLD) return 'tooSmall';
  if (n > MAX_HOUSEHOLD) return 'tooLarge';
  return undefined;
}

export type IncomeProblem = 'negative' | 'tooLarge';

/** Why a yearly income cannot be screened (negative, or over $10,000,000), or undefined when it can. */
export function incomeProblem(cents: Cents): IncomeProblem | undefined {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`income must be whole cents, got ${cents}`);
  if (cents < 0) return 'negative';
  if (cents > MAX_CENTS) return 'tooLarge';
  return undefined;
}

export interface ScreenInput {
  householdSize: number;
  annualIncomeCents: Cents;
  /** Postal code; AK and HI use their own guidelines, anything else (or nothing) the 48-state figures. */
  state?: string;
}

export interface ScreenResult {
  percent: number;
  year: number;
  source: string;
  guidelineCents: Cents;
  tier: AssistanceTier;
}

/**
 * Income as a percent of the newest poverty guideline and the typical tier it falls in. The tier follows
 * the whole percent the user is shown (rounded down), so the words always match the number.
 */
export function screenAssistance(input: ScreenInput, table: PovertyTable, tiers: TierThresholds): ScreenResult {
  const { percent, year, source, guidelineCents } = povertyPercent(input.annualIncomeCents, input.householdSize, input.state, table);
  const tier: AssistanceTier = percent <= tiers.freeUpTo ? 'likelyFree' : percent <= tiers.discountUpTo ? 'likelyDiscount' : 'mayQualify';
  return { percent, year, source, guidelineCents, tier };
}
