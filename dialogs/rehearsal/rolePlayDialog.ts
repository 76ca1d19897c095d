import { ComponentDialog, DialogTurnResult, PromptValidatorContext, TextPrompt, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { escapeMarkdown } from '../../src/cards/markdown';
import { Difficulty, Move, Recognized, evaluateTurn, recognizeMoves } from '../../src/domain/rehearsal';
import { activeCase } from '../../src/domain/profile';
import type { Scenario } from '../../src/domain/scenario';
import type { DialogDeps } from '../deps';
import { fill, rehearsalVars } from './rehearsalVars';

export const ROLE_PLAY = 'rehearsal.rolePlay';
const LOOP = `${ROLE_PLAY}.loop`;
const ANSWER = `${ROLE_PLAY}.answer`;
const MAX_ANSWER = 1000;

export interface RolePlayOptions {
  scenarioId: string;
  difficulty: Difficulty;
  turn: number;
  history: Recognized[];
  /** The representative's reply to the previous answer, said before the next line. */
  lead?: string;
}

export interface RolePlayResult {
  history: Recognized[];
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

  private async vars(step: WaterfallStepContext, scenario: Scenario): Promise<Record<string, string>> {
    return rehearsalVars(this.deps.content, activeCase(await this.deps.profiles.get(step.context)), scenario, escapeMarkdown);
  }

  private async lineStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { content } = this.deps;
    const options = step.options as RolePlayOptions;
    const scenario = this.scenario(options.scenarioId);
    const turn = scenario?.turns[options.turn];
    if (!scenario || !turn) return step.endDialog({ history: options.history, closing: scenario?.closing ?? '' } satisfies RolePlayResult);
    const vars = await this.vars(step, scenario);
    const line = fill(options.difficulty === 'tough' ? (turn.toughRep ?? turn.rep) : turn.rep, vars);
    const said = [options.lead ? content.text('rehearsal.repLine', { rep: scenario.rep, line: fill(options.lead, vars) }) : undefined];
    const text = [...said, content.text('rehearsal.repLine', { rep: scenario.rep, line }), content.text('rehearsal.progress', { number: options.turn + 1, total: scenario.turns.length })]
      .filter(Boolean)
      .join('\n\n');
    return step.prompt(ANSWER, { prompt: text });
  }

  private async judgeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { content } = this.deps;
    const options = step.options as RolePlayOptions;
    const scenario = this.scenario(options.scenarioId);
    const turn = scenario?.turns[options.turn];
    if (!scenario || !turn) return step.endDialog({ history: options.history, closing: scenario?.closing ?? '' } satisfies RolePlayResult);
    const recognized = recognizeMoves(String(step.result));
    const outcome = evaluateTurn({ wants: turn.wants }, recognized, options.difficulty);
    const history = [...options.history, recognized];
    const everMade = new Set(history.flatMap((r) => r.moves));
    const praised = recognized.moves.find((m) => turn.wants.includes(m)) ?? recognized.moves[0];
    const tipMove: Move | 'calm' | undefined = recognized.hostile ? 'calm' : turn.wants.find((m) => !everMade.has(m)) ?? (outcome === 'weak' ? turn.wants[0] : undefined);
    const vars = await this.vars(step, scenario);
    const notes = [content.text('rehearsal.coach.good', { praise: content.text(`rehearsal.praise.${praised ?? 'keptGoing'}`) })];
    if (tipMove) notes.push(content.text('rehearsal.coach.try', { tip: content.text(`rehearsal.tips.${tipMove}`, { opening: vars.opening ?? '' }) }));
    await step.context.sendActivity(notes.join('  \n'));
    const lead = outcome === 'good' ? turn.good : options.difficulty === 'tough' ? (turn.toughWeak ?? turn.weak) : turn.weak;
    const next: RolePlayOptions = { ...options, turn: options.turn + 1, history, lead };
    if (next.turn >= scenario.turns.length) {
      await step.context.sendActivity(content.text('rehearsal.repLine', { rep: scenario.rep, line: fill(lead, vars) }));
      return step.endDialog({ history, closing: scenario.closing } satisfies RolePlayResult);
    }
    return step.replaceDialog(LOOP, next);
  }

  private async validAnswer(p: PromptValidatorContext<string>): Promise<boolean> {
    const text = p.recognized.value ?? '';
    const problem = text.length > MAX_ANSWER ? 'tooLong' : recognizeMoves(text).empty ? 'empty' : undefined;
    if (!problem) return true;
    p.options.retryPrompt = this.deps.content.text(`rehearsal.problems.${problem}`);
    return false;
  }
}
