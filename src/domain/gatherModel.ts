import { z } from 'zod';
import { cents, isoDate, yesNoUnsure } from './schemaParts';

/**
 * What step 1 (gather information) adds to a Case. All optional: a case is filled in over several visits.
 */

export const EOB_STATUSES = ['processed', 'pending', 'denied'] as const;
export type EobStatus = (typeof EOB_STATUSES)[number];

export const eobSchema = z.looseObject({
  status: z.enum(EOB_STATUSES),
  billedCents: cents.optional(),
  allowedCents: cents.optional(),
  planPaidCents: cents.optional(),
  deductibleCents: cents.optional(),
  copayCents: cents.optional(),
  coinsuranceCents: cents.optional(),
  /** What the EOB says the patient may owe ("patient responsibility"), as printed. */
  patientOwesCents: cents.optional(),
  /** Whether the user chose to give the split into deductible, copay and coinsurance. */
  split: z.enum(['yes', 'no']).optional(),
  denialReason: z.string().max(300).optional(),
  /** Emergency care (No Surprises Act: in-network cost sharing only). */
  emergency: yesNoUnsure.optional(),
  /** An out-of-network clinician at an in-network facility. */
  outOfNetworkAtInNetwork: yesNoUnsure.optional(),
});
export type EobFigures = z.infer<typeof eobSchema>;

export const billLineSchema = z.looseObject({
  id: z.string().min(1).max(40),
  date: isoDate.optional(),
  /** As the user typed it (CPT/HCPCS/revenue code); no descriptor text ships with the bot. */
  code: z.string().max(20).optional(),
  description: z.string().max(120).optional(),
  units: z.number().int().min(1).max(999).default(1),
  chargeCents: cents,
  notReceived: z.boolean().optional(),
});
export type BillLine = z.infer<typeof billLineSchema>;

export const PRICE_SOURCES = ['hospitalCashPrice', 'fairHealth', 'medicare', 'other'] as const;
export type PriceSource = (typeof PRICE_SOURCES)[number];

export const fairPriceSchema = z.looseObject({
  id: z.string().min(1).max(40),
  /** The service in the user's words or code. */
  service: z.string().min(1).max(120),
  lineId: z.string().max(40).optional(),
  chargeCents: cents,
  comparableCents: cents.optional(),
  source: z.enum(PRICE_SOURCES).optional(),
  recordedAt: z.iso.datetime(),
});
export type FairPrice = z.infer<typeof fairPriceSchema>;

export const DOCUMENT_STATES = ['have', 'requested', 'missing', 'notApplicable'] as const;
export const documentsSchema = z.looseObject({
  itemizedBill: z.enum(DOCUMENT_STATES).optional(),
  eob: z.enum(DOCUMENT_STATES).optional(),
  medicalRecords: z.enum(DOCUMENT_STATES).optional(),
  goodFaithEstimate: z.enum(DOCUMENT_STATES).optional(),
});
export type Documents = z.infer<typeof documentsSchema>;
export type DocumentName = keyof Documents;

export const followUpSchema = z.looseObject({
  id: z.string().min(1).max(40),
  kind: z.enum(['itemizedBill', 'eob', 'review', 'assistance', 'other']),
  due: isoDate,
  status: z.enum(['open', 'done']).default('open'),
  createdAt: z.iso.datetime(),
});
export type FollowUp = z.infer<typeof followUpSchema>;

/** The saved result of a bill check: finding codes and figures; the words come from content at display time. */
export const savedCheckSchema = z.looseObject({
  checkedAt: z.iso.datetime(),
  findings: z
    .array(
      z.looseObject({
        code: z.string(),
        severity: z.string(),
        figures: z.record(z.string(), z.number()).default({}),
        lineIds: z.array(z.string()).optional(),
        deadline: isoDate.optional(),
      }),
    )
    .max(50),
});

export const gatherFields = {
  /**
   * Every question the user skipped ('not sure'), in any step, by question id (stored as `intakeSkipped` before
   * profile version 2). About 30 questions can be skipped, each recorded once: the cap leaves room for all of them.
   */
  skippedQuestions: z.array(z.string().max(60)).max(200).default([]),
  documents: documentsSchema.default({}),
  eob: eobSchema.optional(),
  goodFaithEstimateCents: cents.optional(),
  billLines: z.array(billLineSchema).max(100).default([]),
  fairPrices: z.array(fairPriceSchema).max(50).default([]),
  billCheck: savedCheckSchema.optional(),
  followUps: z.array(followUpSchema).max(100).default([]),
  /** The last number used for an id of a call, follow-up or price check (caseIds.ts): ids never repeat. */
  lastItemNumber: z.number().int().min(0).optional(),
};
