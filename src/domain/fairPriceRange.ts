import { z } from 'zod';
import { isCents, type Cents } from './money';
import { dataError, yearSchema } from './povertyGuidelines';

/**
 * A fair cash price to ask for, from what Medicare pays for the same service in the same place:
 * `content/data/fair-price-multiples.yaml` holds the multiples (whole percents of the Medicare amount), each with
 * its published source and year, so an operator can change them without touching code. The coach suggests; the
 * provider decides.
 */

const PERCENT = 'expected a whole percent of the Medicare amount from 100 to 1000 (200 for twice what Medicare pays)';
const percentOfMedicare = z.number({ error: dataError(PERCENT) }).int({ error: PERCENT }).min(100, { error: PERCENT }).max(1000, { error: PERCENT });
const text = z.string({ error: dataError('expected a text') }).trim().min(1, { error: 'expected a text' });

export const fairPriceMultiplesSchema = z
  .strictObject(
    {
      range: z.strictObject({ lowPercent: percentOfMedicare, highPercent: percentOfMedicare, source: text, year: yearSchema }, { error: dataError('expected lowPercent, highPercent, source and year') }),
      askPercent: percentOfMedicare,
      employerPlans: z.strictObject({ percent: percentOfMedicare, source: text, year: yearSchema }, { error: dataError('expected percent, source and year') }),
    },
    { error: dataError('expected range, askPercent and employerPlans') },
  )
  .superRefine((m, ctx) => {
    if (m.range.highPercent < m.range.lowPercent) ctx.addIssue({ code: 'custom', path: ['range', 'highPercent'], message: 'must be at least lowPercent' });
    if (m.askPercent < m.range.lowPercent || m.askPercent > m.range.highPercent) ctx.addIssue({ code: 'custom', path: ['askPercent'], message: 'must lie within the range (lowPercent to highPercent)' });
  });

export type FairPriceMultiples = z.infer<typeof fairPriceMultiplesSchema>;

export interface FairPriceRange {
  medicareCents: Cents;
  /** The fair cash price range: range.lowPercent and range.highPercent of the Medicare amount. */
  lowCents: Cents;
  highCents: Cents;
  /** What to ask to pay: askPercent of the Medicare amount, never more than the charge. */
  askCents: Cents;
  askPercent: number;
}

export interface ChargeAgainstMedicare extends FairPriceRange {
  chargeCents: Cents;
  /** How much the charge is above the Medicare amount (0 when it is not above), and that as a whole percent of it. */
  overMedicareCents: Cents;
  overMedicarePercent: number;
  /** The charge is above the fair price to ask for: worth arguing. */
  aboveAsk: boolean;
}

/** A whole percent of an amount in cents, rounded to the nearest cent. */
const percentOf = (cents: Cents, percent: number): Cents => Math.round((cents * percent) / 100);

/**
 * The fair cash price range for a service Medicare pays `medicareCents` for. Throws RangeError when the amount is
 * not positive cents: a service with no Medicare figure has no range (a caller bug, not user data).
 */
export function fairPriceRange(medicareCents: Cents, multiples: FairPriceMultiples): FairPriceRange {
  if (!isCents(medicareCents) || medicareCents <= 0) throw new RangeError('fairPriceRange expects a positive Medicare amount in cents');
  return {
    medicareCents,
    lowCents: percentOf(medicareCents, multiples.range.lowPercent),
    highCents: percentOf(medicareCents, multiples.range.highPercent),
    askCents: percentOf(medicareCents, multiples.askPercent),
    askPercent: multiples.askPercent,
  };
}

/** A charge against the Medicare amount: how far above it, and the fair price to ask for (never above the charge). */
export function chargeAgainstMedicare(chargeCents: Cents, medicareCents: Cents, multiples: FairPriceMultiples): ChargeAgainstMedicare {
  if (!isCents(chargeCents)) throw new RangeError('chargeAgainstMedicare expects the charge in integer cents');
  const range = fairPriceRange(medicareCents, multiples);
  const overMedicareCents = Math.max(0, chargeCents - medicareCents);
  return {
    ...range,
    askCents: Math.min(range.askCents, chargeCents),
    chargeCents,
    overMedicareCents,
    overMedicarePercent: Math.round((overMedicareCents * 100) / medicareCents),
    aboveAsk: chargeCents > range.askCents,
  };
}
