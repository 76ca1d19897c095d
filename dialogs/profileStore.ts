import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { Case, Profile } from '../src/domain/case';
import { KnownValidProfiles } from '../src/domain/knownValidProfiles';
import { MigrationResult, activeCase, isKnownValid, migrateProfile, profileFromValidText, updateCase } from '../src/domain/profile';

const TURN_KEY = Symbol('billcoach.profile');

/**
 * The user's cases in UserState, always read through the migration so a dialog only ever sees the
 * current schema. The migrated profile is cached for the turn and written back by the bot's save.
 */
export class ProfileStore {
  /** Texts of profiles this store saw valid: the next turn's read of the same text skips validation. */
  private readonly known = new KnownValidProfiles();

  constructor(private readonly accessor: StatePropertyAccessor<unknown>) {}

  async load(context: TurnContext): Promise<MigrationResult> {
    const cached = context.turnState.get(TURN_KEY) as MigrationResult | undefined;
    if (cached) return cached;
    const result = this.read(await this.accessor.get(context));
    if (result.migrated) await this.accessor.set(context, result.profile);
    context.turnState.set(TURN_KEY, result);
    return result;
  }

  /** migrateProfile, skipped for a text known to be valid (a fresh copy is returned, as zod's parse does). */
  private read(raw: unknown): MigrationResult {
    const json = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? JSON.stringify(raw) : undefined;
    if (json !== undefined && this.known.has(json)) return { profile: profileFromValidText(json), migrated: false, unreadableCases: 0 };
    const result = migrateProfile(raw);
    if (!result.migrated && result.unreadableCases === 0) this.known.add(JSON.stringify(result.profile));
    return result;
  }

  /** The profile UserState will hold: its text is remembered when the domain vouches for it (valid by construction). */
  private remember(profile: Profile): void {
    if (isKnownValid(profile)) this.known.add(JSON.stringify(profile));
  }

  async get(context: TurnContext): Promise<Profile> {
    return (await this.load(context)).profile;
  }

  async save(context: TurnContext, profile: Profile): Promise<void> {
    const previous = await this.load(context);
    context.turnState.set(TURN_KEY, { ...previous, profile });
    this.remember(profile);
    await this.accessor.set(context, profile);
  }

  async update(context: TurnContext, change: (profile: Profile) => Profile): Promise<Profile> {
    const next = change(await this.get(context));
    await this.save(context, next);
    return next;
  }

  /** Changes the active case (stamped and re-validated) and saves it; undefined when there is no case. */
  async updateActive(context: TurnContext, change: (c: Case) => Case, now: Date): Promise<Case | undefined> {
    const profile = await this.get(context);
    const current = activeCase(profile);
    if (!current) return undefined;
    const next = updateCase(profile, current.id, change, now);
    await this.save(context, next);
    return activeCase(next);
  }

  /** Forgets the turn's cached copy (after "delete my data"). */
  forget(context: TurnContext): void {
    context.turnState.delete(TURN_KEY);
  }
}
