import type { Cents } from './money';
import type { Move } from './rehearsalMoves';
import type { Harm } from './rehearsalHarms';
import type { Heard, Point, Verdict } from './rehearsalJudge';
import type { Scenario, ScenarioTurn } from './scenario';

/** What the representative says back to one answer; the dialog turns it into the scenario's words. */
export type RepReply =
  | { kind: 'takes'; harm: Harm }
  | { kind: 'answers'; point: Point; thenGood: boolean }
  | { kind: 'pushBack' }
  | { kind: 'good' }
  | { kind: 'weak' }
  /** A weak answer on a turn that asks for a number, after she named one earlier: the representative holds her to it. */
  | { kind: 'notesOffer'; offeredCents: Cents };

export interface ReplyInput {
  turn: { wants: readonly Move[]; pushBack?: ScenarioTurn['pushBack'] };
  answers: Scenario['answers'];
  heard: Heard;
  verdict: Verdict;
  /** This turn was already pushed back once: the repeated ask wins. */
  again: boolean;
  /** The call's last turn: never pushed back, so nothing follows "turn N of N". */
  last: boolean;
  /** Points the representative has already answered in this call. */
  answered: readonly Point[];
  /** The last amount she offered to pay at once in an earlier answer of this call. */
  offeredBefore?: Cents;
}

/**
 * The representative takes up a harmful answer (so the coach can show what it costs), answers the strongest new
 * point she made (a lower EOB figure, a hardship, a comparable price, assistance), and pushes back once on a good
 * ask that stands alone: asked again, or asked with a point or two wanted moves, it wins. Deterministic, so the
 * same answers always meet the same replies.
 */
export function repReply(input: ReplyInput): RepReply {
  const { turn, answers, heard, verdict, again, last, answered, offeredBefore } = input;
  const harm = heard.harms[0];
  if (verdict === 'harmful' && harm) return { kind: 'takes', harm };
  if (heard.hostile) return { kind: 'weak' };
  const point = heard.points.find((p) => !answered.includes(p) && answers?.[p]);
  // On a turn that ends in a concession (one with a push-back), a good answer with a point gets both.
  if (point) return { kind: 'answers', point, thenGood: verdict === 'good' && turn.pushBack !== undefined };
  if (verdict !== 'good') return offeredBefore !== undefined && turn.wants.includes('makesOffer') ? { kind: 'notesOffer', offeredCents: offeredBefore } : { kind: 'weak' };
  const wanted = new Set<Move>(heard.moves.filter((m) => turn.wants.includes(m)));
  const supported = wanted.size >= 2 || heard.points.length > 0;
  return turn.pushBack && !again && !last && !supported ? { kind: 'pushBack' } : { kind: 'good' };
}

/**
 * The amount a representative's concession names: what she offered (her latest amount at once in the call), or her
 * target when she named none, and never above what she owes. Never above her own offer.
 */
export function concessionCents(offeredCents: Cents | undefined, targetCents: Cents | undefined, owedCents: Cents | undefined): Cents | undefined {
  const asked = offeredCents !== undefined && targetCents !== undefined ? Math.min(offeredCents, targetCents) : (offeredCents ?? targetCents);
  if (asked === undefined) return undefined;
  return owedCents !== undefined ? Math.min(asked, owedCents) : asked;
}

/** After she agrees to something harmful, the representative goes ahead with it; these moves take it back. */
export const BACK_OUT: readonly Move[] = ['declinesUnaffordable', 'asksInWriting'];

/**
 * Where the call goes after the representative went ahead with a harmful agreement: she took it back (a good answer
 * to BACK_OUT), and the call goes on at the next turn; or it stands, the deal is done, and the call jumps to its
 * last turn (the wrap-up) — never back to "what's your offer?".
 */
export function afterFollowThrough(verdict: Verdict, turn: number, total: number): { outcome: 'backsOff' | 'completes'; next: number } {
  if (verdict === 'good') return { outcome: 'backsOff', next: turn + 1 };
  return { outcome: 'completes', next: Math.max(turn + 1, total - 1) };
}
