import { z } from 'zod';
import { callPrepFields } from './callPrepModel';
import { followUpModelFields } from './followUpModel';
import { gatherFields } from './gatherModel';
import { caseHospitalSchema } from './hospital';
import { medicareFields } from './medicareLines';
import { offerFields } from './offerModel';
import { rehearsalFields } from './rehearsalModel';
import { YES_NO_UNSURE, cents, isoDate } from './schemaParts';

export { YES_NO_UNSURE } from './schemaParts';

/**
 * The Case model: one bill being negotiated. Persisted in UserState, so it is versioned:
 * `PROFILE_SCHEMA_VERSION` changes with every breaking change, and `migrateProfile` upgrades old data.
 * New optional fields (what later steps add) need no new version; objects are loose so a field written
 * by a newer release survives an older one.
 */
export const PROFILE_SCHEMA_VERSION = 2;
export const MAX_CASES = 20;

export const PROVIDER_KINDS = ['hospital', 'doctor', 'lab', 'imaging', 'ambulance', 'other'] as const;
export const INSURANCE_KINDS = ['employer', 'marketplace', 'medicare', 'medicaid', 'uninsured', 'unsure'] as const;
export const JOURNEY_STEPS = ['gather', 'callPrep', 'offer', 'rehearsal', 'followUp'] as const;
export const STEP_STATUSES = ['not_started', 'in_progress', 'done'] as const;

export type JourneyStep = (typeof JOURNEY_STEPS)[number];
export type StepStatus = (typeof STEP_STATUSES)[number];

export const providerSchema = z.looseObject({
  name: z.string().min(1).max(120).optional(),
  kind: z.enum(PROVIDER_KINDS).optional(),
  nonprofit: z.enum(YES_NO_UNSURE).optional(),
});

const progressSchema = z.object({
  gather: z.enum(STEP_STATUSES).default('not_started'),
  callPrep: z.enum(STEP_STATUSES).default('not_started'),
  offer: z.enum(STEP_STATUSES).default('not_started'),
  rehearsal: z.enum(STEP_STATUSES).default('not_started'),
  followUp: z.enum(STEP_STATUSES).default('not_started'),
});

export const caseSchema = z.looseObject({
  id: z.string().min(1).max(64),
  /** What the user calls this bill; defaults to the provider's name. */
  label: z.string().min(1).max(120),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  provider: providerSchema.default({}),
  serviceDate: isoDate.optional(),
  firstBillDate: isoDate.optional(),
  dueDate: isoDate.optional(),
  balanceCents: cents.optional(),
  insurance: z.enum(INSURANCE_KINDS).optional(),
  inCollections: z.enum(YES_NO_UNSURE).optional(),
  /** When the bill went to a collection agency (the first letter from the agency), when the user knows it. */
  collectionsDate: isoDate.optional(),
  /** Two-letter US state or DC. */
  state: z.string().regex(/^[A-Z]{2}$/).optional(),
  /** Issue 23: the hospital she picked from CMS's hospital list (optional: clinics, labs and "none of these" have none). */
  hospital: caseHospitalSchema.optional(),
  ...gatherFields,
  /** Issue 22: her Medicare locality and what Medicare pays for each coded line (optional). */
  ...medicareFields,
  ...callPrepFields,
  ...offerFields,
  ...rehearsalFields,
  ...followUpModelFields,
  progress: progressSchema.default({
    gather: 'not_started', callPrep: 'not_started', offer: 'not_started', rehearsal: 'not_started', followUp: 'not_started',
  }),
});

export type Case = z.infer<typeof caseSchema>;

export const profileSchema = z.looseObject({
  schemaVersion: z.literal(PROFILE_SCHEMA_VERSION),
  cases: z.array(caseSchema).max(MAX_CASES),
  activeCaseId: z.string().optional(),
  /** Conversation ids this user has talked in, so "delete my data" can erase their conversation state too. */
  conversations: z.array(z.string()).max(50).default([]),
  /** Stored cases that no longer validate: kept, never silently dropped. */
  unreadable: z.array(z.unknown()).default([]),
});

export type Profile = z.infer<typeof profileSchema>;

export function emptyProfile(): Profile {
  return { schemaVersion: PROFILE_SCHEMA_VERSION, cases: [], conversations: [], unreadable: [] };
}
