import { z } from 'zod';
import { isoDate } from './schemaParts';

export const CALL_OUTCOMES = ['waitingItemized', 'waitingReview', 'assistanceApplied', 'agreementReached', 'planSetUp', 'confirmedInWriting', 'noProgress', 'other'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/** One call to the billing office, the assistance office or a collector, as the user tells it. */
export const callLogEntrySchema = z.looseObject({
  id: z.string().min(1).max(40),
  /** The day of the call. */
  date: isoDate,
  /** Whom the user spoke with. */
  who: z.string().max(80).optional(),
  department: z.string().max(80).optional(),
  /** The call reference number; the user may say there was none ("none" is kept as typed). */
  reference: z.string().max(60).optional(),
  outcome: z.enum(CALL_OUTCOMES),
  notes: z.string().max(500).optional(),
  createdAt: z.iso.datetime(),
});
export type CallLogEntry = z.infer<typeof callLogEntrySchema>;

/** What step 5 adds to a Case (spread into `caseSchema`). */
export const followUpFields = {
  calls: z.array(callLogEntrySchema).max(100).default([]),
};

/**
 * What step 5 adds to a Case: the call log, plus the call being logged right now (saved answer by
 * answer, so a restart in the middle loses nothing).
 */
export const followUpModelFields = {
  ...followUpFields,
  callDraft: z
    .looseObject({
      date: isoDate.optional(),
      who: z.string().max(80).optional(),
      department: z.string().max(80).optional(),
      reference: z.string().max(60).optional(),
      outcome: z.enum(CALL_OUTCOMES).optional(),
      notes: z.string().max(500).optional(),
    })
    .optional(),
};
