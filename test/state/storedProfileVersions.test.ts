import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UserState } from 'botbuilder';
import { PROFILE_SCHEMA_VERSION } from '../../src/domain/case';
import { ProfileStore } from '../../src/state/profileStore';
import { SqliteStorage } from '../../src/storage/sqliteStorage';
import { TtlMemoryStorage } from '../../src/storage/ttlMemoryStorage';
import type { BotStore } from '../../src/storage/types';
import { aTurn } from '../helpers/turnContext';

const turn = () => aTurn();

/** A profile as the release before profile version 2 stored it: the skipped questions under `intakeSkipped`. */
const VERSION_1 = {
  schemaVersion: 1,
  activeCaseId: 'case-1',
  conversations: ['c1'],
  unreadable: [],
  cases: [{
    id: 'case-1', label: 'Mercy General', createdAt: '2026-11-01T10:00:00.000Z', updatedAt: '2026-11-01T10:00:00.000Z',
    provider: { name: 'Mercy General' }, balanceCents: 240_000,
    intakeSkipped: ['serviceDate', 'income', 'call.reference'],
  }],
};

describe.each([
  ['memory', (_dir: string) => new TtlMemoryStorage({ retentionDays: 90 })],
  ['sqlite', (dir: string) => new SqliteStorage({ retentionDays: 90, dataDir: dir })],
] as const)('a profile stored by an older release, on %s storage', (kind, openStore) => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bc-profile-v1-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('loads with its skipped questions, is saved in the current shape and reads back the same', async () => {
    let store: BotStore = openStore(dir);
    const oldRelease = new UserState(store);
    const first = turn();
    await oldRelease.createProperty('profile').set(first, VERSION_1);
    await oldRelease.saveChanges(first);

    const state = new UserState(store);
    const context = turn();
    const { profile, migrated } = await new ProfileStore(state.createProperty('profile')).load(context);
    await state.saveChanges(context);
    expect(migrated).toBe(true);
    expect(profile.schemaVersion).toBe(PROFILE_SCHEMA_VERSION);
    expect(profile.cases[0]).toMatchObject({ id: 'case-1', balanceCents: 240_000, skippedQuestions: ['serviceDate', 'income', 'call.reference'] });
    expect(profile.cases[0]).not.toHaveProperty('intakeSkipped');

    // Reopened (for sqlite, from the file on disk), the stored document has the new shape and loads unchanged.
    if (kind === 'sqlite') {
      await store.close();
      store = openStore(dir);
    }
    const reopened = new UserState(store);
    const later = turn();
    const raw = (await reopened.createProperty<{ schemaVersion?: unknown; cases?: unknown[] }>('profile').get(later)) ?? {};
    expect(raw.schemaVersion).toBe(PROFILE_SCHEMA_VERSION);
    expect(raw.cases?.[0]).toMatchObject({ skippedQuestions: ['serviceDate', 'income', 'call.reference'] });
    expect(raw.cases?.[0]).not.toHaveProperty('intakeSkipped');
    const again = await new ProfileStore(reopened.createProperty('profile')).load(later);
    expect(again.migrated).toBe(false);
    expect(again.profile).toEqual(profile);
    await store.close();
  });
});
