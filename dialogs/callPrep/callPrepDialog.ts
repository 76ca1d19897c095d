import { CardFactory } from 'botbuilder';
import { ConfirmPrompt, DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { buildCallScript } from '../../src/cards/callScript';
import { sheetCard, sheetText } from '../../src/cards/sheet';
import { escapeMarkdown } from '../../src/cards/markdown';
import { whoToCall } from '../../src/domain/callPlan';
import { annualIncomeCents } from '../../src/domain/charityCare';
import { formatCents } from '../../src/domain/money';
import { textFileFromMarkdown } from '../attachments';
import { choiceStyle } from '../choiceStyle';
import type { DialogDeps } from '../deps';
import { DialogIds } from '../ids';
import { StepDialog } from '../journey/stepDialog';
import { QuestionnaireDialog } from '../questionnaire/questionnaireDialog';
import { HardshipDialog } from './hardshipDialog';
import { SCREEN_QUESTIONS } from './screenQuestions';
import { screenCard, screenCase } from './screenResult';

const SCREEN = 'callPrep.screen';
const SCREEN_LOOP = 'callPrep.screenLoop';
const CONFIRM = 'callPrep.confirmIncome';

/** Step 2 of 5: the financial-assistance screen, a hardship statement, then the call plan and script. */
export class CallPrepDialog extends StepDialog {
  constructor(deps: DialogDeps) {
    super(DialogIds.callPrep, deps, 'callPrep', { intro: 'callPrep.intro', introAgain: 'callPrep.introAgain', done: 'callPrep.done' });
    this.addDialog(new QuestionnaireDialog(SCREEN, SCREEN_QUESTIONS, 'screen', deps));
    const confirm = new ConfirmPrompt(CONFIRM);
    // "Is that right?" takes yes or no in words (or the buttons), not a stray number in the message.
    confirm.choiceOptions = { includeNumbers: false };
    this.addDialog(confirm);
    this.addDialog(new HardshipDialog(deps));
    this.addDialog(new WaterfallDialog(SCREEN_LOOP, [this.askStep, this.confirmStep, this.checkStep].map((s) => s.bind(this))));
    this.flow([this.introStep, this.screenStep, this.resultStep, this.hardshipStep, this.planStep]);
  }

  private async screenStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.beginDialog(SCREEN_LOOP);
  }

  /** Screen loop: questions, then the yearly income shown back for a yes/no, again on "no". */
  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.beginDialog(SCREEN);
  }

  private async confirmStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { content } = this.deps;
    const a = (await this.activeCase(step))?.assistance;
    if (!a || a.annualIncomeCents !== undefined || a.incomeCents === undefined || a.incomePeriod === undefined) return step.endDialog();
    const annual = formatCents(annualIncomeCents(a.incomeCents, a.incomePeriod, a.hoursPerWeek));
    const ask = a.householdSize ? content.text('callPrep.confirm.ask', { annual, size: a.householdSize }) : content.text('callPrep.confirm.askNoSize', { annual });
    return step.prompt(CONFIRM, { prompt: ask, retryPrompt: content.text('callPrep.confirm.retry'), style: choiceStyle(step.context) });
  }

  private async checkStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (step.result === true) {
      await this.update(step, (c) => {
        const a = c.assistance;
        const annual = a.incomeCents !== undefined && a.incomePeriod ? annualIncomeCents(a.incomeCents, a.incomePeriod, a.hoursPerWeek) : undefined;
        return { ...c, assistance: { ...a, annualIncomeCents: annual } };
      });
      return step.endDialog();
    }
    await this.update(step, (c) => ({
      ...c,
      assistance: { ...c.assistance, incomePeriod: undefined, incomeCents: undefined, hoursPerWeek: undefined },
      skippedQuestions: c.skippedQuestions.filter((id) => !['incomePeriod', 'income', 'hoursPerWeek'].includes(id)),
    }));
    await step.context.sendActivity(this.deps.content.text('callPrep.confirm.again'));
    return step.replaceDialog(SCREEN_LOOP);
  }

  private async resultStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const today = this.today(step);
    const current = await this.update(step, (c) => ({ ...c, assistance: { ...c.assistance, screen: screenCase(c, this.deps.data, today) } }));
    if (!current) return step.endDialog();
    // A short card: the likely result and the date that matters, the rules in full on demand.
    await step.context.sendActivity({ attachments: [CardFactory.adaptiveCard(screenCard(this.deps.content, current, today))] });
    return step.next();
  }

  private async hardshipStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.beginDialog('callPrep.hardship');
  }

  private async planStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { content, now } = this.deps;
    const planned = await this.markDone(step, (c) => ({ ...c, callPlan: { preparedAt: now().toISOString(), contacts: whoToCall(c) } }));
    if (!planned) return step.endDialog();
    const script = buildCallScript(content, planned, this.today(step), escapeMarkdown);
    await step.context.sendActivity({ attachments: [CardFactory.adaptiveCard(sheetCard(script))] });
    await step.context.sendActivity({
      text: content.text('script.file.intro'),
      attachments: [textFileFromMarkdown(content.text('script.file.name'), sheetText(script))],
    });
    return this.finish(step);
  }
}
