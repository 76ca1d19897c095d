import { MemoryStorage, UserState } from 'botbuilder';
import { ProfileStore } from '../../src/state/profileStore';
import * as profileModule from '../../src/domain/profile';
import { emptyProfile } from '../../src/domain/case';
import { addCase } from '../../src/domain/profile';
import { aTurn } from '../helpers/turnContext';

const NOW = new Date('2026-11-27T15:00:00Z');

const turn = () => aTurn();

describe('the profile store validates what it reads, every time', () => {
  let state: UserState;
  let store: ProfileStore;
  let validations: jest.SpyInstance;

  beforeEach(async () => {
    state = new UserState(new MemoryStorage());
    store = new ProfileStore(state.createProperty('profile'));
    const first = turn();
    await store.update(first, (p) => addCase(p, 'Mercy General', NOW, 'case-1').profile);
    await state.saveChanges(first);
    validations = jest.spyOn(profileModule, 'migrateProfile');
  });
  afterEach(() => validations.mockRestore());

  it('validates the stored profile once per turn, however often the turn reads it', async () => {
    const context = turn();
    await store.get(context);
    await store.get(context);
    await store.load(context);
    expect(validations).toHaveBeenCalledTimes(1);
    await store.get(turn());
    expect(validations).toHaveBeenCalledTimes(2);
  });

  it('a profile it saved itself is validated again on the next turn (nothing is trusted by its looks)', async () => {
    const context = turn();
    await store.updateActive(context, (c) => ({ ...c, balanceCents: 120_000 }), NOW);
    await state.saveChanges(context);
    validations.mockClear();
    expect((await store.get(turn())).cases[0]?.balanceCents).toBe(120_000);
    expect(validations).toHaveBeenCalledTimes(1);
  });

  it('hands each turn its own copy, never an object another turn changed', async () => {
    const a = await store.get(turn());
    a.cases.length = 0;
    expect((await store.get(turn())).cases).toHaveLength(1);
  });

  it('salvages a stored profile with an unreadable case: the case is kept aside, never silently dropped', async () => {
    const context = turn();
    const stored = (await state.createProperty<Record<string, unknown>>('profile').get(context)) ?? {};
    const cases = stored.cases as Record<string, unknown>[];
    await state.createProperty('profile').set(context, { ...stored, cases: [{ ...cases[0], balanceCents: 'lots' }] });
    await state.saveChanges(context);
    const loaded = await store.load(turn());
    expect(loaded.unreadableCases).toBe(1);
    expect(loaded.profile.cases).toEqual([]);
    expect(loaded.profile.unreadable).toHaveLength(1);
  });

  it('a case change that fails the case schema throws, and nothing is saved', async () => {
    const context = turn();
    await expect(store.updateActive(context, (c) => ({ ...c, balanceCents: -5 }), NOW)).rejects.toThrow();
    await state.saveChanges(context);
    expect((await store.get(turn())).cases[0]?.balanceCents).toBeUndefined();
  });
});

describe('an empty store', () => {
  it('reads as an empty profile', async () => {
    const store = new ProfileStore(new UserState(new MemoryStorage()).createProperty('profile'));
    expect(await store.get(turn())).toEqual(emptyProfile());
  });
});
