import { z } from 'zod';
import { isIsoDate } from './dates';
import { MAX_CENTS } from './money';

/** Building blocks shared by the persisted Case schemas. */
export const isoDate = z.string().refine(isIsoDate, { error: 'expected a date as YYYY-MM-DD' });
export const cents = z.number().int().min(0).max(MAX_CENTS);
export const YES_NO_UNSURE = ['yes', 'no', 'unsure'] as const;
export const yesNoUnsure = z.enum(YES_NO_UNSURE);
export type YesNoUnsure = (typeof YES_NO_UNSURE)[number];
