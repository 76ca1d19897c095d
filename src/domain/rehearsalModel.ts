import { z } from 'zod';

/** What step 4 (rehearsal) adds: the last few rehearsals, so progress shows and "my case" can tell. */
export const rehearsalFields = {
  rehearsals: z
    .array(
      z.looseObject({
        scenarioId: z.string().max(60),
        difficulty: z.enum(['standard', 'tough']),
        score: z.number().int().min(0).max(100),
        made: z.array(z.string()).max(20),
        missed: z.array(z.string()).max(20),
        at: z.iso.datetime(),
      }),
    )
    .max(20)
    .default([]),
};
