import fc from 'fast-check';
import { z } from 'zod';
import { caseSchema, type Case } from '../../src/domain/case';
import { addDays, daysBetween } from '../../src/domain/dateMath';
import {
  CALL_OUTCOMES, addBusinessDays, callLogEntrySchema, caseTimeline, followUpDateProblem, followUpFields, nextOpenFollowUp, proposeFollowUp,
  type CallLogEntry,
} from '../../src/domain/followUp';
import type { FollowUp } from '../../src/domain/gatherModel';

const NOW = '2026-01-02T15:00:00.000Z';
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
const isoDates = (min: string, max: string) =>
  fc.date({ min: new Date(`${min}T00:00:00Z`), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('when to follow up after a call', () => {
  it.each([
    ['a Friday call waiting for the itemized bill: the next Friday', 'waitingItemized', '2026-01-02', '2026-01-09', 'itemizedBill'],
    ['a review of the bill: a week later', 'waitingReview', '2026-01-02', '2026-01-09', 'review'],
    ['an agreement: a week later, to check the written confirmation came', 'agreementReached', '2026-01-02', '2026-01-09', 'other'],
    ['a payment plan set up: a week later, to check the written terms came', 'planSetUp', '2026-01-02', '2026-01-09', 'other'],
    ['anything else: a week later', 'other', '2026-01-02', '2026-01-09', 'other'],
    ['an assistance application sent on a Saturday: 3 weeks is a Saturday, so the Monday after', 'assistanceApplied', '2026-01-03', '2026-01-26', 'assistance'],
    ['no progress on a Friday: 2 business days, the Tuesday', 'noProgress', '2026-01-02', '2026-01-06', 'other'],
    ['no progress on a Wednesday: the Friday', 'noProgress', '2026-01-07', '2026-01-09', 'other'],
  ] as const)('%s', (_what, outcome, callDate, due, kind) => {
    expect(proposeFollowUp(outcome, callDate, callDate)).toEqual({ due, days: daysBetween(callDate, due), kind });
  });

  it('a Friday call gives a follow-up 7 days away', () => {
    expect(proposeFollowUp('waitingItemized', '2026-01-02', '2026-01-02').days).toBe(7);
  });

  it('an application already followed up once: every 10 days instead of 3 weeks (a Wednesday + 10 is a Saturday → Monday)', () => {
    expect(proposeFollowUp('assistanceApplied', '2026-01-07', '2026-01-07', 1)).toEqual({ due: '2026-01-19', days: 12, kind: 'assistance' });
    expect(proposeFollowUp('assistanceApplied', '2026-01-07', '2026-01-07', 0).due).toBe('2026-01-28');
  });

  it.each([
    ['across a month end (Jan 31 + 7)', 'waitingItemized', '2025-01-31', '2025-02-07'],
    ['across the year end (Dec 24 + 7)', 'waitingReview', '2026-12-24', '2026-12-31'],
    ['an application into the new year (Dec 15 + 21)', 'assistanceApplied', '2026-12-15', '2027-01-05'],
    ['onto a leap day (Feb 22, 2028 + 7)', 'waitingItemized', '2028-02-22', '2028-02-29'],
    ['from a leap day (Feb 29, 2028 + 21)', 'assistanceApplied', '2028-02-29', '2028-03-21'],
    ['past February in a common year (Feb 22, 2027 + 7)', 'waitingItemized', '2027-02-22', '2027-03-01'],
  ] as const)('counts calendar days correctly %s', (_what, outcome, callDate, due) => {
    expect(proposeFollowUp(outcome, callDate, callDate).due).toBe(due);
  });

  it('a call logged late is never followed up in the past: today, or the next weekday', () => {
    expect(proposeFollowUp('waitingItemized', '2026-01-02', '2026-01-14')).toEqual({ due: '2026-01-14', days: 0, kind: 'itemizedBill' });
    expect(proposeFollowUp('waitingItemized', '2026-01-02', '2026-01-17')).toEqual({ due: '2026-01-19', days: 2, kind: 'itemizedBill' });
  });

  it('always lands on a weekday, on or after today and after the call', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CALL_OUTCOMES), isoDates('2024-01-01', '2030-12-31'), fc.integer({ min: 0, max: 40 }), fc.nat(3), (outcome, callDate, late, previous) => {
        const today = addDays(callDate, late);
        const { due, days } = proposeFollowUp(outcome, callDate, today, previous);
        expect([1, 2, 3, 4, 5]).toContain(weekday(due));
        expect(days).toBe(daysBetween(today, due));
        expect(days).toBeGreaterThanOrEqual(0);
        expect(daysBetween(callDate, due)).toBeGreaterThanOrEqual(2);
        expect(daysBetween(callDate, due)).toBeLessThanOrEqual(late + 23);
      }),
    );
  });

  it('business days skip the weekend', () => {
    expect(addBusinessDays('2026-01-02', 1)).toBe('2026-01-05');
    expect(addBusinessDays('2026-01-03', 2)).toBe('2026-01-06');
    expect(addBusinessDays('2026-01-05', 0)).toBe('2026-01-05');
  });
});

describe('a follow-up date the user picks', () => {
  it.each([
    ['yesterday', '2026-03-09', 'past'],
    ['today', '2026-03-10', undefined],
    ['next week', '2026-03-17', undefined],
    ['exactly a year ahead', '2027-03-10', undefined],
    ['a year and a day ahead', '2027-03-11', 'tooFar'],
  ] as const)('%s: %s', (_what, date, problem) => {
    expect(followUpDateProblem(date, '2026-03-10')).toBe(problem);
  });

  it('a year after a leap day ends on Feb 28', () => {
    expect(followUpDateProblem('2029-02-28', '2028-02-29')).toBeUndefined();
    expect(followUpDateProblem('2029-03-01', '2028-02-29')).toBe('tooFar');
  });
});

const followUp = (id: string, due: string, extra: Partial<FollowUp> = {}): FollowUp => ({ id, kind: 'other', due, status: 'open', createdAt: NOW, ...extra });
const call = (id: string, date: string, extra: Partial<CallLogEntry> = {}): CallLogEntry => ({ id, date, outcome: 'noProgress', createdAt: NOW, ...extra });

function withFollowUps(followUps: FollowUp[]): Case {
  return caseSchema.parse({ id: 'case-1', label: 'Mercy General', createdAt: NOW, updatedAt: NOW, followUps });
}

describe("the case's timeline", () => {
  it('the next follow-up is the open one due first, an overdue one included; done ones are skipped', () => {
    const c = withFollowUps([followUp('F1', '2026-01-20'), followUp('F2', '2026-01-05', { status: 'done' }), followUp('F3', '2026-01-09')]);
    expect(nextOpenFollowUp(c)?.id).toBe('F3');
  });

  it('two follow-ups on the same day: the one created first, to the millisecond', () => {
    const c = withFollowUps([followUp('F2', '2026-01-09', { createdAt: '2026-01-02T15:30:00.500Z' }), followUp('F1', '2026-01-09', { createdAt: '2026-01-02T15:30:00Z' })]);
    expect(nextOpenFollowUp(c)?.id).toBe('F1');
  });

  it('no open follow-up: nothing', () => {
    expect(nextOpenFollowUp(withFollowUps([]))).toBeUndefined();
    expect(nextOpenFollowUp(withFollowUps([followUp('F1', '2026-01-09', { status: 'done' })]))).toBeUndefined();
  });

  it('lists calls newest first, and the next open follow-up', () => {
    const calls = [call('C1', '2026-01-02'), call('C2', '2026-01-09', { createdAt: '2026-01-09T10:00:00Z' }), call('C3', '2026-01-09', { createdAt: '2026-01-09T11:00:00Z' })];
    const timeline = caseTimeline({ ...withFollowUps([followUp('F1', '2026-01-13')]), calls });
    expect(timeline.calls.map((c) => c.id)).toEqual(['C3', 'C2', 'C1']);
    expect(timeline.next?.id).toBe('F1');
    expect(caseTimeline(withFollowUps([]))).toEqual({ calls: [] });
  });
});

describe('the call log as saved', () => {
  const entry = { id: 'C1', date: '2026-01-02', who: 'Dana', department: 'Patient financial services', reference: 'none', outcome: 'waitingReview', createdAt: NOW };

  it('keeps what the user said, "none" as the reference included, and fields a newer release adds', () => {
    expect(callLogEntrySchema.parse({ ...entry, notes: 'Will review the duplicate CT charge.', callback: 'yes' })).toEqual({
      ...entry, notes: 'Will review the duplicate CT charge.', callback: 'yes',
    });
  });

  it.each([
    ['an unknown outcome', { outcome: 'gaveUp' }],
    ['an impossible date', { date: '2026-02-30' }],
    ['notes over 500 characters', { notes: 'x'.repeat(501) }],
    ['a name over 80 characters', { who: 'x'.repeat(81) }],
    ['a reference over 60 characters', { reference: 'x'.repeat(61) }],
    ['no time it was logged', { createdAt: undefined }],
  ])('rejects %s', (_what, change) => {
    expect(callLogEntrySchema.safeParse({ ...entry, ...change }).success).toBe(false);
  });

  it('a case saved before calls were logged reads back with no calls', () => {
    expect(z.looseObject(followUpFields).parse({})).toEqual({ calls: [] });
  });
});
