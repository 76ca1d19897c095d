import { praiseKey, tipKey, tipNumbers } from '../../src/cards/rehearsalTips';
import type { ContentStore } from '../../src/content/contentStore';
import { formatCents } from '../../src/domain/money';
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
  /** The representative is going ahead with what she agreed to in her last answer. */
  following?: boolean;
}

/** The coach's note after one answer: a specific warning when it could hurt her, else one thing done well and one to try. */
export function coachNote(content: ContentStore, { goal, heard, verdict, earlier, limits, vars, following }: NoteInput): string {
  const numbers = tipNumbers(vars);
  // The figure she owes decides "your EOB" or "your Good Faith Estimate" (src/cards/rehearsalTips.ts).
  const words = limits.owedBasis ? { ...vars, owedBasis: limits.owedBasis } : vars;
  const harm = heard.harms[0];
  if (verdict === 'harmful' && harm) {
    const key = harm === 'agreesUnaffordable' && heard.overMonthly ? 'agreesUnaffordableMonthly' : harm;
    return content.text('rehearsal.coach.warn', { warning: content.text(`rehearsal.warnings.${key}`, numbers) });
  }
  if (following && verdict !== 'good') return content.text('rehearsal.coach.stillAgreed');
  const praised = heard.moves.find((m) => goal.wants.includes(m)) ?? heard.moves[0];
  const notes = [content.text('rehearsal.coach.good', { praise: content.text(`rehearsal.praise.${praiseKey(praised ?? 'keptGoing', words)}`) })];
  const tip = coachTip(goal, heard, earlier, verdict, limits);
  if (tip) notes.push(content.text('rehearsal.coach.try', { tip: content.text(`rehearsal.tips.${tipKey(tip, words)}`, numbers) }));
  return notes.join('  \n');
}

/** The representative's words for a reply (a scenario line, still with its placeholders, or a content line). */
export function repWords(content: ContentStore, scenario: Scenario, turn: ScenarioTurn, reply: RepReply, difficulty: Difficulty, limits: CallLimits = {}, vars: Record<string, string> = {}): string {
  const weak = difficulty === 'tough' ? (turn.toughWeak ?? turn.weak) : turn.weak;
  switch (reply.kind) {
    case 'takes':
      return content.text(`rehearsal.repTakes.${reply.harm}`);
    case 'answers': {
      const estimate = reply.point === 'eob' && limits.owedBasis === 'goodFaithEstimate';
      const noProgram = !limits.noProgram ? undefined : reply.point === 'hardship' ? scenario.answers?.hardshipNoProgram : reply.point === 'assistance' ? scenario.answers?.assistanceNoProgram : undefined;
      const answer = estimate ? content.text('rehearsal.answerEstimate', { owed: vars.owed ?? '' }) : (noProgram ?? scenario.answers?.[reply.point] ?? '');
      return reply.thenGood ? `${answer} ${vars.offered !== undefined && turn.goodAfterOffer ? turn.goodAfterOffer : turn.good}` : answer;
    }
    case 'pushBack':
      return turn.pushBack ?? turn.good;
    case 'good':
      return vars.offered !== undefined && turn.goodAfterOffer ? turn.goodAfterOffer : turn.good;
    case 'weak':
      return weak;
    case 'notesOffer':
      return content.text('rehearsal.repNotesOffer', { offered: formatCents(reply.offeredCents) });
  }
}
