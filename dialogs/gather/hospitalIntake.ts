import { ComponentDialog, DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { escapeMarkdown } from '../../src/cards/markdown';
import { needsHospitalPick } from '../../src/domain/hospitalCase';
import { activeCase } from '../../src/domain/profile';
import type { DialogDeps } from '../deps';
import { Question, wasSkipped } from '../questionnaire/question';
import { QuestionnaireDialog, QuestionnaireOptions } from '../questionnaire/questionnaireDialog';
import { HOSPITAL_DIALOG, HospitalPickDialog } from './hospitalDialog';
import { INTAKE_QUESTIONS } from './intakeQuestions';

export const HOSPITAL_INTAKE = 'gather.intakeHospital';
const FLOW = `${HOSPITAL_INTAKE}.flow`;
const PROVIDER = `${HOSPITAL_INTAKE}.provider`;
const STATE = `${HOSPITAL_INTAKE}.state`;
const REST = `${HOSPITAL_INTAKE}.rest`;

/**
 * The intake's questions with only `ids` asked now; the others still count in the progress line ("question 2 of
 * 12" goes on to "question 3 of 12" in the next part), so splitting the intake changes nothing she sees.
 */
const only = (ids: readonly string[]): Question[] =>
  INTAKE_QUESTIONS.map((q) => (ids.includes(q.id) ? q : { ...q, applies: () => false, mayApply: q.mayApply ?? q.applies }));

/**
 * Where the questionnaire goes on from: how many were asked and which (so "back" still reaches them). The
 * questionnaire reads these from its options (its loop state); QuestionnaireOptions does not declare them yet.
 */
type GoOn = QuestionnaireOptions & Required<Pick<QuestionnaireOptions, 'asked' | 'history'>>;

interface Values {
  asked: number;
  history: string[];
}

/**
 * Step 1's intake with CMS's hospital list in it (issue 23): who billed and what kind of provider; for a
 * hospital, the state right then when it is not known yet; the hospital picked from the list (its ownership
 * answers the nonprofit question); then the rest of the intake, which skips what is answered.
 */
export class HospitalIntakeDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(HOSPITAL_INTAKE);
    this.addDialog(new QuestionnaireDialog(PROVIDER, only(['providerName', 'providerKind']), 'intake', deps));
    this.addDialog(new QuestionnaireDialog(STATE, only(['state']), 'intake', deps));
    this.addDialog(new QuestionnaireDialog(REST, INTAKE_QUESTIONS, 'intake', deps));
    this.addDialog(new HospitalPickDialog(deps));
    this.addDialog(new WaterfallDialog(FLOW, [this.providerStep, this.stateStep, this.pickStep, this.restStep].map((s) => s.bind(this))));
    this.initialDialogId = FLOW;
  }

  /** Adds what the part just ended asked to what was asked before it. */
  private count(step: WaterfallStepContext): GoOn {
    const values = step.values as Partial<Values>;
    const changed = (step.result as { changed?: string[] } | undefined)?.changed ?? [];
    const before = values.history ?? [];
    // A part begun with the history returns it with its own answers after it.
    const history = before.every((id, i) => changed[i] === id) ? changed : [...before, ...changed];
    Object.assign(step.values, { asked: history.length, history } satisfies Values);
    return { asked: history.length, history };
  }

  private async providerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.beginDialog(PROVIDER);
  }

  private async stateStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const goOn = this.count(step);
    const current = activeCase(await this.deps.profiles.get(step.context));
    const needsState = this.deps.hospitals !== undefined && current !== undefined && needsHospitalPick(current) && current.state === undefined && !wasSkipped(current, 'state');
    if (!current || !needsState) return step.next();
    await step.context.sendActivity(this.deps.content.text('intake.hospital.needState', { name: escapeMarkdown(current.provider.name ?? '') }));
    return step.beginDialog(STATE, goOn);
  }

  private async pickStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    this.count(step);
    return step.beginDialog(HOSPITAL_DIALOG);
  }

  private async restStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { asked, history } = step.values as Values;
    return step.beginDialog(REST, { asked, history } satisfies GoOn);
  }
}
