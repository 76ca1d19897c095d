import { z } from 'zod';
import { dataError, yearSchema } from './povertyGuidelines';

/**
 * `content/data/offer-strategy.yaml`: the operator-editable parameters behind the lump-sum offer range
 * and the payment-plan illustration. The percents are a starting strategy for a hardship negotiation,
 * not a norm and not a promise; the card rates come from the CFPB (2023), named under `sources`.
 */

const PERCENT = 'expected a whole percent from 1 to 100';
const wholePercent = z.number({ error: dataError(PERCENT) }).int({ error: PERCENT }).min(1, { error: PERCENT }).max(100, { error: PERCENT });

const APR = 'expected a yearly rate in percent from 0 to 60 (27 for 27%)';
const aprPercent = z.number({ error: dataError(APR) }).min(0, { error: APR }).max(60, { error: APR });

const MONTHS = 'expected a whole number of months from 1 to 120';
export const MAX_STRATEGY_MONTHS = 120;
const months = z.number({ error: dataError(MONTHS) }).int({ error: MONTHS }).min(1, { error: MONTHS }).max(MAX_STRATEGY_MONTHS, { error: MONTHS });

const ROUND = 'expected whole cents from 1 to 10000 (1000 rounds to $10)';
const roundToCents = z.number({ error: dataError(ROUND) }).int({ error: ROUND }).min(1, { error: ROUND }).max(10_000, { error: ROUND });

const text = z.string({ error: dataError('expected a text') }).trim().min(1, { error: 'expected a text' });

const percentShape = { openingPercent: wholePercent, targetPercent: wholePercent, ceilingPercent: wholePercent };

/** opening ≤ target ≤ ceiling (each already 1–100), reported on the key to fix. */
function checkOrder(p: { openingPercent: number; targetPercent: number; ceilingPercent: number }, ctx: z.RefinementCtx): void {
  if (p.targetPercent < p.openingPercent) ctx.addIssue({ code: 'custom', path: ['targetPercent'], message: 'must be at least openingPercent' });
  if (p.ceilingPercent < p.targetPercent) ctx.addIssue({ code: 'custom', path: ['ceilingPercent'], message: 'must be at least targetPercent' });
}

const PERCENTS = 'expected openingPercent, targetPercent and ceilingPercent';
const offerPercentsSchema = z.strictObject(percentShape, { error: dataError(PERCENTS) }).superRefine(checkOrder);

const sourceSchema = z.strictObject({ source: text, year: yearSchema }, { error: dataError('expected source and year') });

/** Where the figures from a public source come from: the two card rates. */
const sourcesSchema = z.strictObject(
  { medicalCardAprPercent: sourceSchema, generalCardAprPercent: sourceSchema },
  { error: dataError('expected a source and year for medicalCardAprPercent and generalCardAprPercent') },
);

export const offerStrategySchema = z
  .strictObject(
    {
      ...percentShape,
      withAssistanceLikely: offerPercentsSchema,
      roundToCents,
      maxMonths: months,
      promoMonths: months,
      medicalCardAprPercent: aprPercent,
      generalCardAprPercent: aprPercent,
      sources: sourcesSchema,
    },
    { error: dataError('expected the offer percents, withAssistanceLikely, roundToCents, maxMonths, promoMonths, the two card rates and sources') },
  )
  .superRefine(checkOrder);

export type OfferStrategy = z.infer<typeof offerStrategySchema>;
/** Opening, target and ceiling as whole percents of the reference amount. */
export type OfferPercents = z.infer<typeof offerPercentsSchema>;
