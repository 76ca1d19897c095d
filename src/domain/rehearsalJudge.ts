import { assistanceProgramLikely } from './callPlan';
import type { Case } from './case';
import type { Cents } from './money';
import { owedAmount } from './owedAmount';
import { MOVES, evaluateTurn, readAnswer, type Difficulty, type Move, type Recognized, type TurnGoal } from './rehearsal';
import { AMOUNT_TOKEN } from './rehearsalPatterns';
import {
  AFTER_WRITING, AGREE_BEFORE, CARD_PATTERNS, CITE_BEFORE, DETAILS_PATTERNS, FULL_BALANCE, HARMS, MONTHLY_AFTER, NEGATED_AFTER,
  LUMP_AFTER, NEGATED_BEFORE, PAY_NOW_PATTERNS, RAW_DETAILS, REFUSED, SETTLE_AFTER, type Harm,
} from './rehearsalHarms';

/**
 * Her numbers for the call: what the bill says, what she owes (the one figure, owedAmount: the EOB's figure or the
 * Good Faith Estimate when the bill is above it, else the bill), what she can pay now and a month.
 */
export interface CallLimits {
  balanceCents?: Cents;
  owedCents?: Cents;
  /** Where the owed figure comes from when it is below the bill: her EOB, or her Good Faith Estimate. */
  owedBasis?: 'eob' | 'goodFaithEstimate';
  cashCents?: Cents;
  monthlyCents?: Cents;
  /** Who billed her likely has no formal assistance program (a clinic, a doctor, a lab): the representative says so. */
  noProgram?: true;
}

export function callLimits(c: Case | undefined): CallLimits {
  if (!c) return {};
  const figure = owedAmount(c);
  const owed = figure.owedCents;
  const basis = figure.basis === 'eob' || figure.basis === 'goodFaithEstimate' ? figure.basis : undefined;
  const cash = c.offer.cashAvailableCents ?? c.offer.lumpSum?.ceilingCents;
  const monthly = c.offer.monthlyBudgetCents ?? c.offer.plan?.monthlyCents;
  return {
    ...(c.balanceCents !== undefined ? { balanceCents: c.balanceCents } : {}),
    ...(owed !== undefined ? { owedCents: owed } : {}),
    ...(basis !== undefined ? { owedBasis: basis } : {}),
    ...(cash !== undefined ? { cashCents: cash } : {}),
    ...(monthly !== undefined ? { monthlyCents: monthly } : {}),
    ...(assistanceProgramLikely(c) ? {} : { noProgram: true as const }),
  };
}

/** The points the representative answers, strongest first: a lower EOB figure, a hardship, a comparable price, assistance. */
export const POINTS = ['eob', 'hardship', 'comparable', 'assistance'] as const;
export type Point = (typeof POINTS)[number];
const POINT_MOVE: Record<Point, Move> = { eob: 'citesEob', hardship: 'mentionsHardship', comparable: 'usesComparable', assistance: 'mentionsAssistance' };

/** One answer as the coach heard it (moves, harms, points); holds no text, so it can sit in dialog state. */
export interface Heard extends Recognized {
  harms: Harm[];
  /** In POINTS order. */
  points: Point[];
  /** Set when what she can't afford is a monthly amount ("300 a month"), so the warning can say her monthly figure. */
  overMonthly?: true;
  /** The last amount she offered to pay at once in this answer (none when the answer is harmful). */
  offeredCents?: Cents;
}
export type Verdict = 'good' | 'weak' | 'harmful';

interface Clause { before: string; after: string; question: boolean }

/** The sentence part around the amount token at `at`: split at . ! ? ; , and "but" / "so". */
function clauseAt(said: string, at: number): Clause {
  const head = said.slice(0, at);
  const start = Math.max(...['.', '!', '?', ';', ',', ' but ', ' so '].map((b) => head.lastIndexOf(b) + (head.lastIndexOf(b) >= 0 ? b.length : 0)), 0);
  const tail = said.slice(at + 1);
  const ends = [...tail.matchAll(/[.!?;,]| but | so /g)].map((m) => m.index);
  const end = ends.length ? Math.min(...ends) : tail.length;
  return { before: head.slice(start), after: tail.slice(0, end), question: tail.charAt(end) === '?' };
}

const lastIndex = (re: RegExp, text: string) => [...text.matchAll(re)].reduce((at, m) => Math.max(at, m.index + m[0].length), -1);

interface Agreed { cents: Cents; monthly: boolean }
/** What the representative's line says about amounts: `perMonth` when a bare amount in the answer is per month. */
export interface AnswerContext { perMonth?: boolean }

/** The amounts she agrees to or offers (not the ones she quotes, refuses or echoes back), each lump or monthly. */
function agreedAmounts(said: string, amounts: readonly Cents[], context: AnswerContext): Agreed[] {
  const out: Agreed[] = [];
  let index = 0;
  for (const m of said.matchAll(new RegExp(AMOUNT_TOKEN, 'g'))) {
    const cents = amounts[index++];
    if (cents === undefined) break;
    const { before, after, question } = clauseAt(said, m.index);
    if (NEGATED_BEFORE.test(before) || NEGATED_AFTER.test(after) || /[a-z]*\d+ $/.test(before)) continue;
    const agreeAt = lastIndex(AGREE_BEFORE, before);
    const citeAt = lastIndex(CITE_BEFORE, before);
    const words = (before + after).replace(/\b(?:a|per|month|monthly|mo)\b/g, '').trim();
    const bare = words === '' && !question;
    if (!bare && !SETTLE_AFTER.test(after) && !(agreeAt > citeAt)) continue;
    out.push({ cents, monthly: MONTHLY_AFTER.test(after) || (context.perMonth === true && !LUMP_AFTER.test(after)) });
  }
  return out;
}

/** Patterns that count only when no "no" comes before them in the same sentence. */
function saidUnrefused(patterns: readonly RegExp[], said: string): boolean {
  return patterns.some((p) => {
    const m = p.exec(said);
    if (!m) return false;
    const head = said.slice(0, m.index);
    const sentence = head.slice(Math.max(...['.', '!', '?', ';', ','].map((b) => head.lastIndexOf(b))) + 1);
    return !REFUSED.test(sentence);
  });
}

function findHarms(text: string, said: string, agreed: readonly Agreed[], limits: CallLimits): Harm[] {
  const found = new Set<Harm>();
  if (saidUnrefused(CARD_PATTERNS, said)) found.add('agreesToCard');
  const over = (a: Agreed) => {
    const limit = a.monthly ? limits.monthlyCents : (limits.cashCents ?? limits.owedCents ?? limits.balanceCents);
    return limit !== undefined && (a.monthly ? a.cents > limit : a.cents > limit || (limits.cashCents === undefined && a.cents >= limit));
  };
  if (agreed.some(over) || FULL_BALANCE.test(said)) found.add('agreesUnaffordable');
  if (!AFTER_WRITING.test(said) && PAY_NOW_PATTERNS.some((p) => p.test(said))) found.add('paysBeforeWriting');
  if (RAW_DETAILS.some((p) => p.test(text)) || saidUnrefused(DETAILS_PATTERNS, said)) found.add('givesCardDetails');
  return HARMS.filter((h) => found.has(h));
}

/** An EOB figure is a point when it is below the bill (or when she gives no figure at all). */
function eobIsLower(r: Recognized, limits: CallLimits): boolean {
  if (limits.balanceCents === undefined || r.amountsCents.length === 0) return true;
  const balance = limits.balanceCents;
  return r.amountsCents.some((c) => c < balance);
}

/** What she did in one answer, what could hurt her, and the points the representative should answer. */
export function hearAnswer(text: string, limits: CallLimits, context: AnswerContext = {}): Heard {
  const { recognized, said } = readAnswer(text);
  if (recognized.empty) return { ...recognized, harms: [], points: [] };
  const agreed = agreedAmounts(said, recognized.amountsCents, context);
  const harms = findHarms(text, said, agreed, limits);
  const monthlyLimit = limits.monthlyCents;
  const overMonthly = monthlyLimit !== undefined && agreed.some((a) => a.monthly && a.cents > monthlyLimit);
  const moves = new Set(recognized.moves);
  // An offer is an amount she puts forward: not one she quotes ("I make ¤ a month"), refuses or echoes ("¤ a month?").
  if (harms.length || (recognized.amountsCents.length > 0 && agreed.length === 0)) moves.delete('makesOffer');
  else if (agreed.length) moves.add('makesOffer');
  const ordered: Recognized = { ...recognized, moves: MOVES.filter((m) => moves.has(m)) };
  const points = POINTS.filter((p) => ordered.moves.includes(POINT_MOVE[p]) && (p !== 'eob' || eobIsLower(ordered, limits)));
  const offered = harms.length ? undefined : agreed.filter((a) => !a.monthly).at(-1)?.cents;
  return { ...ordered, harms, points, ...(overMonthly ? { overMonthly } : {}), ...(offered !== undefined ? { offeredCents: offered } : {}) };
}

/** The verdict on one answer: harmful whatever else it does, otherwise good or weak for the turn's goal. */
export function judgeAnswer(goal: TurnGoal, heard: Heard, difficulty: Difficulty): Verdict {
  return heard.harms.length ? 'harmful' : evaluateTurn(goal, heard, difficulty);
}

/** Moves that a move already made in the same answer covers: "I can't pay that" needs no "say you can't afford it". */
const COVERED_BY: Partial<Record<Move, readonly Move[]>> = {
  declinesUnaffordable: ['mentionsHardship', 'makesOffer'],
  stateTheAsk: ['asksItemized', 'asksInWriting', 'mentionsAssistance', 'asksNameReference', 'makesOffer'],
  makesOffer: ['declinesUnaffordable'],
};

/**
 * The one thing to try next: calm when hostile; otherwise a wanted move not made yet in the call, and never one
 * she made (or covered) in this very answer, nor "cite your EOB" without an EOB figure below the bill; on a weak
 * answer with nothing new left, the turn's first such move.
 */
export function coachTip(goal: TurnGoal, heard: Heard, earlier: readonly Move[], verdict: Verdict, limits: CallLimits): Move | 'calm' | 'holdsOffer' | undefined {
  if (heard.hostile) return 'calm';
  const { owedCents: owed, balanceCents: balance } = limits;
  const hasEobPoint = owed !== undefined && balance !== undefined && owed < balance;
  const now = new Set(heard.moves);
  const doneNow = (m: Move) => now.has(m) || (COVERED_BY[m] ?? []).some((c) => now.has(c)) || (m === 'makesOffer' && heard.amountsCents.length > 0);
  const open = goal.wants.filter((m) => !doneNow(m) && (m !== 'citesEob' || hasEobPoint));
  const fresh = open.find((m) => !earlier.includes(m));
  if (fresh) return fresh;
  if (verdict === 'good') return undefined;
  // She named a number earlier in the call: the tip is to stay with it, never "name a number".
  return open[0] === 'makesOffer' && earlier.includes('makesOffer') ? 'holdsOffer' : open[0];
}
