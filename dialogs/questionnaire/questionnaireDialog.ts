import { ActionTypes } from 'botbuilder';
import { ComponentDialog, DialogTurnResult, FoundChoice, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { Case } from '../../src/domain/case';
import { pickDate, userToday } from '../../src/domain/calendar';
import { centsFromRecognized } from '../../src/domain/money';
import { activeCase, updateCase } from '../../src/domain/profile';
import { parseUsState } from '../../src/domain/usStates';
import { choiceStyle } from '../choiceStyle';
import type { DialogDeps } from '../deps';
import { localTimestampOf } from '../prompts/localDateTimePrompt';
import { isSkipPhrase } from '../prompts/skipPhrase';
import { AnswerValidations, answerPrompts, withSkipButton } from './answerPrompts';
import { AnswerValue, Question, skip } from './question';

interface LoopOptions {
  asked: number;
}

/**
 * Asks, one at a time, the questions that apply to the active case and are not answered yet, saving
 * each answer to the case as soon as it is given (so a restart loses nothing). Texts come from
 * content under `prefix`: `progress`, `<id>.ask`, `<id>.retry`, `<id>.choices.<value>`, `problems.<key>`.
 */
export class QuestionnaireDialog extends ComponentDialog {
  private readonly loopId: string;
  private readonly promptId: (kind: Question['kind']) => string;

  constructor(id: string, private readonly questions: readonly Question[], private readonly prefix: string, private readonly deps: DialogDeps) {
    super(id);
    this.loopId = `${id}.loop`;
    const prompts = answerPrompts(id, deps.content, deps.now);
    this.promptId = prompts.id;
    prompts.dialogs.forEach((d) => this.addDialog(d));
    this.addDialog(new WaterfallDialog(this.loopId, [this.askStep.bind(this), this.saveStep.bind(this)]));
    this.initialDialogId = this.loopId;
  }

  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { content, profiles } = this.deps;
    const asked = (step.options as Partial<LoopOptions>).asked ?? 0;
    const current = activeCase(await profiles.get(step.context));
    const pending = current ? this.questions.filter((q) => q.applies(current) && !q.answered(current)) : [];
    const question = pending[0];
    if (!question) return step.endDialog();
    (step.values as { questionId?: string }).questionId = question.id;
    // Count what may still come too, so "question 3 of 11" never grows as answers reveal more questions.
    const upcoming = current ? this.questions.filter((q) => (q.mayApply ?? q.applies)(current) && !q.answered(current)).length : 0;
    const progress = content.text(`${this.prefix}.progress`, { number: asked + 1, total: asked + Math.max(upcoming, pending.length) });
    const ask = `${progress}\n\n${content.text(`${this.prefix}.${question.id}.ask`)}`;
    const retry = content.text(`${this.prefix}.${question.id}.retry`);
    // "What's that?" buttons: pressing one asks the FAQ question, answered by the interruption, then this again.
    const explain = (question.terms ?? []).flatMap((t) => this.deps.faq.forTerm(t)?.question ?? []);
    const validations: AnswerValidations = { skippable: question.skippable, kind: question.kind, maxLength: question.maxLength, range: question.range };
    if (question.kind === 'choice') {
      return step.prompt(this.promptId('choice'), {
        prompt: ask,
        retryPrompt: retry,
        choices: [
          ...(question.choices ?? []).map((value) => {
            const title = content.text(`${this.prefix}.${question.id}.choices.${value}`);
            return { value, action: { type: ActionTypes.ImBack, title, value: title } };
          }),
          ...explain.map((title, i) => ({ value: `explain${i}`, action: { type: ActionTypes.ImBack, title, value: title } })),
        ],
        style: choiceStyle(step.context),
        validations,
      });
    }
    return step.prompt(this.promptId(question.kind), {
      prompt: withSkipButton(ask, question.skippable, content, explain),
      retryPrompt: withSkipButton(retry, question.skippable, content, explain),
      validations,
    });
  }

  private async saveStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { content, profiles, now } = this.deps;
    const asked = (step.options as Partial<LoopOptions>).asked ?? 0;
    const question = this.questions.find((q) => q.id === (step.values as { questionId?: string }).questionId);
    const profile = await profiles.get(step.context);
    const current = activeCase(profile);
    if (!question || !current) return step.endDialog();
    const value = this.read(question, step);
    // A "what's that?" button the interruption did not answer (it always should): ask the same question again.
    if (question.kind === 'choice' && typeof value === 'string' && !(question.choices ?? []).includes(value)) return step.replaceDialog(this.loopId, { asked });
    let next: (c: Case) => Case;
    if (value === undefined) next = (c) => skip(c, question.id);
    else {
      const problem = question.problem?.(current, value);
      if (problem) {
        await step.context.sendActivity(content.text(`${this.prefix}.problems.${problem}`, question.problemVars?.(current) ?? {}));
        return step.replaceDialog(this.loopId, { asked });
      }
      next = (c) => question.save(c, value);
    }
    await profiles.save(step.context, updateCase(profile, current.id, next, now()));
    return step.replaceDialog(this.loopId, { asked: asked + 1 });
  }

  /** The prompt's result as a stored value, or undefined when the user skipped. */
  private read(question: Question, step: WaterfallStepContext): AnswerValue | undefined {
    const result: unknown = step.result;
    if (result === undefined || (typeof result === 'string' && isSkipPhrase(result, this.deps.content))) return undefined;
    switch (question.kind) {
      case 'money':
        return centsFromRecognized(result);
      case 'pastDate':
      case 'anyDate': {
        const today = userToday(localTimestampOf(step.context), this.deps.now());
        const picked = pickDate(result as { type: string; value?: string }[], today, question.kind === 'pastDate' ? 'past' : 'any');
        return 'date' in picked ? picked.date : undefined;
      }
      case 'count':
        return typeof result === 'number' ? result : undefined;
      case 'choice':
        return (result as FoundChoice).value;
      case 'state':
        return parseUsState(String(result));
      case 'text':
        return String(result).trim();
    }
  }
}
