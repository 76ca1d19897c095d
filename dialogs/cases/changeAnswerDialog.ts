import { ActionTypes } from 'botbuilder';
import { Choice, ComponentDialog, DialogTurnResult, FoundChoice, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { markStale, staleSteps } from '../../src/domain/answerChanges';
import { HOSPITAL_PICK } from '../../src/domain/hospitalCase';
import { activeCase } from '../../src/domain/profile';
import { choiceStyle } from '../choiceStyle';
import type { DialogDeps } from '../deps';
import { DialogIds } from '../ids';
import { HOSPITAL_CHANGE, HospitalChangeDialog, PROVIDER_ANSWERS } from '../gather/hospitalChange';
import { HOSPITAL_DIALOG, HospitalPickDialog, type HospitalPickOptions } from '../gather/hospitalDialog';
import { WholeNumberChoicePrompt } from '../prompts/wholeNumberChoicePrompt';
import { QuestionnaireDialog } from '../questionnaire/questionnaireDialog';
import { describeAnswer } from '../questionnaire/sayBack';
import { ANSWER_PART_QUESTIONS, PartQuestions, changeableQuestions } from './answerParts';

const WATERFALL = 'cases.change.steps';
const PART_PROMPT = 'cases.change.part';
const ANSWER_PROMPT = 'cases.change.answer';
const NEVER_MIND = 'neverMind';
const questionnaireId = (p: PartQuestions) => `cases.change.${p.part}`;

interface Values {
  part?: PartQuestions['part'];
}

/**
 * "Change an answer" (from "my case" or typed anywhere): pick the part and the answer, give the new one
 * (the same question, with the old answer shown and re-checked against the others), then the steps
 * whose results used the old answer are marked to be redone, and the user is told which.
 */
export class ChangeAnswerDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(DialogIds.casesChange);
    this.addDialog(new WholeNumberChoicePrompt(PART_PROMPT));
    this.addDialog(new WholeNumberChoicePrompt(ANSWER_PROMPT));
    for (const part of ANSWER_PART_QUESTIONS) this.addDialog(new QuestionnaireDialog(questionnaireId(part), part.questions, part.prefix, deps));
    this.addDialog(new HospitalPickDialog(deps));
    const bill = ANSWER_PART_QUESTIONS.find((p) => p.part === 'bill');
    if (bill) this.addDialog(new HospitalChangeDialog(deps, bill.questions, bill.prefix));
    this.addDialog(new WaterfallDialog(WATERFALL, [this.partStep, this.answerStep, this.changeStep, this.doneStep].map((s) => s.bind(this))));
    this.initialDialogId = WATERFALL;
  }

  private neverMind(): Choice {
    const title = this.deps.content.text('change.neverMind');
    return { value: NEVER_MIND, action: { type: ActionTypes.ImBack, title, value: title } };
  }

  private async partStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { content, profiles } = this.deps;
    const current = activeCase(await profiles.get(step.context));
    const parts = current ? ANSWER_PART_QUESTIONS.filter((p) => changeableQuestions(p, current).length > 0) : [];
    if (parts.length === 0) {
      await step.context.sendActivity(content.text('change.nothing'));
      return step.endDialog();
    }
    if (parts.length === 1) return step.next({ value: parts[0]?.part });
    const choices: Choice[] = parts.map((p) => {
      const title = content.text(`change.parts.${p.part}`);
      return { value: p.part, action: { type: ActionTypes.ImBack, title, value: title } };
    });
    return step.prompt(PART_PROMPT, {
      prompt: content.text('change.whichPart'),
      retryPrompt: content.text('change.whichPartRetry'),
      choices: [...choices, this.neverMind()],
      style: choiceStyle(step.context),
    });
  }

  private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { content, profiles } = this.deps;
    const picked = (step.result as FoundChoice | undefined)?.value;
    const part = ANSWER_PART_QUESTIONS.find((p) => p.part === picked);
    const current = activeCase(await profiles.get(step.context));
    if (!part || !current) return this.leave(step);
    (step.values as Values).part = part.part;
    const questions = changeableQuestions(part, current);
    const lines = questions.map((q, i) => {
      const value = q.current(current);
      const shown = value === undefined ? content.text('change.skipped') : describeAnswer(content, part.prefix, q, value);
      return content.text('change.line', { number: i + 1, label: content.text(`${part.prefix}.${q.id}.label`), value: shown });
    });
    const choices: Choice[] = questions.map((q) => {
      const title = content.text(`${part.prefix}.${q.id}.label`);
      return { value: q.id, action: { type: ActionTypes.ImBack, title, value: title } };
    });
    return step.prompt(ANSWER_PROMPT, {
      prompt: `${content.text('change.whichAnswer', { part: content.text(`change.parts.${part.part}`) })}\n\n${lines.join('  \n')}`,
      retryPrompt: content.text('change.whichAnswerRetry'),
      choices: [...choices, this.neverMind()],
      style: choiceStyle(step.context),
    });
  }

  private async changeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const picked = (step.result as FoundChoice | undefined)?.value;
    const part = ANSWER_PART_QUESTIONS.find((p) => p.part === (step.values as Values).part);
    if (!part || !picked || picked === NEVER_MIND) return this.leave(step);
    // The hospital from CMS's list: looked up again, with "None of these" to clear it (issue 23).
    if (picked === HOSPITAL_PICK) return step.beginDialog(HOSPITAL_DIALOG, { change: true } satisfies HospitalPickOptions);
    // Who billed, or the kind: the new answer, then the hospital looked up for it, then the nonprofit question if still open.
    if (part.part === 'bill' && PROVIDER_ANSWERS.includes(picked)) return step.beginDialog(HOSPITAL_CHANGE, { change: picked });
    return step.beginDialog(questionnaireId(part), { change: picked });
  }

  private async doneStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { content, profiles, now } = this.deps;
    const changed = (step.result as { changed?: string[] } | undefined)?.changed ?? [];
    const part = (step.values as Values).part;
    if (changed.length === 0 || !part) return step.endDialog();
    let stale: string[] = [];
    await profiles.updateActive(step.context, (c) => {
      const steps = staleSteps(part, c);
      stale = steps.map((s) => content.text(`change.steps.${s}`));
      return markStale(c, steps);
    }, now());
    await step.context.sendActivity(stale.length ? content.text('change.savedRedo', { steps: stale.join(content.text('answers.and')) }) : content.text('change.saved'));
    return step.endDialog();
  }

  private async leave(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await step.context.sendActivity(this.deps.content.text('change.unchanged'));
    return step.endDialog();
  }
}
