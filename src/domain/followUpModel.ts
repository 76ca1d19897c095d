import { z } from 'zod';
import { CALL_OUTCOMES, followUpFields } from './followUp';
import { isoDate } from './schemaParts';

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
