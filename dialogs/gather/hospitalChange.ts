import { ComponentDialog, DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { activeCase } from '../../src/domain/profile';
import type { DialogDeps } from '../deps';
import { type Question, wasSkipped } from '../questionnaire/question';
import { QuestionnaireDialog, QuestionnaireOptions } from '../questionnaire/questionnaireDialog';
import { HOSPITAL_DIALOG, HospitalPickDialog, type HospitalPickOptions } from './hospitalDialog';

export const HOSPITAL_CHANGE = 'cases.change.provider';
const FLOW = `${HOSPITAL_CHANGE}.flow`;
const ANSWER = `${HOSPITAL_CHANGE}.answer`;
const NONPROFIT = `${HOSPITAL_CHANGE}.nonprofit`;

/** The answers "change an answer" changes this way: who billed and what kind of provider. */
export const PROVIDER_ANSWERS: readonly string[] = ['providerName', 'providerKind'];

interface Values {
  changed: string[];
}

const changedOf = (result: unknown): string[] => (result as { changed?: string[] } | undefined)?.changed ?? [];

/**
 * "Change an answer" for who billed or the kind of provider (issue 23): the new answer, then the hospital looked up
 * in CMS's list for it (a pick answers the nonprofit question), then the nonprofit question only when still open.
 * Ends with what changed, as the questionnaire does.
 */
export class HospitalChangeDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps, questions: readonly Question[], prefix: string) {
    super(HOSPITAL_CHANGE);
    // Only the provider's answers here: what the change leaves open (the nonprofit question) comes after the look-up.
    const only = (ids: readonly string[]) => questions.map((q) => (ids.includes(q.id) ? q : { ...q, applies: () => false }));
    this.addDialog(new QuestionnaireDialog(ANSWER, only(PROVIDER_ANSWERS), prefix, deps));
    this.addDialog(new QuestionnaireDialog(NONPROFIT, only(['nonprofit']), prefix, deps));
    this.addDialog(new HospitalPickDialog(deps));
    this.addDialog(new WaterfallDialog(FLOW, [this.answerStep, this.pickStep, this.nonprofitStep, this.doneStep].map((s) => s.bind(this))));
    this.initialDialogId = FLOW;
  }

  private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.beginDialog(ANSWER, step.options as QuestionnaireOptions);
  }

  private async pickStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    (step.values as Values).changed = changedOf(step.result);
    // A new name or kind cleared the old match: look the hospital up for the new one (even with a nonprofit answer she gave).
    const current = activeCase(await this.deps.profiles.get(step.context));
    if (!current || current.hospital !== undefined) return step.next();
    return step.beginDialog(HOSPITAL_DIALOG, { change: true } satisfies HospitalPickOptions);
  }

  private async nonprofitStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as Values;
    values.changed = [...values.changed, ...changedOf(step.result)];
    const current = activeCase(await this.deps.profiles.get(step.context));
    // Still open after the look-up (none of these, not in the list, or CMS does not say who owns it): asked now.
    const open = current !== undefined && current.provider.kind === 'hospital' && current.provider.nonprofit === undefined && !wasSkipped(current, 'nonprofit');
    if (!open) return step.next();
    return step.beginDialog(NONPROFIT, { change: 'nonprofit' } satisfies QuestionnaireOptions);
  }

  private async doneStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as Values;
    return step.endDialog({ changed: [...new Set([...values.changed, ...changedOf(step.result)])] });
  }
}
