import { ActionTypes, CardFactory } from 'botbuilder';
import { DialogTurnResult, FoundChoice, WaterfallStepContext } from 'botbuilder-dialogs';
import { escapeMarkdown } from '../../src/cards/markdown';
import { lumpSumSheet, planSheet } from '../../src/cards/offerSheets';
import { Sheet, sheetCard, sheetText } from '../../src/cards/sheet';
import { checkBill } from '../../src/domain/billCheck';
import { Case } from '../../src/domain/case';
import { formatCents } from '../../src/domain/money';
import { decideOffer } from '../../src/domain/offerDecision';
import { textFileFromMarkdown } from '../attachments';
import { choiceStyle } from '../choiceStyle';
import type { DialogDeps } from '../deps';
import { DialogIds } from '../ids';
import { StepDialog } from '../journey/stepDialog';
import { QuestionnaireDialog } from '../questionnaire/questionnaireDialog';
import { OFFER_QUESTIONS } from './offerQuestions';
import { WholeNumberChoicePrompt } from '../prompts/wholeNumberChoicePrompt';

const QUESTIONS = 'offer.questions';
const KEEP = 'offer.keep';

/** Step 3 of 5: what the user can afford → a lump-sum offer, an interest-free plan, or both, with the words. */
export class OfferDialog extends StepDialog {
  constructor(deps: DialogDeps) {
    super(DialogIds.offer, deps, 'offer', { intro: 'offer.intro', introAgain: 'offer.introAgain', done: 'offer.done' });
    this.addDialog(new QuestionnaireDialog(QUESTIONS, OFFER_QUESTIONS, 'offer', deps));
    this.addDialog(new WholeNumberChoicePrompt(KEEP));
    this.flow([this.startStep, this.keepStep, this.questionsStep, this.resultStep]);
  }

  /** Entering step 3 with figures already given: keep them, or answer again. */
  private async startStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { content } = this.deps;
    const current = await this.enter(step);
    const { cashAvailableCents: cash, monthlyBudgetCents: monthly } = current.offer;
    if (cash === undefined && monthly === undefined) return step.next();
    const notGiven = content.text('offer.keep.notGiven');
    const choices = (['keep', 'change'] as const).map((value) => {
      const title = content.text(`offer.keep.${value}`);
      return { value, action: { type: ActionTypes.ImBack, title, value: title } };
    });
    return step.prompt(KEEP, {
      prompt: content.text('offer.keep.ask', { cash: cash === undefined ? notGiven : formatCents(cash), monthly: monthly === undefined ? notGiven : formatCents(monthly) }),
      retryPrompt: content.text('offer.keep.retry'),
      choices,
      style: choiceStyle(step.context),
    });
  }

  private async keepStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if ((step.result as FoundChoice | undefined)?.value === 'change') {
      const cleared = (c: Case): Case => ({
        ...c,
        offer: { ...c.offer, cashAvailableCents: undefined, monthlyBudgetCents: undefined },
        skippedQuestions: c.skippedQuestions.filter((id) => id !== 'cash' && id !== 'monthly'),
      });
      await this.update(step, cleared);
    }
    return step.next();
  }

  private async questionsStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.beginDialog(QUESTIONS);
  }

  private async resultStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { content, now, data } = this.deps;
    const current = await this.activeCase(step);
    if (!current) return step.endDialog();
    const strategy = data.offerStrategy;
    const leverage = checkBill(current, this.today(step)).leverage;
    const decision = decideOffer(current, leverage, strategy);
    if (!decision) return step.endDialog();
    const { advice, lumpSum, plan, costs, input, owed } = decision;

    const owedVars = { bill: formatCents(owed.billCents), owed: formatCents(owed.owedCents), correction: formatCents(owed.correctionCents ?? 0) };
    if (owed.basis === 'eob' || owed.basis === 'goodFaithEstimate') await step.context.sendActivity(content.text(`offer.owed.${owed.basis}`, owedVars));
    if (advice.applyForAssistanceFirst) await step.context.sendActivity(content.text('offer.recommend.assistanceFirst'));
    if (decision.hardshipDiscountFirst) await step.context.sendActivity(content.text('offer.recommend.hardshipDiscountFirst'));
    await step.context.sendActivity(content.text(`offer.recommend.${decision.adviceKey}`));
    const sheets: Sheet[] = [];
    if (lumpSum) sheets.push(lumpSumSheet(content, current, lumpSum, input, escapeMarkdown, owed));
    if (plan && costs) sheets.push(planSheet(content, current, plan, costs, strategy, decision.monthlyBudgetCents, escapeMarkdown, owed));
    for (const sheet of sheets) await step.context.sendActivity({ attachments: [CardFactory.adaptiveCard(sheetCard(sheet))] });
    if (sheets.length) {
      await step.context.sendActivity({ text: content.text('offer.file.intro'), attachments: [textFileFromMarkdown(content.text('offer.file.name'), sheets.map(sheetText).join('\n'))] });
    }
    const saved = {
      ...current.offer, recommendation: advice.recommendation, applyForAssistanceFirst: advice.applyForAssistanceFirst, decidedAt: now().toISOString(),
      lumpSum: lumpSum && { referenceCents: lumpSum.referenceCents, openingCents: lumpSum.openingCents, targetCents: lumpSum.targetCents, ceilingCents: lumpSum.ceilingCents },
      plan: plan && { months: plan.months, monthlyCents: plan.monthlyCents, lastPaymentCents: plan.lastPaymentCents, totalCents: plan.totalCents, overBudget: plan.overBudget, stretched: plan.stretched },
    };
    await this.markDone(step, (c) => ({ ...c, offer: saved }));
    return this.finish(step);
  }
}
