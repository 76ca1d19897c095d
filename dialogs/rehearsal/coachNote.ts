import type { ContentStore } from '../../src/content/contentStore';
import type { Move, TurnGoal } from '../../src/domain/rehearsal';
import { coachTip, type CallLimits, type Heard, type Verdict } from '../../src/domain/rehearsalJudge';
import type { RepReply } from '../../src/domain/rehearsalReply';
import type { Scenario, ScenarioTurn } from '../../src/domain/scenario';
import type { Difficulty } from '../../src/domain/rehearsal';

export interface NoteInput {
  goal: TurnGoal;
  heard: Heard;
  verdict: Verdict;
  /** Moves made in the earlier answers of this call. */
  earlier: readonly Move[];
  limits: CallLimits;
  vars: Record<string, string>;
}

/** The coach's note after one answer: a specific warning when it could hurt her, else one thing done well and one to try. */
export function coachNote(content: ContentStore, { goal, heard, verdict, earlier, limits, vars }: NoteInput): string {
  const numbers = { opening: vars.opening ?? '', monthly: vars.monthly ?? '', owed: vars.owed ?? '' };
  const harm = heard.harms[0];
  if (verdict === 'harmful' && harm) {
    const key = harm === 'agreesUnaffordable' && heard.overMonthly ? 'agreesUnaffordableMonthly' : harm;
    return content.text('rehearsal.coach.warn', { warning: content.text(`rehearsal.warnings.${key}`, numbers) });
  }
  const praised = heard.moves.find((m) => goal.wants.includes(m)) ?? heard.moves[0];
  const notes = [content.text('rehearsal.coach.good', { praise: content.text(`rehearsal.praise.${praised ?? 'keptGoing'}`) })];
  const tip = coachTip(goal, heard, earlier, verdict, limits);
  if (tip) notes.push(content.text('rehearsal.coach.try', { tip: content.text(`rehearsal.tips.${tip}`, numbers) }));
  return notes.join('  \n');
}

/** The representative's words for a reply (a scenario line, still with its placeholders, or a content line). */
export function repWords(content: ContentStore, scenario: Scenario, turn: ScenarioTurn, reply: RepReply, difficulty: Difficulty): string {
  const weak = difficulty === 'tough' ? (turn.toughWeak ?? turn.weak) : turn.weak;
  switch (reply.kind) {
    case 'takes':
      return content.text(`rehearsal.repTakes.${reply.harm}`);
    case 'answers': {
      const answer = scenario.answers?.[reply.point] ?? '';
      return reply.thenGood ? `${answer} ${turn.good}` : answer;
    }
    case 'pushBack':
      return turn.pushBack ?? turn.good;
    case 'good':
      return turn.good;
    case 'weak':
      return weak;
  }
}
