import { MAX_CASES, PROFILE_SCHEMA_VERSION, emptyProfile } from '../../src/domain/case';
import { activeCase, addCase, migrateProfile, rememberConversation, setActiveCase, setStepStatus, updateCase } from '../../src/domain/profile';

const NOW = new Date('2026-11-27T15:00:00Z');

describe('a user’s cases', () => {
  it('start empty, and the first case added becomes the active one', () => {
    const { profile, created } = addCase(emptyProfile(), '  Mercy General  ', NOW, 'case-1');
    expect(created).toMatchObject({ id: 'case-1', label: 'Mercy General', createdAt: NOW.toISOString(), progress: { gather: 'not_started' } });
    expect(activeCase(profile)?.id).toBe('case-1');
  });

  it('can hold several bills and switch between them; an unknown id changes nothing', () => {
    let { profile } = addCase(emptyProfile(), 'Mercy General', NOW, 'a');
    ({ profile } = addCase(profile, 'City Imaging', NOW, 'b'));
    expect(activeCase(profile)?.id).toBe('b');
    profile = setActiveCase(profile, 'a');
    expect(activeCase(profile)?.id).toBe('a');
    expect(setActiveCase(profile, 'zzz')).toBe(profile);
  });

  it(`hold at most ${MAX_CASES}`, () => {
    let profile = emptyProfile();
    for (let i = 0; i < MAX_CASES; i++) profile = addCase(profile, `Bill ${i}`, NOW).profile;
    expect(() => addCase(profile, 'one more', NOW)).toThrow(RangeError);
  });

  it('stamp updatedAt and re-validate on every change', () => {
    const { profile } = addCase(emptyProfile(), 'Mercy', NOW, 'a');
    const later = new Date('2026-11-28T09:00:00Z');
    const next = setStepStatus(profile, 'a', 'gather', 'in_progress', later);
    expect(next.cases[0]).toMatchObject({ updatedAt: later.toISOString(), progress: { gather: 'in_progress' } });
    expect(() => updateCase(profile, 'a', (c) => ({ ...c, balanceCents: -1 }), later)).toThrow();
  });

  it('remember the conversations a user had (for "delete my data"), once each', () => {
    const p = rememberConversation(rememberConversation(emptyProfile(), 'c1'), 'c1');
    expect(p.conversations).toEqual(['c1']);
  });
});

describe('stored profiles across versions', () => {
  it('read nothing as an empty profile', () => {
    expect(migrateProfile(undefined)).toEqual({ profile: emptyProfile(), migrated: false, unreadableCases: 0 });
  });

  it('upgrade the pre-release single-case shape (version 0) without losing the case', () => {
    const legacy = { case: { id: 'old', label: 'Old bill', createdAt: NOW.toISOString(), updatedAt: NOW.toISOString(), balanceCents: 120000 } };
    const { profile, migrated } = migrateProfile(legacy);
    expect(migrated).toBe(true);
    expect(profile.schemaVersion).toBe(PROFILE_SCHEMA_VERSION);
    expect(profile.activeCaseId).toBe('old');
    expect(profile.cases[0]).toMatchObject({ label: 'Old bill', balanceCents: 120000 });
  });

  it('keep a case that no longer validates aside instead of dropping it, and keep the rest', () => {
    const good = { id: 'g', label: 'Good', createdAt: NOW.toISOString(), updatedAt: NOW.toISOString() };
    const bad = { id: 'b', label: 'Bad', balanceCents: 'lots' };
    const { profile, unreadableCases } = migrateProfile({ schemaVersion: 1, cases: [good, bad], activeCaseId: 'b', conversations: ['c1'] });
    expect(profile.cases.map((c) => c.id)).toEqual(['g']);
    expect(profile.unreadable).toEqual([bad]);
    expect(unreadableCases).toBe(1);
    expect(profile.activeCaseId).toBe('g');
    expect(profile.conversations).toEqual(['c1']);
  });

  it('keep fields written by a newer release (loose objects)', () => {
    const future = { id: 'f', label: 'F', createdAt: NOW.toISOString(), updatedAt: NOW.toISOString(), someFutureStep: { notes: ['kept'] } };
    const { profile } = migrateProfile({ schemaVersion: 1, cases: [future] });
    expect(profile.cases[0]).toMatchObject({ someFutureStep: { notes: ['kept'] } });
  });
});
