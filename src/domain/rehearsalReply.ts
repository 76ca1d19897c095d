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
  | { kind: 'weak' };

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
}

/**
 * The representative takes up a harmful answer (so the coach can show what it costs), answers the strongest new
 * point she made (a lower EOB figure, a hardship, a comparable price, assistance), and pushes back once on a good
 * ask that stands alone: asked again, or asked with a point or two wanted moves, it wins. Deterministic, so the
 * same answers always meet the same replies.
 */
export function repReply(input: ReplyInput): RepReply {
  const { turn, answers, heard, verdict, again, last, answered } = input;
  const harm = heard.harms[0];
  if (verdict === 'harmful' && harm) return { kind: 'takes', harm };
  if (heard.hostile) return { kind: 'weak' };
  const point = heard.points.find((p) => !answered.includes(p) && answers?.[p]);
  // On a turn that ends in a concession (one with a push-back), a good answer with a point gets both.
  if (point) return { kind: 'answers', point, thenGood: verdict === 'good' && turn.pushBack !== undefined };
  if (verdict !== 'good') return { kind: 'weak' };
  const wanted = new Set<Move>(heard.moves.filter((m) => turn.wants.includes(m)));
  const supported = wanted.size >= 2 || heard.points.length > 0;
  return turn.pushBack && !again && !last && !supported ? { kind: 'pushBack' } : { kind: 'good' };
}
