import fc from 'fast-check';
import { z } from 'zod';
import { Case, MAX_CASES, PROFILE_SCHEMA_VERSION, caseSchema, emptyProfile } from '../../src/domain/case';
import { activeCase, addCase, migrateProfile, rememberConversation, setActiveCase, setStepStatus, updateCase } from '../../src/domain/profile';
import fullCaseFixture from '../fixtures/fullCase.json';

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

  it('upgrade version 1, whose skipped questions were stored as intakeSkipped, keeping every one of them', () => {
    const stamp = NOW.toISOString();
    const skipped = ['serviceDate', 'income', 'cash', 'call.reference'];
    const v1 = { schemaVersion: 1, activeCaseId: 'a', conversations: [], cases: [
      { id: 'a', label: 'Mercy', createdAt: stamp, updatedAt: stamp, intakeSkipped: skipped },
      { id: 'b', label: 'City Imaging', createdAt: stamp, updatedAt: stamp },
    ] };
    const { profile, migrated } = migrateProfile(v1);
    expect(migrated).toBe(true);
    expect(profile.schemaVersion).toBe(PROFILE_SCHEMA_VERSION);
    expect(profile.cases.map((c) => c.skippedQuestions)).toEqual([skipped, []]);
    expect(profile.cases[0]).not.toHaveProperty('intakeSkipped');
  });

  it('upgrade a version 1 case parked as unreadable too, so it keeps its skipped questions if it is read again', () => {
    const bad = { id: 'b', label: 'Bad', balanceCents: 'lots', intakeSkipped: ['income'] };
    const { profile } = migrateProfile({ schemaVersion: 1, cases: [bad] });
    expect(profile.unreadable).toEqual([{ id: 'b', label: 'Bad', balanceCents: 'lots', skippedQuestions: ['income'] }]);
  });

  it('keep fields written by a newer release (loose objects)', () => {
    const future = { id: 'f', label: 'F', createdAt: NOW.toISOString(), updatedAt: NOW.toISOString(), someFutureStep: { notes: ['kept'] } };
    const { profile } = migrateProfile({ schemaVersion: 1, cases: [future] });
    expect(profile.cases[0]).toMatchObject({ someFutureStep: { notes: ['kept'] } });
  });
});

describe('updating a case validates the whole changed case', () => {
  const NOW = new Date('2026-11-28T10:00:00Z');
  const full = caseSchema.parse(fullCaseFixture);
  const fields = Object.keys(caseSchema.shape);
  /** A value for a field: another case's valid value, nothing, or anything at all (often invalid). */
  const valueFor = (field: string) =>
    fc.oneof(
      fc.constant((fullCaseFixture as Record<string, unknown>)[field]),
      fc.constant(undefined),
      fc.constantFrom('', 'x', -5, 1.5, 1e9, null, [], {}, '2026-02-30', 'NY', 'yes', true),
      fc.anything(),
    );
  const changes = fc.dictionary(fc.constantFrom(...fields, 'notInTheSchema'), fc.constant(null)).chain((keys) =>
    fc.record(Object.fromEntries(Object.keys(keys).map((field) => [field, valueFor(field)]))),
  );
  const outcome = (run: () => unknown): unknown => {
    try {
      return { ok: JSON.parse(JSON.stringify(run())) as unknown };
    } catch (err) {
      return { failed: err instanceof z.ZodError };
    }
  };

  it('gives exactly what validating the whole changed case gives, or fails the same way', () => {
    const valid = migrateProfile({ schemaVersion: PROFILE_SCHEMA_VERSION, cases: [full], activeCaseId: full.id, conversations: [], unreadable: [] }).profile;
    fc.assert(
      fc.property(changes, (change) => {
        const apply = (c: Case): Case => ({ ...c, ...change }) as Case;
        const incremental = outcome(() => updateCase(valid, full.id, apply, NOW).cases[0]);
        const whole = outcome(() => caseSchema.parse({ ...apply(full), updatedAt: NOW.toISOString() }));
        expect(incremental).toEqual(whole);
      }),
      { numRuns: 400 },
    );
  });

  it('checks the whole case when the change hands back the same object it was given', () => {
    const valid = migrateProfile({ schemaVersion: PROFILE_SCHEMA_VERSION, cases: [full], activeCaseId: full.id, conversations: [], unreadable: [] }).profile;
    const inPlace = (c: Case): Case => Object.assign(c, { balanceCents: -5 });
    expect(() => updateCase(valid, full.id, inPlace, NOW)).toThrow(z.ZodError);
  });
});
