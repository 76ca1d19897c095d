import { randomUUID } from 'node:crypto';
import { Case, caseSchema, emptyProfile, JourneyStep, MAX_CASES, Profile, PROFILE_SCHEMA_VERSION, profileSchema, StepStatus } from './case';

type Migration = (data: Record<string, unknown>) => Record<string, unknown>;

/**
 * Each entry upgrades data of version N to N+1. Version 0 is the pre-release shape, one `case`
 * object and no version field; it shows the path every later breaking change follows.
 */
const MIGRATIONS: Record<number, Migration> = {
  0: (data) => {
    const { case: single, ...rest } = data;
    const cases = single && typeof single === 'object' ? [single] : [];
    const first = cases[0] as { id?: unknown } | undefined;
    return { ...rest, schemaVersion: 1, cases, activeCaseId: typeof first?.id === 'string' ? first.id : undefined };
  },
  // 1 → 2: a case's `intakeSkipped` held every skipped question, not only the intake's; it is `skippedQuestions`.
  1: (data) => ({ ...data, schemaVersion: 2, cases: mapCases(data.cases, renameField('intakeSkipped', 'skippedQuestions')), unreadable: mapCases(data.unreadable, renameField('intakeSkipped', 'skippedQuestions')) }),
};

/** Applies `change` to each stored case that is an object; anything else (not a list, a stray value) is kept as it was. */
function mapCases(cases: unknown, change: Migration): unknown {
  return Array.isArray(cases) ? cases.map((c: unknown) => (isRecord(c) ? change(c) : c)) : cases;
}

/** Moves `from` to `to`, unless `to` is already there (then the old field just goes). */
function renameField(from: string, to: string): Migration {
  return (record) => {
    if (!(from in record)) return record;
    const { [from]: value, ...rest } = record;
    return to in rest ? rest : { ...rest, [to]: value };
  };
}

export interface MigrationResult {
  profile: Profile;
  /** The stored data was from an older version (and will be saved in the new shape). */
  migrated: boolean;
  /** How many stored cases could not be read; they are kept in `profile.unreadable`. */
  unreadableCases: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads whatever UserState holds into the current Profile shape, never losing a case. */
export function migrateProfile(raw: unknown): MigrationResult {
  if (!isRecord(raw) || Object.keys(raw).length === 0) return { profile: emptyProfile(), migrated: false, unreadableCases: 0 };
  let data: Record<string, unknown> = { ...raw };
  let version = typeof data.schemaVersion === 'number' ? data.schemaVersion : 0;
  const migrated = version < PROFILE_SCHEMA_VERSION;
  while (version < PROFILE_SCHEMA_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) break;
    data = step(data);
    version += 1;
  }
  const direct = profileSchema.safeParse(data);
  if (direct.success) return { profile: direct.data, migrated, unreadableCases: 0 };

  // Salvage: keep every case that validates, park the others in `unreadable`.
  const rawCases = Array.isArray(data.cases) ? data.cases : [];
  const cases: Case[] = [];
  const unreadable: unknown[] = Array.isArray(data.unreadable) ? [...data.unreadable] : [];
  for (const c of rawCases) {
    const parsed = caseSchema.safeParse(c);
    if (parsed.success && cases.length < MAX_CASES) cases.push(parsed.data);
    else unreadable.push(c);
  }
  const conversations = Array.isArray(data.conversations) ? data.conversations.filter((c): c is string => typeof c === 'string').slice(-50) : [];
  const activeCaseId = typeof data.activeCaseId === 'string' && cases.some((c) => c.id === data.activeCaseId) ? data.activeCaseId : cases[0]?.id;
  return {
    profile: { schemaVersion: PROFILE_SCHEMA_VERSION, cases, activeCaseId, conversations, unreadable },
    migrated: true,
    unreadableCases: unreadable.length - (Array.isArray(data.unreadable) ? data.unreadable.length : 0),
  };
}

export function activeCase(profile: Profile): Case | undefined {
  return profile.cases.find((c) => c.id === profile.activeCaseId) ?? profile.cases[0];
}

export function canAddCase(profile: Profile): boolean {
  return profile.cases.length < MAX_CASES;
}

/** Adds a new case and makes it the active one. */
export function addCase(profile: Profile, label: string, now: Date, id: string = randomUUID()): { profile: Profile; created: Case } {
  if (!canAddCase(profile)) throw new RangeError(`A profile holds at most ${MAX_CASES} cases`);
  const stamp = now.toISOString();
  const created = caseSchema.parse({ id, label: label.trim().slice(0, 120), createdAt: stamp, updatedAt: stamp, provider: {} });
  return { profile: { ...profile, cases: [...profile.cases, created], activeCaseId: created.id }, created };
}

export function setActiveCase(profile: Profile, caseId: string): Profile {
  if (!profile.cases.some((c) => c.id === caseId)) return profile;
  return { ...profile, activeCaseId: caseId };
}

/** Applies `change` to one case and stamps `updatedAt`; the result must still validate. */
export function updateCase(profile: Profile, caseId: string, change: (c: Case) => Case, now: Date): Profile {
  const updated = (c: Case): Case => caseSchema.parse({ ...change(c), updatedAt: now.toISOString() });
  return { ...profile, cases: profile.cases.map((c) => (c.id === caseId ? updated(c) : c)) };
}

export function withStepStatus(c: Case, step: JourneyStep, status: StepStatus): Case {
  return { ...c, progress: { ...c.progress, [step]: status } };
}

export function setStepStatus(profile: Profile, caseId: string, step: JourneyStep, status: StepStatus, now: Date): Profile {
  return updateCase(profile, caseId, (c) => withStepStatus(c, step, status), now);
}

export function rememberConversation(profile: Profile, conversationId: string): Profile {
  if (profile.conversations.includes(conversationId)) return profile;
  return { ...profile, conversations: [...profile.conversations, conversationId].slice(-50) };
}

/**
 * Removes one case; the most recently updated of the others becomes the active one (none when it was the
 * last). Everything else in the profile stays.
 */
export function removeCase(profile: Profile, caseId: string): { profile: Profile; active: Case | undefined } {
  const cases = profile.cases.filter((c) => c.id !== caseId);
  if (cases.length === profile.cases.length) return { profile, active: activeCase(profile) };
  const stillActive = cases.find((c) => c.id === profile.activeCaseId);
  const active = stillActive ?? [...cases].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
  return { profile: { ...profile, cases, activeCaseId: active?.id }, active };
}
