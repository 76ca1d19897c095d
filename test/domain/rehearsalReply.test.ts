import { coachTip, hearAnswer, judgeAnswer, type CallLimits } from '../../src/domain/rehearsalJudge';
import { repReply, type ReplyInput } from '../../src/domain/rehearsalReply';

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
