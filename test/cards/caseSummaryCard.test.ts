import { caseSummaryCard, caseTimelineFile, type CaseSummaryOptions } from '../../src/cards/caseSummaryCard';
import type { AdaptiveCard } from '../../src/cards/adaptiveCard';
import { Case, caseSchema } from '../../src/domain/case';
import { realContent } from '../helpers/content';

const content = realContent();
const t = (key: string, vars?: Record<string, string | number>) => content.text(key, vars);
const TODAY = '2026-11-27';
const WEB: CaseSummaryOptions = { caseCount: 1, channelId: 'webchat', today: TODAY };
const STAMP = '2026-11-27T15:00:00.000Z';

function aCase(fields: Record<string, unknown> = {}): Case {
  return caseSchema.parse({ id: 'case-1', label: 'Mercy General', createdAt: STAMP, updatedAt: STAMP, ...fields });
}

const call = (id: string, date: string, fields: Record<string, unknown> = {}) => ({ id, date, outcome: 'waitingReview', createdAt: `${date}T16:00:00.000Z`, ...fields });
const followUp = (id: string, due: string, kind = 'review') => ({ id, kind, due, status: 'open', createdAt: STAMP });

/** Every text the card shows, in order (TextBlocks and facts). */
function shown(json: AdaptiveCard): string {
  return json.body.map((el) => (el.type === 'TextBlock' ? el.text : el.facts.map((f) => `${f.title}: ${f.value}`).join('\n'))).join('\n');
}

const progressLine = (number: number, step: string, status: string) =>
  t('menu.progressLine', { number, step: t(`menu.stepName.${step}`), status: t(`menu.status.${status}`) });

describe('the "my case" card', () => {
  it('carries "Change an answer" and "Delete this case" as commands the coach answers', () => {
    const actions = caseSummaryCard(content, aCase(), WEB).actions ?? [];
    expect(actions).toEqual(expect.arrayContaining([
      { type: 'Action.Submit', title: t('card.actions.changeAnswer'), data: { command: 'changeAnswer' } },
      { type: 'Action.Submit', title: t('card.actions.deleteCase'), data: { command: 'deleteCase' } },
    ]));
  });

  it('in Teams the same two buttons are messageBack actions carrying the command', () => {
    const actions = caseSummaryCard(content, aCase(), { ...WEB, channelId: 'msteams' }).actions ?? [];
    for (const command of ['changeAnswer', 'deleteCase']) {
      const action = actions.find((a) => typeof a.data === 'object' && a.data.command === command);
      expect(action?.data).toMatchObject({ command, msteams: { type: 'messageBack', value: { command } } });
    }
  });

  it('counts the bill check\'s findings in plain words: "1 thing", "2 things"', () => {
    const checkedAt = STAMP;
    const one = aCase({ billCheck: { checkedAt, findings: [{ code: 'claimPending', severity: 'high' }] } });
    const two = aCase({ billCheck: { checkedAt, findings: [{ code: 'claimPending', severity: 'high' }, { code: 'claimDenied', severity: 'high' }] } });
    expect(shown(caseSummaryCard(content, one, WEB))).toContain(t('card.billCheck.one', { date: 'November 27, 2026' }));
    const twoShown = shown(caseSummaryCard(content, two, WEB));
    expect(twoShown).toContain(t('card.billCheck.some', { date: 'November 27, 2026', count: 2 }));
    expect(twoShown).toContain('2 things');
    expect(twoShown).not.toContain('(s)');
  });

  it('names at most 3 findings, and says how many more there are', () => {
    const codes = ['claimPending', 'claimDenied', 'noSurprisesEmergency', 'noSurprisesOutOfNetwork', 'duplicateLines'];
    const c = aCase({ billCheck: { checkedAt: STAMP, findings: codes.map((code) => ({ code, severity: 'high', figures: code === 'duplicateLines' ? { count: 1, amountCents: 100 } : {} })) } });
    const lines = shown(caseSummaryCard(content, c, WEB)).split('\n');
    expect(lines.filter((l) => l.startsWith('• '))).toHaveLength(3);
    expect(lines).toContain(t('card.billCheck.more', { count: 2 }));
  });

  it('tells the story: calls with who and their reference number, the open follow-up, the dates that matter', () => {
    const c = aCase({
      provider: { name: 'Mercy General', kind: 'hospital', nonprofit: 'yes' },
      firstBillDate: '2026-10-01',
      calls: [call('C1', '2026-11-20', { who: 'Ana', department: 'Billing', reference: 'REF-7', outcome: 'waitingItemized' })],
      followUps: [followUp('F1', '2026-12-04', 'itemizedBill')],
    });
    const text = shown(caseSummaryCard(content, c, WEB));
    expect(text).toContain(t('card.timeline.title'));
    expect(text).toContain(t('card.timeline.call', {
      date: 'November 20, 2026',
      with: t('card.timeline.withBoth', { who: 'Ana', department: 'Billing' }),
      reference: t('card.timeline.reference', { reference: 'REF-7' }),
      outcome: t('followUp.call.outcome.choices.waitingItemized'),
    }));
    expect(text).toContain(t('card.timeline.followUp', { date: 'December 4, 2026', what: t('followUp.calendar.outcomes.itemizedBill') }));
    expect(text).toContain(t('card.timeline.deadline', { date: 'January 29, 2027', what: t('card.timeline.deadlines.ecaWait'), certainty: '' }));
    // The 120-day date is "no collection actions before", and not until 30 days after a written notice naming them.
    expect(t('card.timeline.deadlines.ecaWait')).toMatch(/^no collection actions .* before this day .*not until 30 days after a written notice/);
    // Everything fits: no "the rest is in the file".
    expect(text).not.toContain(t('card.timeline.more', { shown: 4, total: 4 }).slice(0, 10));
    expect(caseTimelineFile(content, c, TODAY)).toBeUndefined();
  });

  it('leaves out a reference the user said they did not get, and shows what they typed as text, never as markup', () => {
    const c = aCase({ calls: [call('C1', '2026-11-20', { who: '**Bob**', reference: 'none' })] });
    const text = shown(caseSummaryCard(content, c, WEB));
    expect(text).toContain(t('card.timeline.with', { who: '\\*\\*Bob\\*\\*' }));
    expect(text).not.toContain(t('card.timeline.reference', { reference: 'none' }));
  });

  it('a long story shows the latest calls and the nearest dates; the whole timeline is a plain-text file', () => {
    const c = aCase({
      provider: { name: 'Mercy General', kind: 'hospital', nonprofit: 'yes' },
      firstBillDate: '2026-10-01',
      calls: [
        call('C1', '2026-10-20', { who: 'Ana', reference: 'A-1' }),
        call('C2', '2026-11-02', { who: '*Dana*', reference: 'B-2' }),
        call('C3', '2026-11-20', { who: 'Sam', reference: 'C-3', outcome: 'assistanceApplied' }),
      ],
      followUps: [followUp('F1', '2026-12-11', 'assistance')],
    });
    const json = caseSummaryCard(content, c, WEB);
    const text = shown(json);
    // 3 calls, 1 follow-up, 2 deadlines (120 and 240 days after the first bill): 6 entries, 4 shown.
    expect(text).toContain(t('card.timeline.more', { shown: 4, total: 6 }));
    expect(text).not.toContain('A-1');
    expect(text).toContain('B-2');
    expect(text).toContain('C-3');
    expect(text).toContain('December 11, 2026');
    expect(text).toContain('January 29, 2027');
    expect(text).not.toContain('May 29, 2027');

    const file = caseTimelineFile(content, c, TODAY);
    expect(file?.name).toBe(t('card.timeline.file.name'));
    const lines = file?.text.split('\n') ?? [];
    expect(lines[0]).toBe(t('card.timeline.file.heading', { caseLabel: 'Mercy General' }));
    for (const piece of ['A-1', 'B-2', 'C-3', 'December 11, 2026', 'January 29, 2027', 'May 29, 2027']) expect(file?.text).toContain(piece);
    // Oldest first, and what the user typed is kept as typed (no Markdown escapes in a text file).
    expect(file?.text.indexOf('A-1')).toBeLessThan(file?.text.indexOf('May 29, 2027') ?? -1);
    expect(file?.text).toContain('with *Dana*');
    expect(file?.text).not.toMatch(/\*\*|\\\*/);
  });

  it('says step 5 is done only once an agreement is in writing: "done for now" with calls is still in progress', () => {
    const calls = [call('C1', '2026-11-20')];
    const pressedDone = shown(caseSummaryCard(content, aCase({ calls, progress: { followUp: 'done' } }), WEB));
    expect(pressedDone).toContain(progressLine(5, 'followUp', 'in_progress'));
    expect(pressedDone).not.toContain(progressLine(5, 'followUp', 'done'));

    const agreed = aCase({ calls: [call('C1', '2026-11-20', { outcome: 'agreementReached' })], progress: { followUp: 'done' } });
    expect(shown(caseSummaryCard(content, agreed, WEB))).toContain(progressLine(5, 'followUp', 'awaitingWriting'));

    expect(shown(caseSummaryCard(content, aCase({ progress: { gather: 'done' } }), WEB))).toContain(progressLine(1, 'gather', 'done'));
  });

  it('ends with "What next?" only when the menu waits behind it', () => {
    expect(shown(caseSummaryCard(content, aCase(), { ...WEB, whatNext: true })).split('\n').at(-1)).toBe(t('card.whatNext'));
    expect(shown(caseSummaryCard(content, aCase(), WEB))).not.toContain(t('card.whatNext'));
    expect(shown(caseSummaryCard(content, undefined, { ...WEB, whatNext: true }))).toContain(t('card.whatNext'));
  });
});
