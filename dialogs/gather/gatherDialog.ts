import { CardFactory } from 'botbuilder';
import { ComponentDialog, DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { billCheckCard } from '../../src/cards/billCheckCard';
import { billCheckMarkdown } from '../../src/cards/billCheckMarkdown';
import { checkBill } from '../../src/domain/billCheck';
import { userToday } from '../../src/domain/calendar';
import { Case, emptyProfile } from '../../src/domain/case';
import { activeCase, addCase, updateCase, withStepStatus } from '../../src/domain/profile';
import { textFileFromMarkdown } from '../attachments';
import type { DialogDeps } from '../deps';
import { enterStep } from '../journey/enterStep';
import { DialogIds } from '../ids';
import { localTimestampOf } from '../prompts/localDateTimePrompt';
import { BillLinesDialog } from './billLinesDialog';
import { EOB_QUESTIONS } from './eobQuestions';
import { FairPriceDialog } from './fairPriceDialog';
import { INTAKE_QUESTIONS } from './intakeQuestions';
import { sendItemizedBillRequest } from './itemizedBillRequest';
import { Question } from '../questionnaire/question';
import { QuestionnaireDialog } from '../questionnaire/questionnaireDialog';

const FLOW = 'gather.flow';

/** How many of `questions` a case like `c` may be asked (the count the questions' progress line starts from). */
const mayAsk = (questions: readonly Question[], c: Case): number => questions.filter((q) => (q.mayApply ?? q.applies)(c) && !q.answered(c)).length;

/**
 * What step 1 asks at most, said honestly in its intro: the intake's questions, then the insurance
 * paperwork's (an EOB when insured, the Good Faith Estimate when paying yourself), counted from the
 * questions themselves so the intro never drifts from what follows.
 */
export function stepOneCounts(): { intake: number; insured: number; selfPay: number } {
  const fresh = addCase(emptyProfile(), 'count', new Date(0), 'count').created;
  return {
    intake: mayAsk(INTAKE_QUESTIONS, fresh),
    insured: mayAsk(EOB_QUESTIONS, { ...fresh, insurance: 'employer' }),
    selfPay: mayAsk(EOB_QUESTIONS, { ...fresh, insurance: 'uninsured' }),
  };
}
const INTAKE = 'gather.intake';
const EOB = 'gather.eob';

/**
 * Step 1 of 5: the facts of the bill (intake), the itemized bill (or a ready request for it), the EOB or
 * Good Faith Estimate, optional bill lines and fair prices, then the bill check card and file.
 */
export class GatherDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(DialogIds.gather);
    this.addDialog(new QuestionnaireDialog(INTAKE, INTAKE_QUESTIONS, 'intake', deps));
    this.addDialog(new QuestionnaireDialog(EOB, EOB_QUESTIONS, 'eob', deps));
    this.addDialog(new BillLinesDialog(deps));
    this.addDialog(new FairPriceDialog(deps));
    this.addDialog(
      new WaterfallDialog(FLOW, [
        this.introStep, this.intakeStep, this.itemizedStep, this.eobStep, this.linesStep, this.pricesStep, this.resultStep,
      ].map((s) => s.bind(this))),
    );
    this.initialDialogId = FLOW;
  }

  private today(step: WaterfallStepContext): string {
    return userToday(localTimestampOf(step.context), this.deps.now());
  }

  private async introStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const entered = await enterStep(step.context, this.deps, 'gather', { intro: 'checkCard.intro', introAgain: 'checkCard.introAgain' });
    // The first time, how many questions there are (after that only what's missing is asked).
    if (entered.progress.gather === 'not_started') await step.context.sendActivity(this.deps.content.text('checkCard.questionCount', stepOneCounts()));
    return step.next();
  }

  private async intakeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.beginDialog(INTAKE);
  }

  private async itemizedStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { profiles, now } = this.deps;
    const profile = await profiles.get(step.context);
    const current = activeCase(profile);
    if (current?.documents.itemizedBill === 'missing') {
      const next = await sendItemizedBillRequest(step.context, this.deps, current, this.today(step));
      await profiles.save(step.context, updateCase(profile, current.id, () => next, now()));
    }
    return step.next();
  }

  private async eobStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.beginDialog(EOB);
  }

  private async linesStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.beginDialog('gather.lines');
  }

  private async pricesStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.beginDialog('gather.prices');
  }

  private async resultStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { content, profiles, now } = this.deps;
    const profile = await profiles.get(step.context);
    const current = activeCase(profile);
    if (!current) return step.endDialog();
    const today = this.today(step);
    const result = checkBill(current, today);
    const saved = { checkedAt: now().toISOString(), findings: result.findings.map((f) => ({ ...f })) };
    const checked = (await profiles.updateActive(step.context, (c) => withStepStatus({ ...c, billCheck: saved }, 'gather', 'done'), now())) ?? current;
    const json = billCheckCard(content, checked, result, today);
    await step.context.sendActivity({ attachments: [CardFactory.adaptiveCard(json)] });
    await step.context.sendActivity({
      text: content.text('checkCard.download.intro'),
      attachments: [textFileFromMarkdown(content.text('checkCard.download.name'), billCheckMarkdown(content, checked, result, today))],
    });
    await step.context.sendActivity(content.text('checkCard.done'));
    return step.endDialog();
  }
}
