import { ActionTypes, CardFactory } from 'botbuilder';
import { Choice, DialogTurnResult, FoundChoice, WaterfallStepContext } from 'botbuilder-dialogs';
import { escapeMarkdown } from '../../src/cards/markdown';
import { rehearsalReport } from '../../src/cards/rehearsalReport';
import { sheetCard } from '../../src/cards/sheet';
import { Difficulty, scoreRehearsal } from '../../src/domain/rehearsal';
import { formatCents } from '../../src/domain/money';
import { choiceStyle } from '../choiceStyle';
import type { DialogDeps } from '../deps';
import { DialogIds } from '../ids';
import { StepDialog } from '../journey/stepDialog';
import { ROLE_PLAY, RolePlayDialog, RolePlayOptions, RolePlayResult } from './rolePlayDialog';
import { fill, rehearsalVars, suggestedSuit } from './rehearsalVars';
import { WholeNumberChoicePrompt } from '../prompts/wholeNumberChoicePrompt';

const PICK = 'rehearsal.pick';
const NEXT = 'rehearsal.next';

export interface RehearsalOptions {
  scenarioId?: string;
  difficulty?: Difficulty;
}

/** Step 4 of 5: pick who to call, role-play the call with coaching, then a report card and what next. */
export class RehearsalDialog extends StepDialog {
  constructor(deps: DialogDeps) {
    super(DialogIds.rehearsal, deps, 'rehearsal', { intro: 'rehearsal.intro', introAgain: 'rehearsal.introAgain', done: 'rehearsal.done' });
    this.addDialog(new RolePlayDialog(deps));
    this.addDialog(new WholeNumberChoicePrompt(PICK));
    this.addDialog(new WholeNumberChoicePrompt(NEXT));
    this.flow([this.pickStep, this.startStep, this.reportStep, this.nextStep]);
  }

  private options(step: WaterfallStepContext): RehearsalOptions {
    return (step.options ?? {}) as RehearsalOptions;
  }

  private async pickStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { content, scenarios } = this.deps;
    const { scenarioId } = this.options(step);
    if (scenarioId) return step.next({ value: scenarioId });
    await this.enter(step);
    const suit = suggestedSuit(await this.activeCase(step));
    const ordered = [...scenarios].sort((a, b) => Number(b.suits.includes(suit)) - Number(a.suits.includes(suit)));
    const choices: Choice[] = ordered.map((s) => ({ value: s.id, action: { type: ActionTypes.ImBack, title: s.title, value: s.title } }));
    return step.prompt(PICK, { prompt: content.text('rehearsal.pick.ask'), retryPrompt: content.text('rehearsal.pick.retry'), choices, style: choiceStyle(step.context) });
  }

  private async startStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { content, scenarios } = this.deps;
    const scenario = scenarios.find((s) => s.id === (step.result as FoundChoice).value) ?? scenarios[0];
    if (!scenario) return step.endDialog();
    const difficulty = this.options(step).difficulty ?? 'standard';
    (step.values as { scenarioId?: string }).scenarioId = scenario.id;
    const current = await this.activeCase(step);
    const vars = rehearsalVars(content, current, scenario, escapeMarkdown);
    const lump = current?.offer.lumpSum;
    const plan = current?.offer.plan;
    const setup = [
      fill(scenario.intro, vars),
      ...(current?.balanceCents === undefined ? [content.text('rehearsal.practiceBalance', { balance: vars.balance ?? '' })] : []),
      lump ? content.text('rehearsal.yourNumbers', { opening: vars.opening ?? '', target: vars.target ?? '', ceiling: vars.ceiling ?? '' })
        : plan ? content.text('rehearsal.yourPlan', { monthly: formatCents(plan.monthlyCents), months: plan.months, total: formatCents(plan.totalCents) })
          : content.text('rehearsal.noNumbers'),
      ...(current?.hardship ? [content.text('rehearsal.yourStatement')] : []),
      ...(difficulty === 'tough' ? [content.text('rehearsal.tough')] : []),
    ];
    await step.context.sendActivity(setup.join('\n\n'));
    const options: RolePlayOptions = { scenarioId: scenario.id, difficulty, turn: 0, history: [] };
    return step.beginDialog(ROLE_PLAY, options);
  }

  private async reportStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { content, now, scenarios } = this.deps;
    const result = step.result as RolePlayResult;
    const scenario = scenarios.find((s) => s.id === (step.values as { scenarioId?: string }).scenarioId);
    if (!scenario) return step.endDialog();
    const score = scoreRehearsal(result.history, scenario.keyMoves);
    const current = await this.activeCase(step);
    const vars = rehearsalVars(content, current, scenario, escapeMarkdown);
    await step.context.sendActivity(result.closing);
    await step.context.sendActivity({ attachments: [CardFactory.adaptiveCard(sheetCard(rehearsalReport(content, scenario.title, score, vars)))] });
    if (current) {
      const entry = { scenarioId: scenario.id, difficulty: this.options(step).difficulty ?? 'standard', score: score.score, made: score.made, missed: score.missed, at: now().toISOString() };
      await this.markDone(step, (c) => ({ ...c, rehearsals: [...c.rehearsals, entry].slice(-20) }));
    }
    const choices: Choice[] = (['again', 'tougher', 'menu'] as const).map((value) => {
      const title = content.text(`rehearsal.report.${value}`);
      return { value, action: { type: ActionTypes.ImBack, title, value: title } };
    });
    return step.prompt(NEXT, { prompt: content.text('rehearsal.report.ask'), retryPrompt: content.text('rehearsal.report.retry'), choices, style: choiceStyle(step.context) });
  }

  private async nextStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const choice = (step.result as FoundChoice).value;
    const scenarioId = (step.values as { scenarioId?: string }).scenarioId;
    if (choice === 'again') return step.replaceDialog(this.flowId, { scenarioId, difficulty: this.options(step).difficulty } satisfies RehearsalOptions);
    if (choice === 'tougher') return step.replaceDialog(this.flowId, { scenarioId, difficulty: 'tough' } satisfies RehearsalOptions);
    return this.finish(step);
  }
}
