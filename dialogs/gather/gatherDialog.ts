import { CardFactory } from 'botbuilder';
import { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { billCheckCard } from '../../src/cards/billCheckCard';
import { billCheckMarkdown } from '../../src/cards/billCheckMarkdown';
import { checkBill } from '../../src/domain/billCheck';
import { Case, emptyProfile } from '../../src/domain/case';
import { activeCase, addCase, updateCase } from '../../src/domain/profile';
import { textFileFromMarkdown } from '../attachments';
import type { DialogDeps } from '../deps';
import { DialogIds } from '../ids';
import { StepDialog } from '../journey/stepDialog';
import { BillLinesDialog } from './billLinesDialog';
import { EOB_QUESTIONS } from './eobQuestions';
import { FairPriceDialog } from './fairPriceDialog';
import { HOSPITAL_INTAKE, HospitalIntakeDialog } from './hospitalIntake';
import { INTAKE_QUESTIONS } from './intakeQuestions';
import { sendItemizedBillRequest } from './itemizedBillRequest';
import { Question } from '../questionnaire/question';
import { QuestionnaireDialog } from '../questionnaire/questionnaireDialog';

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
export class GatherDialog extends StepDialog {
  constructor(deps: DialogDeps) {
    super(DialogIds.gather, deps, 'gather', { intro: 'checkCard.intro', introAgain: 'checkCard.introAgain', done: 'checkCard.done' });
    // A stack saved inside the intake before issue 23 goes on in it; new runs take the intake with CMS's hospital list.
    this.addDialog(new QuestionnaireDialog(INTAKE, INTAKE_QUESTIONS, 'intake', deps));
    this.addDialog(new HospitalIntakeDialog(deps));
    this.addDialog(new QuestionnaireDialog(EOB, EOB_QUESTIONS, 'eob', deps));
    this.addDialog(new BillLinesDialog(deps));
    this.addDialog(new FairPriceDialog(deps));
    this.flow([this.startStep, this.intakeStep, this.itemizedStep, this.eobStep, this.linesStep, this.pricesStep, this.resultStep]);
  }

  private async startStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const entered = await this.enter(step);
    // The first time, how many questions there are (after that only what's missing is asked).
    if (entered.progress.gather === 'not_started') await step.context.sendActivity(this.deps.content.text('checkCard.questionCount', stepOneCounts()));
    return step.next();
  }

  private async intakeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.beginDialog(HOSPITAL_INTAKE);
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
    const { content, now } = this.deps;
    const current = await this.activeCase(step);
    if (!current) return step.endDialog();
    const today = this.today(step);
    const result = checkBill(current, today);
    const saved = { checkedAt: now().toISOString(), findings: result.findings.map((f) => ({ ...f })) };
    const checked = (await this.markDone(step, (c) => ({ ...c, billCheck: saved }))) ?? current;
    const json = billCheckCard(content, checked, result, today);
    await step.context.sendActivity({ attachments: [CardFactory.adaptiveCard(json)] });
    await step.context.sendActivity({
      text: content.text('checkCard.download.intro'),
      attachments: [textFileFromMarkdown(content.text('checkCard.download.name'), billCheckMarkdown(content, checked, result, today))],
    });
    return this.finish(step);
  }
}
