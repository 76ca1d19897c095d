import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { Case, Profile } from '../domain/case';
import { MigrationResult, activeCase, migrateProfile, updateCase } from '../domain/profile';

const TURN_KEY = Symbol('billcoach.profile');

/**
 * The user's cases in UserState, always read through the migration so a dialog only ever sees the
 * current schema. The migrated profile is cached for the turn and written back by the bot's save.
 */
export class ProfileStore {
  constructor(private readonly accessor: StatePropertyAccessor<unknown>) {}

  async load(context: TurnContext): Promise<MigrationResult> {
    const cached = context.turnState.get(TURN_KEY) as MigrationResult | undefined;
    if (cached) return cached;
    // Validated (and migrated) on every load: a profile is never trusted because it looks like one seen before.
    const result = migrateProfile(await this.accessor.get(context));
    if (result.migrated) await this.accessor.set(context, result.profile);
    context.turnState.set(TURN_KEY, result);
    return result;
  }

  async get(context: TurnContext): Promise<Profile> {
    return (await this.load(context)).profile;
  }

  async save(context: TurnContext, profile: Profile): Promise<void> {
    const previous = await this.load(context);
    context.turnState.set(TURN_KEY, { ...previous, profile });
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
