import { z } from 'zod';
import { ASSISTANCE_TIERS, INCOME_PERIODS } from './charityCare';
import { cents, isoDate } from './schemaParts';

/** What step 2 (prepare the call) adds to a Case. */
export const HARDSHIP_REASONS = ['jobLoss', 'fewerHours', 'medicalLeave', 'fixedIncome', 'otherMedicalBills', 'dependants', 'other'] as const;
export type HardshipReason = (typeof HARDSHIP_REASONS)[number];

export const CONTACTS = ['billingOffice', 'financialAssistance', 'collectionAgency'] as const;
export type Contact = (typeof CONTACTS)[number];

export const assistanceSchema = z.looseObject({
  householdSize: z.number().int().min(1).max(20).optional(),
  incomePeriod: z.enum(INCOME_PERIODS).optional(),
  /** As the user gave it, per incomePeriod. */
  incomeCents: cents.optional(),
  hoursPerWeek: z.number().int().min(1).max(100).optional(),
  /** Confirmed by the user after the conversion was shown. */
  annualIncomeCents: cents.optional(),
  screen: z
    .looseObject({
      percent: z.number().int().min(0),
      year: z.number().int(),
      tier: z.enum(ASSISTANCE_TIERS),
      guidelineCents: cents,
      screenedOn: isoDate,
    })
    .optional(),
});
export type Assistance = z.infer<typeof assistanceSchema>;

export const hardshipSchema = z.looseObject({
  reasons: z.array(z.enum(HARDSHIP_REASONS)).max(HARDSHIP_REASONS.length).default([]),
  ownWords: z.string().max(600).optional(),
  statement: z.string().min(1).max(1500),
  updatedAt: z.iso.datetime(),
});
export type Hardship = z.infer<typeof hardshipSchema>;

export const callPrepFields = {
  assistance: assistanceSchema.default({}),
  hardship: hardshipSchema.optional(),
  callPlan: z.looseObject({ preparedAt: z.iso.datetime(), contacts: z.array(z.enum(CONTACTS)).min(1) }).optional(),
};
