import { coachTip, hearAnswer, judgeAnswer, type CallLimits } from '../../src/domain/rehearsalJudge';
import { caseSchema } from '../../src/domain/case';
import { callLimits } from '../../src/domain/rehearsalJudge';
import { afterFollowThrough, concessionCents, repReply, type ReplyInput } from '../../src/domain/rehearsalReply';

const LIMITS: CallLimits = { balanceCents: 240_000, owedCents: 85_000, cashCents: 50_000, monthlyCents: 10_000 };
const whatAmount = { wants: ['makesOffer'] as const, pushBack: 'Can you do better?' };
const howWillYouPay = { wants: ['mentionsHardship', 'mentionsAssistance', 'declinesUnaffordable', 'citesEob'] as const };

function reply(say: string, more: Partial<ReplyInput> = {}, turn: ReplyInput['turn'] = whatAmount) {
  const heard = hearAnswer(say, LIMITS);
  const verdict = judgeAnswer(turn, heard, 'standard');
  return repReply({ turn, answers: { eob: 'EOB answer', hardship: 'Hardship answer' }, heard, verdict, again: false, last: false, answered: [], ...more });
}

describe('what the representative says back', () => {
  it('takes up a harmful answer, so the coach can show what it would cost', () => {
    expect(reply("sure, I'll put the whole 2400 on the card")).toEqual({ kind: 'takes', harm: 'agreesToCard' });
    expect(reply('ok 200 a month i guess')).toEqual({ kind: 'takes', harm: 'agreesUnaffordable' });
  });

  it('hears an agreement to open a card or to pay the whole bill', () => {
    expect(hearAnswer("yeah i'll open one of those cards", LIMITS).harms).toEqual(['agreesToCard']);
    expect(hearAnswer('ok then im just going to pay the whole bill', LIMITS).harms).toEqual(['agreesUnaffordable']);
    expect(hearAnswer("no, i don't want to open one of those cards", LIMITS).harms).toEqual([]);
  });

  it('pushes back once on a lone good ask, and gives in when it is asked again', () => {
    expect(reply('I can pay $400 in one payment.')).toEqual({ kind: 'pushBack' });
    expect(reply('I can pay $400 in one payment.', { again: true })).toEqual({ kind: 'good' });
  });

  it('gives in at once to a better-supported ask, and never pushes back on the last turn', () => {
    expect(reply('I lost my job, so I can pay $400 in one payment.')).toEqual({ kind: 'answers', point: 'hardship', thenGood: true });
    expect(reply('I lost my job, so I can pay $400 in one payment.', { answered: ['hardship'] })).toEqual({ kind: 'good' });
    expect(reply('I can pay $400 in one payment.', { last: true })).toEqual({ kind: 'good' });
  });

  it('answers her strongest point first: a lower EOB figure before a hardship', () => {
    expect(reply("i can't pay that, and my eob says i owe $850", {}, howWillYouPay)).toEqual({ kind: 'answers', point: 'eob', thenGood: false });
  });

  it('does not treat an EOB figure above the bill as a point', () => {
    expect(hearAnswer('my eob says i owe $3,000', LIMITS).points).toEqual([]);
  });

  it('does not take up the points of an angry answer', () => {
    expect(reply('you people are crooks, my eob says $850', {}, howWillYouPay)).toEqual({ kind: 'weak' });
  });
});

describe('the tip after an answer', () => {
  const tip = (say: string, goal: { wants: readonly ('makesOffer' | 'declinesUnaffordable' | 'mentionsHardship' | 'citesEob')[] }, limits = LIMITS) => {
    const heard = hearAnswer(say, limits);
    return coachTip(goal, heard, [], judgeAnswer(goal, heard, 'standard'), limits);
  };

  it('never asks for a number right after she named one', () => {
    expect(tip('like 450 maybe?', { wants: ['makesOffer'] })).toBeUndefined();
    expect(tip('500 total, thats all i have', { wants: ['makesOffer', 'declinesUnaffordable'] })).toBeUndefined();
  });

  it('does not ask her to turn it down after she said she cannot pay', () => {
    expect(tip("i can't pay the full amount", { wants: ['mentionsHardship', 'declinesUnaffordable', 'citesEob'] })).toBe('citesEob');
  });

  it('suggests the EOB only when her EOB figure is below the bill', () => {
    expect(tip('ok', { wants: ['citesEob', 'mentionsHardship'] }, { balanceCents: 240_000 })).toBe('mentionsHardship');
  });
});

describe('the representative follows what she said', () => {
  it('holds her to the number she named earlier when she then gives a weak answer', () => {
    expect(reply('hmm i dont know', { offeredBefore: 30_000 })).toEqual({ kind: 'notesOffer', offeredCents: 30_000 });
    expect(reply('hmm i dont know')).toEqual({ kind: 'weak' });
  });

  it('a concession names her offer or her target, whichever is lower, and never more than she owes', () => {
    expect(concessionCents(30_000, 42_500, 85_000)).toBe(30_000);
    expect(concessionCents(50_000, 42_500, 85_000)).toBe(42_500);
    expect(concessionCents(undefined, 42_500, 85_000)).toBe(42_500);
    expect(concessionCents(90_000, undefined, 85_000)).toBe(85_000);
    expect(concessionCents(undefined, undefined, 85_000)).toBeUndefined();
  });

  it('after a harmful agreement: taken back, the call goes on; let stand, it jumps to the wrap-up', () => {
    expect(afterFollowThrough('good', 3, 6)).toEqual({ outcome: 'backsOff', next: 4 });
    expect(afterFollowThrough('weak', 1, 6)).toEqual({ outcome: 'completes', next: 5 });
    expect(afterFollowThrough('harmful', 4, 6)).toEqual({ outcome: 'completes', next: 5 });
  });
});

describe("the call's limits use the one owed figure", () => {
  const aCase = (fields: Record<string, unknown>) => caseSchema.parse({ id: 'c1', label: 'Bill', createdAt: '2026-11-27T15:00:00.000Z', updatedAt: '2026-11-27T15:00:00.000Z', ...fields });

  it("James, uninsured: his $1,200 Good Faith Estimate, not his $2,100 bill (and no EOB)", () => {
    const james = aCase({ provider: { kind: 'imaging', nonprofit: 'no' }, balanceCents: 210_000, insurance: 'uninsured', inCollections: 'yes', goodFaithEstimateCents: 120_000 });
    expect(callLimits(james)).toEqual({ balanceCents: 210_000, owedCents: 120_000, owedBasis: 'goodFaithEstimate', noProgram: true });
  });

  it("Maria, insured: her EOB's $850 of a $2,400 bill; with nothing saying less, the bill", () => {
    const maria = aCase({ balanceCents: 240_000, insurance: 'employer', eob: { status: 'processed', billedCents: 240_000, patientOwesCents: 85_000 } });
    expect(callLimits(maria)).toMatchObject({ balanceCents: 240_000, owedCents: 85_000, owedBasis: 'eob' });
    expect(callLimits(aCase({ balanceCents: 240_000, insurance: 'employer' }))).toEqual({ balanceCents: 240_000, owedCents: 240_000 });
  });

  it('more than he owes is more than he can pay when his cash is not known', () => {
    const limits = callLimits(aCase({ balanceCents: 210_000, insurance: 'uninsured', goodFaithEstimateCents: 120_000 }));
    expect(hearAnswer('ok i can pay 1500 to settle it', limits).harms).toEqual(['agreesUnaffordable']);
    expect(hearAnswer('ok i can pay 900 to settle it', limits).harms).toEqual([]);
  });
});
