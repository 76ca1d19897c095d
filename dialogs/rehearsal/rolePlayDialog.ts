import { ComponentDialog, DialogTurnResult, PromptValidatorContext, TextPrompt, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { escapeMarkdown } from '../../src/cards/markdown';
import { Difficulty, recognizeMoves } from '../../src/domain/rehearsal';
import type { Harm } from '../../src/domain/rehearsalHarms';
import { callLimits, hearAnswer, judgeAnswer, type Heard, type Point } from '../../src/domain/rehearsalJudge';
import { afterFollowThrough, BACK_OUT, repReply } from '../../src/domain/rehearsalReply';
import { activeCase } from '../../src/domain/profile';
import type { Scenario } from '../../src/domain/scenario';
import type { DialogDeps } from '../deps';
import { coachNote, repWords } from './coachNote';
import { fill, rehearsalVars } from './rehearsalVars';

export const ROLE_PLAY = 'rehearsal.rolePlay';
const LOOP = `${ROLE_PLAY}.loop`;
const ANSWER = `${ROLE_PLAY}.answer`;
const MAX_ANSWER = 1000;

export interface RolePlayOptions {
  scenarioId: string;
  difficulty: Difficulty;
  turn: number;
  history: Heard[];
  /** The representative's reply to the previous answer, said before the next line. */
  lead?: string;
  /** The representative pushed back on this turn's first good answer: the turn is asked again with the push-back. */
  again?: boolean;
  /** Points the representative has answered in this call. */
  answered?: Point[];
  /** The representative is going ahead with this harmful agreement: the turn's line is what it asks for next. */
  following?: Harm;
}

export interface RolePlayResult {
  history: Heard[];
  closing: string;
}

/** The call itself: the representative's line, the user's answer, a short coaching note, the reply. */
export class RolePlayDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(ROLE_PLAY);
    this.addDialog(new TextPrompt(ANSWER, (p) => this.validAnswer(p)));
    this.addDialog(new WaterfallDialog(LOOP, [this.lineStep.bind(this), this.judgeStep.bind(this)]));
    this.initialDialogId = LOOP;
  }

  /** The loader guarantees at least one scenario; an id that no longer exists falls back to the first. */
  private scenario(id: string): Scenario | undefined {
    return this.deps.scenarios.find((s) => s.id === id) ?? this.deps.scenarios[0];
  }

  private async vars(step: WaterfallStepContext, scenario: Scenario, history: readonly Heard[]): Promise<Record<string, string>> {
    return rehearsalVars(this.deps.content, activeCase(await this.deps.profiles.get(step.context)), scenario, escapeMarkdown, history);
  }

  private async progress(step: WaterfallStepContext, options: RolePlayOptions, scenario: Scenario): Promise<string> {
    const turn = scenario.turns[options.turn];
    const vars = await this.vars(step, scenario, options.history);
    const { content } = this.deps;
    const asked = options.following ? content.text(`rehearsal.repProceeds.${options.following}`)
      : options.again && turn?.pushBack ? turn.pushBack
      : vars.offered !== undefined && turn?.repAfterOffer ? turn.repAfterOffer
      : options.difficulty === 'tough' ? (turn?.toughRep ?? turn?.rep) : turn?.rep;
    return [
      options.lead ? content.text('rehearsal.repLine', { rep: scenario.rep, line: fill(options.lead, vars) }) : undefined,
      content.text('rehearsal.repLine', { rep: scenario.rep, line: fill(asked ?? '', vars) }),
      content.text('rehearsal.progress', { number: options.turn + 1, total: scenario.turns.length }),
    ].filter(Boolean).join('\n\n');
  }

  private async lineStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = step.options as RolePlayOptions;
    const scenario = this.scenario(options.scenarioId);
    if (!scenario?.turns[options.turn]) return step.endDialog({ history: options.history, closing: scenario?.closing ?? '' } satisfies RolePlayResult);
    return step.prompt(ANSWER, { prompt: await this.progress(step, options, scenario) });
  }

  private async judgeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { content } = this.deps;
    const options = step.options as RolePlayOptions;
    const scenario = this.scenario(options.scenarioId);
    const turn = scenario?.turns[options.turn];
    if (!scenario || !turn) return step.endDialog({ history: options.history, closing: scenario?.closing ?? '' } satisfies RolePlayResult);
    const current = activeCase(await this.deps.profiles.get(step.context));
    const limits = callLimits(current);
    const goal = { wants: options.following ? BACK_OUT : turn.wants };
    const heard = hearAnswer(String(step.result), limits, { perMonth: turn.perMonth ?? false });
    const verdict = judgeAnswer(goal, heard, options.difficulty);
    const history = [...options.history, heard];
    const vars = rehearsalVars(content, current, scenario, escapeMarkdown, history);
    const earlier = options.history.flatMap((h) => h.moves);
    await step.context.sendActivity(coachNote(content, { goal, heard, verdict, earlier, limits, vars, following: options.following !== undefined }));
    const answered = options.answered ?? [];
    const base = { scenarioId: options.scenarioId, difficulty: options.difficulty, history, again: false, answered };
    if (options.following) {
      const { outcome, next } = afterFollowThrough(verdict, options.turn, scenario.turns.length);
      const lead = outcome === 'backsOff' ? content.text('rehearsal.repBacksOff') : content.text(`rehearsal.repCompletes.${options.following}`);
      return this.goOn(step, scenario, { ...base, turn: next, lead }, vars);
    }
    const last = options.turn + 1 >= scenario.turns.length;
    const offeredBefore = options.history.map((h) => h.offeredCents).filter((c) => c !== undefined).at(-1);
    const reply = repReply({ turn, answers: scenario.answers, heard, verdict, again: options.again ?? false, last, answered, ...(offeredBefore !== undefined ? { offeredBefore } : {}) });
    const nowAnswered = reply.kind === 'answers' ? [...answered, reply.point] : answered;
    if (reply.kind === 'pushBack') return step.replaceDialog(LOOP, { ...base, turn: options.turn, again: true, answered: nowAnswered } satisfies RolePlayOptions);
    const lead = repWords(content, scenario, turn, reply, options.difficulty, limits, vars);
    // The representative goes ahead with a harmful agreement on the same turn: she can still take it back.
    if (reply.kind === 'takes' && !last) return step.replaceDialog(LOOP, { ...base, turn: options.turn, lead, answered: nowAnswered, following: reply.harm } satisfies RolePlayOptions);
    return this.goOn(step, scenario, { ...base, turn: options.turn + 1, lead, answered: nowAnswered }, vars);
  }

  /** The next turn, or the end of the call after its last turn (the representative's reply said first). */
  private async goOn(step: WaterfallStepContext, scenario: Scenario, next: RolePlayOptions, vars: Record<string, string>): Promise<DialogTurnResult> {
    if (next.turn < scenario.turns.length) return step.replaceDialog(LOOP, next);
    await step.context.sendActivity(this.deps.content.text('rehearsal.repLine', { rep: scenario.rep, line: fill(next.lead ?? '', vars) }));
    return step.endDialog({ history: next.history, closing: scenario.closing } satisfies RolePlayResult);
  }

  private async validAnswer(p: PromptValidatorContext<string>): Promise<boolean> {
    const text = p.recognized.value ?? '';
    const problem = text.length > MAX_ANSWER ? 'tooLong' : recognizeMoves(text).empty ? 'empty' : undefined;
    if (!problem) return true;
    p.options.retryPrompt = this.deps.content.text(`rehearsal.problems.${problem}`);
    return false;
  }
}
