import { ActivityTypes, MemoryStorage, TestAdapter, TurnContext, UserState } from 'botbuilder';
import { ProfileStore } from '../../dialogs/profileStore';
import { KnownValidProfiles } from '../../src/domain/knownValidProfiles';
import * as profileModule from '../../src/domain/profile';
import { emptyProfile } from '../../src/domain/case';
import { addCase } from '../../src/domain/profile';

const NOW = new Date('2026-11-27T15:00:00Z');

const turn = () =>
  new TurnContext(new TestAdapter(), {
    type: ActivityTypes.Message, channelId: 'test', text: 'hi',
    conversation: { id: 'c1', isGroup: false, conversationType: 'personal', name: '' },
    from: { id: 'u1', name: '' }, recipient: { id: 'bot', name: '' },
  });

describe('reading the profile without validating it again', () => {
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

  /** One turn: load, change the active case, save. */
  const answer = async (balanceCents: number) => {
    const context = turn();
    await store.get(context);
    await store.updateActive(context, (c) => ({ ...c, balanceCents }), NOW);
    await state.saveChanges(context);
  };

  it('reads back the profiles it saved without validating them again', async () => {
    await answer(120_000);
    await answer(110_000);
    expect(validations).not.toHaveBeenCalled();
    const last = await store.get(turn());
    expect(last.cases[0]).toMatchObject({ label: 'Mercy General', balanceCents: 110_000 });
    expect(validations).not.toHaveBeenCalled();
  });

  it('after a restart (a new store, nothing known), validates the stored profile once, then trusts what it saves', async () => {
    store = new ProfileStore(state.createProperty('profile'));
    await answer(120_000);
    await answer(110_000);
    await answer(100_000);
    expect(validations).toHaveBeenCalledTimes(1);
    const last = await store.get(turn());
    expect(last.cases[0]).toMatchObject({ label: 'Mercy General', balanceCents: 100_000 });
    expect(validations).toHaveBeenCalledTimes(1);
  });

  it('trusts a profile saved the way the questions save it (a case changed by updateCase, then a step status set)', async () => {
    await answer(120_000);
    for (const balanceCents of [110_000, 100_000]) {
      const context = turn();
      const profile = await store.get(context);
      const changed = profileModule.updateCase(profile, 'case-1', (c) => ({ ...c, balanceCents }), NOW);
      await store.save(context, profileModule.setStepStatus(changed, 'case-1', 'gather', 'in_progress', NOW));
      await state.saveChanges(context);
    }
    const last = await store.get(turn());
    expect(validations).not.toHaveBeenCalled();
    expect(last.cases[0]).toMatchObject({ balanceCents: 100_000, progress: { gather: 'in_progress' } });
  });

  it('hands each turn its own copy, never an object another turn changed', async () => {
    const a = await store.get(turn());
    a.cases.length = 0;
    expect((await store.get(turn())).cases).toHaveLength(1);
  });

  it('still validates (and salvages) a stored profile that differs from anything it saved', async () => {
    await answer(120_000);
    const context = turn();
    const stored = (await state.createProperty<Record<string, unknown>>('profile').get(context)) ?? {};
    const cases = stored.cases as Record<string, unknown>[];
    await state.createProperty('profile').set(context, { ...stored, cases: [{ ...cases[0], balanceCents: 'lots' }] });
    await state.saveChanges(context);
    validations.mockClear();
    const loaded = await store.load(turn());
    expect(validations).toHaveBeenCalledTimes(1);
    expect(loaded.unreadableCases).toBe(1);
    expect(loaded.profile.cases).toEqual([]);
  });

  it('does not vouch for a profile changed outside updateCase, even when a case is updated after', async () => {
    const context = turn();
    await store.update(context, (p) => ({ ...p, conversations: [...p.conversations, 'c-extra'] }));
    await store.updateActive(context, (c) => ({ ...c, balanceCents: 90_000 }), NOW);
    await state.saveChanges(context);
    validations.mockClear();
    await store.get(turn());
    expect(validations).toHaveBeenCalledTimes(1);
  });
});

describe('profiles valid by construction', () => {
  const valid = () => profileModule.migrateProfile({ schemaVersion: emptyProfile().schemaVersion, cases: [], conversations: [], unreadable: [] }).profile;

  it('vouches for what validation returned and for what the domain builds from it', () => {
    const checked = valid();
    expect(profileModule.isKnownValid(checked)).toBe(true);
    const withCase = addCase(checked, 'Mercy General', NOW, 'case-1').profile;
    expect(profileModule.isKnownValid(withCase)).toBe(true);
    const updated = profileModule.updateCase(withCase, 'case-1', (c) => ({ ...c, balanceCents: 5_000 }), NOW);
    expect(profileModule.isKnownValid(updated)).toBe(true);
    expect(profileModule.isKnownValid(profileModule.setActiveCase(updated, 'case-1'))).toBe(true);
    expect(profileModule.isKnownValid(profileModule.rememberConversation(updated, 'conv-9'))).toBe(true);
  });

  it('does not vouch for a profile built by hand, nor for anything built from one', () => {
    const byHand = { ...valid(), conversations: ['c-1'] };
    expect(profileModule.isKnownValid(byHand)).toBe(false);
    const withCase = addCase(byHand, 'Mercy General', NOW, 'case-1').profile;
    expect(profileModule.isKnownValid(withCase)).toBe(false);
    expect(profileModule.isKnownValid(profileModule.updateCase(withCase, 'case-1', (c) => c, NOW))).toBe(false);
  });

  it('never vouches for a case change that fails the case schema: updateCase throws instead', () => {
    const withCase = addCase(valid(), 'Mercy General', NOW, 'case-1').profile;
    expect(() => profileModule.updateCase(withCase, 'case-1', (c) => ({ ...c, balanceCents: 'lots' as unknown as number }), NOW)).toThrow();
  });
});

describe('the set of profile texts known to be valid', () => {
  it('keeps at most its capacity, forgetting the least recently used first', () => {
    const known = new KnownValidProfiles(2);
    known.add('a');
    known.add('b');
    expect(known.has('a')).toBe(true);
    known.add('c');
    expect(known.has('b')).toBe(false);
    expect(known.has('a')).toBe(true);
    expect(known.has('c')).toBe(true);
    expect(known.size).toBe(2);
  });

  it('starts empty, and an empty profile is an ordinary entry', () => {
    const known = new KnownValidProfiles();
    const text = JSON.stringify(emptyProfile());
    expect(known.has(text)).toBe(false);
    known.add(text);
    expect(known.has(text)).toBe(true);
  });
});
