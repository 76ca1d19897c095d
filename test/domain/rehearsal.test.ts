import fc from 'fast-check';
import {
  MOVES, PRACTISE_PRIORITY, evaluateTurn, recognizeMoves, scoreRehearsal, type Move, type Recognized,
} from '../../src/domain/rehearsal';

const heard = (moves: Move[], more: Partial<Recognized> = {}): Recognized => ({ moves, amountsCents: [], hostile: false, empty: false, ...more });

describe('judging one answer in the role-play', () => {
  const howWillYouPay = { wants: ['mentionsHardship', 'mentionsAssistance', 'declinesUnaffordable'] as const };
  const whatAmount = { wants: ['makesOffer'] as const };

  it('standard: any one wanted move is a good answer', () => {
    expect(evaluateTurn(howWillYouPay, recognizeMoves("I can't afford that, I lost my job."), 'standard')).toBe('good');
    expect(evaluateTurn(howWillYouPay, recognizeMoves('Do you have financial assistance?'), 'standard')).toBe('good');
  });

  it('standard: moves the rep was not waiting for do not count', () => {
    expect(evaluateTurn(howWillYouPay, recognizeMoves('Can I get your name?'), 'standard')).toBe('weak');
  });

  it('tough: one wanted move is not enough, two different ones are', () => {
    expect(evaluateTurn(howWillYouPay, recognizeMoves('I lost my job.'), 'tough')).toBe('weak');
    expect(evaluateTurn(howWillYouPay, recognizeMoves('I lost my job. Do you have charity care?'), 'tough')).toBe('good');
  });

  it('tough: the same move twice is still one move', () => {
    expect(evaluateTurn(howWillYouPay, heard(['mentionsHardship', 'mentionsHardship']), 'tough')).toBe('weak');
  });

  it('tough: a concrete offer with an amount is good on its own', () => {
    expect(evaluateTurn(whatAmount, recognizeMoves('I could do $600 today.'), 'tough')).toBe('good');
    expect(evaluateTurn(whatAmount, heard(['makesOffer']), 'tough')).toBe('weak');
    expect(evaluateTurn(whatAmount, recognizeMoves('I can pay something.'), 'tough')).toBe('weak');
  });

  it('a hostile answer is never good, however many moves it makes', () => {
    const angry = recognizeMoves("You people are crooks. I lost my job and I want financial assistance, I'll pay $300 today.");
    expect(angry.hostile).toBe(true);
    expect(angry.moves).toEqual(expect.arrayContaining(['mentionsHardship', 'mentionsAssistance', 'makesOffer']));
    for (const difficulty of ['standard', 'tough'] as const) {
      expect(evaluateTurn(howWillYouPay, angry, difficulty)).toBe('weak');
      expect(evaluateTurn(whatAmount, angry, difficulty)).toBe('weak');
    }
  });

  it('an empty answer is weak', () => {
    expect(evaluateTurn(howWillYouPay, recognizeMoves('🙂'), 'standard')).toBe('weak');
    expect(evaluateTurn(howWillYouPay, heard(['mentionsHardship'], { empty: true }), 'standard')).toBe('weak');
  });
});

describe('the rehearsal report', () => {
  const keyMoves: Move[] = ['statesAccount', 'mentionsHardship', 'mentionsAssistance', 'asksItemized', 'makesOffer', 'asksNameReference', 'asksInWriting'];

  it('lists what was made and what was missed, and the two most useful things to practise', () => {
    const turns = [
      heard(['statesAccount', 'stateTheAsk']),
      heard(['mentionsHardship']),
      heard(['asksItemized', 'usesComparable']),
      heard(['mentionsHardship']),
    ];
    const report = scoreRehearsal(turns, keyMoves);
    expect(report.made).toEqual(['statesAccount', 'stateTheAsk', 'mentionsHardship', 'asksItemized', 'usesComparable']);
    expect(report.missed).toEqual(['mentionsAssistance', 'makesOffer', 'asksNameReference', 'asksInWriting']);
    expect(report.practise).toEqual(['asksInWriting', 'makesOffer']);
    expect(report.calm).toBe(true);
    expect(report.score).toBe(43); // 3 of 7 key moves
  });

  it('takes 10 points off for each hostile turn, never below 0', () => {
    const made = (hostile: boolean) => heard(['statesAccount', 'mentionsHardship', 'mentionsAssistance', 'asksItemized'], { hostile });
    expect(scoreRehearsal([made(false)], keyMoves).score).toBe(57);
    const heated = scoreRehearsal([made(true), heard([], { hostile: true })], keyMoves);
    expect(heated.score).toBe(37);
    expect(heated.calm).toBe(false);
    const furious = scoreRehearsal(Array.from({ length: 8 }, () => heard([], { hostile: true })), keyMoves);
    expect(furious.score).toBe(0);
  });

  it('a perfect, calm call scores 100 with nothing to practise', () => {
    const report = scoreRehearsal([heard(keyMoves)], keyMoves);
    expect(report).toEqual({ made: MOVES.filter((m) => keyMoves.includes(m)), missed: [], calm: true, score: 100, practise: [], harms: [] });
  });

  it('a call with no answers misses every key move and practises the most useful two', () => {
    const report = scoreRehearsal([], ['stateTheAsk', 'usesComparable', 'mentionsHardship']);
    expect(report.score).toBe(0);
    expect(report.practise).toEqual(['mentionsHardship', 'usesComparable']);
  });

  it('practise follows PRACTISE_PRIORITY, which covers every move once', () => {
    expect([...PRACTISE_PRIORITY].sort()).toEqual([...MOVES].sort());
    const report = scoreRehearsal([], MOVES);
    expect(report.practise).toEqual(PRACTISE_PRIORITY.slice(0, 2));
    expect(report.missed).toEqual([...MOVES]);
  });
});

describe('recognizeMoves on anything a user might type', () => {
  const checkShape = (text: string) => {
    const r = recognizeMoves(text);
    expect(new Set(r.moves).size).toBe(r.moves.length);
    expect(r.moves).toEqual(MOVES.filter((m) => r.moves.includes(m)));
    for (const cents of r.amountsCents) expect(Number.isSafeInteger(cents) && cents >= 0).toBe(true);
    expect(typeof r.hostile).toBe('boolean');
    if (r.empty) expect(r).toEqual({ moves: [], amountsCents: [], hostile: false, empty: true });
  };
  const phrases = fc.constantFrom(
    'I can pay $500', 'itemized bill', "I can't afford", 'account number 12345678', 'five hundred dollars', '$1,250.50',
    'on March 3rd', '2 weeks', 'you idiots', 'FAIR Health', '501(r)', '¤', '👍', 'שלום', '\u202e', '\u0000', '\n', ' ',
  );
  const mixed = fc.array(fc.oneof(phrases, fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })), { maxLength: 20 }).map((parts) => parts.join(' '));

  it('never throws and keeps its promises, for arbitrary text mixed with bill talk', () => {
    fc.assert(fc.property(mixed, (text) => checkShape(text)), { numRuns: 300 });
  });

  it('copes with 10 KB answers of emoji, right-to-left text and control characters', () => {
    const unit = fc.constantFrom('a', '1', ' ', '$', ',', '.', '😀', '👍🏽', 'ש', 'ع', '\u200f', '\u0007', '\u0000', '\t', 'İ', '¤');
    const tenKb = fc.array(fc.oneof(unit, phrases), { minLength: 2_000, maxLength: 4_000 }).map((p) => p.join('').slice(0, 10_240));
    fc.assert(fc.property(tenKb, (text) => checkShape(text)), { numRuns: 15 });
    checkShape('😀'.repeat(5_120));
    checkShape('I can pay $50 a month. '.repeat(445));
  });

  it('finds the amount even next to characters that change length in lower case', () => {
    expect(recognizeMoves('İİİ I can pay $500 😀').amountsCents).toEqual([50_000]);
  });
});
