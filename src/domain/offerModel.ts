import { z } from 'zod';
import { cents } from './schemaParts';

/** What step 3 (an upfront offer or a payment plan) adds to a Case. */
export const RECOMMENDATIONS = ['lumpSum', 'plan', 'lumpSumThenPlan', 'neither'] as const;

export const offerFields = {
  offer: z
    .looseObject({
      cashAvailableCents: cents.optional(),
      monthlyBudgetCents: cents.optional(),
      recommendation: z.enum(RECOMMENDATIONS).optional(),
      applyForAssistanceFirst: z.boolean().optional(),
      lumpSum: z.looseObject({ referenceCents: cents, openingCents: cents, targetCents: cents, ceilingCents: cents }).optional(),
      plan: z
        .looseObject({
          months: z.number().int().min(1),
          monthlyCents: cents,
          lastPaymentCents: cents,
          totalCents: cents,
          overBudget: z.boolean(),
          stretched: z.boolean(),
        })
        .optional(),
      decidedAt: z.iso.datetime().optional(),
    })
    .default({}),
};

