import { callReference, caseTimeline, cleanReference, shownStepStatus, timelineAroundToday, type TimelineEntry } from '../../src/domain/caseStory';
import { caseSchema } from '../../src/domain/case';
import type { CallLogEntry } from '../../src/domain/followUp';
import { referenceWords } from '../../src/content/phrases';
import { realContent } from '../helpers/content';

/** The words that mean there was no reference number, from content. */
const SAID_NONE = referenceWords(realContent());

const STAMP = '2026-11-27T15:00:00.000Z';
const aCase = (fields: Record<string, unknown> = {}) => caseSchema.parse({ id: 'c', label: 'Bill', createdAt: STAMP, updatedAt: STAMP, ...fields });
const call = (id: string, date: string, outcome: CallLogEntry['outcome'] = 'waitingReview'): CallLogEntry => ({ id, date, outcome, createdAt: STAMP });
const entry = (date: string): TimelineEntry => ({ kind: 'call', date, call: call(date, date) });

describe('the timeline of a case', () => {
  it('puts calls, open follow-ups and deadlines on one line, oldest first (done follow-ups left out)', () => {
    const c = aCase({
      provider: { kind: 'hospital', nonprofit: 'yes' },
      firstBillDate: '2026-10-01',
      calls: [call('C2', '2026-11-20'), call('C1', '2026-10-15')],
      followUps: [
        { id: 'F1', kind: 'review', due: '2026-11-27', status: 'open', createdAt: STAMP },
        { id: 'F0', kind: 'review', due: '2026-11-01', status: 'done', createdAt: STAMP },
      ],
    });
    const timeline = caseTimeline(c, '2026-11-27');
    expect(timeline.map((e) => [e.kind, e.date])).toEqual([
      ['call', '2026-10-15'],
      ['call', '2026-11-20'],
      ['followUp', '2026-11-27'],
      ['deadline', '2027-01-29'],
      ['deadline', '2027-05-29'],
    ]);
  });

  it.each([
    ['half past, half coming', ['01', '02', '03', '10', '11', '12'], ['02', '03', '10', '11']],
    ['little coming: more of the past', ['01', '02', '03', '04', '11'], ['02', '03', '04', '11']],
    ['nothing past: the nearest coming', ['10', '11', '12', '13', '14'], ['10', '11', '12', '13']],
    ['today counts as past', ['01', '02', '05', '06', '07'], ['02', '05', '06', '07']],
    ['everything fits', ['01', '11'], ['01', '11']],
  ])('shows at most 4 entries around today: %s', (_label, days, expected) => {
    const entries = days.map((d) => entry(`2026-12-${d}`));
    const view = timelineAroundToday(entries, '2026-12-05');
    expect(view.shown.map((e) => e.date.slice(-2))).toEqual(expected);
    expect(view.hidden).toBe(days.length - expected.length);
  });

  it('keeps a reference number unless the user said there was none', () => {
    expect(callReference({ reference: ' REF-1 ' }, SAID_NONE)).toBe('REF-1');
    for (const none of ['none', 'No', 'n/a', 'not sure', '', undefined]) expect(callReference({ reference: none }, SAID_NONE)).toBeUndefined();
  });
});

describe('how step 5 reads', () => {
  it('is never "done" for pressing "done for now": in progress with calls, "get it in writing" after an agreement', () => {
    expect(shownStepStatus(aCase(), 'followUp')).toBe('not_started');
    expect(shownStepStatus(aCase({ progress: { followUp: 'done' }, calls: [call('C1', '2026-11-20')] }), 'followUp')).toBe('in_progress');
    expect(shownStepStatus(aCase({ calls: [call('C1', '2026-11-20', 'planSetUp')] }), 'followUp')).toBe('awaitingWriting');
    expect(shownStepStatus(aCase({ progress: { followUp: 'done' }, calls: [call('C1', '2026-11-20', 'agreementReached')] }), 'followUp')).toBe('awaitingWriting');
  });

  it('other steps read as stored', () => {
    expect(shownStepStatus(aCase({ progress: { offer: 'done' } }), 'offer')).toBe('done');
    expect(shownStepStatus(aCase(), 'gather')).toBe('not_started');
  });
});

describe('a reference number prints as the number itself', () => {
  it.each([
    ['ref # RX-4471', 'RX-4471'],
    ['Ref#RX-4471', 'RX-4471'],
    ['reference RX-4471', 'RX-4471'],
    ['Reference number: RX-4471', 'RX-4471'],
    ['ref no. 88120', '88120'],
    ['#RX-4471', 'RX-4471'],
    ['confirmation # 5521', '5521'],
    ['RX-4471', 'RX-4471'],
    ['  RX 4471  ', 'RX 4471'],
    ['Refund-77', 'Refund-77'],
    ['ref', 'ref'],
    ['REF-123', 'REF-123'],
  ])('%s → %s', (typed, printed) => {
    expect(cleanReference(typed, SAID_NONE.labels)).toBe(printed);
  });

  it('"none", with or without a label, is no reference', () => {
    expect(callReference({ reference: 'none' }, SAID_NONE)).toBeUndefined();
    expect(callReference({ reference: 'ref # none' }, SAID_NONE)).toBeUndefined();
    expect(callReference({ reference: 'ref # RX-4471' }, SAID_NONE)).toBe('RX-4471');
  });
});
