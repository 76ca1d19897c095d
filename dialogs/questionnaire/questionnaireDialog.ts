import { ActionTypes } from 'botbuilder';
import { ComponentDialog, DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { Case } from '../../src/domain/case';
import { userToday } from '../../src/domain/calendar';
import { activeCase, updateCase } from '../../src/domain/profile';
import { choiceStyle } from '../choiceStyle';
import type { DialogDeps } from '../deps';
import { localTimestampOf } from '../prompts/localDateTimePrompt';
import { isBackPhrase } from '../prompts/skipPhrase';
import { normalizeUtterance } from '../commands';
import { AnswerValidations, answerPrompts, withSkipButton } from './answerPrompts';
import type { ChoiceWords } from '../prompts/wholeNumberChoicePrompt';
import { Question, skip, unskip } from './question';
import { readAnswer } from './readAnswer';
import { recheckAnswers } from './recheck';
import { describeAnswer, sayBack } from './sayBack';

/** What a flow may pass when it begins a questionnaire. */
export interface QuestionnaireOptions {
  /** Change this one answer ("my case" → "Change an answer"): ask it, then only what the change makes pending. */
  change?: string;
  /**
   * Go on from an earlier part of the same questionnaire (the intake split around the hospital look-up): how many
   * questions were asked and which, so the progress line counts on and "back" still reaches them.
   */
  asked?: number;
  history?: string[];
}

/** The loop's own state, carried from one question to the next. */
interface LoopState {
  asked: number;
  /** Questions answered in this run, latest last: "back" re-asks the last one. */
  history: string[];
  /** Ask this question next even though it is answered (back, change, or the other side of a conflict). */
  force?: string;
  /** After the forced question, ask this one again (the answer that conflicted with it). */
  resume?: string;
  /** Short messages that lead into the next question: what was understood, a note, a re-check. */
  lead: string[];
  /** A change-only run does not ask what was already pending before the change. */
  ignore: string[];
  /** The re-ask after a conflict offers to change this other answer instead. */
  offerChange?: string;
}

/** What the loop keeps between asking a question and saving its answer (the rest is in its options). */
interface LoopValues {
  questionId?: string;
  forced?: boolean;
  /** A change-only run's questions not to ask, worked out when it began. */
  ignore?: string[];
}

/** Prompt ids of every questionnaire: "change my answer" inside one means "back", not the global command. */
const questionnairePromptIds = new Set<string>();
export const isQuestionnairePrompt = (dialogId: string | undefined): boolean => dialogId !== undefined && questionnairePromptIds.has(dialogId);

/**
 * Asks, one at a time, the questions that apply to the active case and are not answered yet, saving
 * each answer to the case as soon as it is given (so a restart loses nothing). What it inferred from
 * words is said back; "back" re-asks the previous question with its answer shown; a changed answer
 * re-checks the answers that depend on it. Texts come from content under `prefix`: `progress`,
 * `<id>.ask`, `<id>.retry`, `<id>.choices.<value>`, `<id>.change`, `<id>.sayBack`, `problems.<key>`.
 */
export class QuestionnaireDialog extends ComponentDialog {
  private readonly loopId: string;
  private readonly promptId: (kind: Question['kind']) => string;

  constructor(id: string, private readonly questions: readonly Question[], private readonly prefix: string, private readonly deps: DialogDeps) {
    super(id);
    this.loopId = `${id}.loop`;
    const prompts = answerPrompts(id, deps.content, deps.now, (questionId) => this.words(questionId));
    this.promptId = prompts.id;
    prompts.dialogs.forEach((d) => {
      this.addDialog(d);
      questionnairePromptIds.add(d.id);
    });
    this.addDialog(new WaterfallDialog(this.loopId, [this.askStep.bind(this), this.saveStep.bind(this)]));
    this.initialDialogId = this.loopId;
  }

  /**
   * What the prompt reads answers with, beside the buttons (ChoiceWords), built once per question (content does not
   * change while the bot runs):
   * - whole answers that mean one value (`<prefix>.<id>.phrases.<value>` in content, `n<number>` for counts): "i don't
   *   have insurance" for no insurance, "just me" for a household of 1, matched as the whole message, normalized;
   * - words people use for a choice ("through my job" for an employer plan), `<prefix>.<id>.synonyms.<value>`.
   */
  private words(questionId: string): ChoiceWords | undefined {
    const known = this.wordTables.get(questionId);
    if (known) return known;
    const question = this.questions.find((q) => q.id === questionId);
    if (!question) return undefined;
    const { content } = this.deps;
    const phrases: Record<string, string> = {};
    // A choice's phrases are under its value; a count's under n<number> ("n1": one person).
    const values = question.kind === 'choice' ? (question.choices ?? []) : question.kind === 'count' ? Array.from({ length: (question.range?.[1] ?? 20) + 1 }, (_, i) => String(i)) : [];
    for (const value of values) {
      const key = `${this.prefix}.${question.id}.phrases.${question.kind === 'count' ? `n${value}` : value}`;
      if (content.has(key)) for (const phrase of content.list(key)) phrases[normalizeUtterance(phrase)] = value;
    }
    const synonyms: Record<string, readonly string[]> = {};
    for (const value of question.kind === 'choice' ? (question.choices ?? []) : []) {
      const key = `${this.prefix}.${question.id}.synonyms.${value}`;
      if (content.has(key)) synonyms[value] = content.list(key);
    }
    const words: ChoiceWords = { phrases, synonyms };
    this.wordTables.set(questionId, words);
    return words;
  }

  private readonly wordTables = new Map<string, ChoiceWords>();

  private pending(c: Case, ignore: readonly string[] = []): Question[] {
    return this.questions.filter((q) => q.applies(c) && !q.answered(c) && !ignore.includes(q.id));
  }

  private state(step: WaterfallStepContext): LoopState {
    const o = (step.options ?? {}) as Partial<LoopState> & QuestionnaireOptions;
    return { asked: o.asked ?? 0, history: o.history ?? [], force: o.force ?? o.change, resume: o.resume, lead: o.lead ?? [], ignore: o.ignore ?? [], offerChange: o.offerChange };
  }

  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { content, profiles } = this.deps;
    const o = this.state(step);
    const current = activeCase(await profiles.get(step.context));
    const change = (step.options as QuestionnaireOptions | undefined)?.change;
    const ignoreWorkedOut = Boolean(current && change && !('history' in (step.options ?? {})));
    if (current && ignoreWorkedOut) o.ignore = this.pending(current).map((q) => q.id).filter((id) => id !== change);
    const forced = o.force ? this.questions.find((q) => q.id === o.force && current !== undefined && q.applies(current)) : undefined;
    const question = forced ?? (current ? this.pending(current, o.ignore)[0] : undefined);
    if (!current || !question) {
      if (o.lead.length) await step.context.sendActivity(o.lead.join('\n\n'));
      return step.endDialog({ changed: o.history });
    }
    // What saveStep needs beside the options (which it reads again): the question, and "ignore" when worked out here.
    const saved: LoopValues = { questionId: question.id, forced: Boolean(forced), ...(ignoreWorkedOut ? { ignore: o.ignore } : {}) };
    Object.assign(step.values, saved);
    // Count what may still come too, so "question 3 of 11" never grows as answers reveal more questions.
    const upcoming = this.questions.filter((q) => (q.mayApply ?? q.applies)(current) && !q.answered(current) && !o.ignore.includes(q.id)).length;
    const progress = content.text(`${this.prefix}.progress`, { number: o.asked + 1, total: o.asked + Math.max(upcoming, 1) });
    const was = forced ? question.current(current) : undefined;
    const changing = forced ? content.text(was === undefined ? 'answers.changingSkipped' : 'answers.changing', { value: was === undefined ? '' : describeAnswer(content, this.prefix, question, was) }) : undefined;
    // What was understood (or why an answer is asked again) goes first, in a message of its own.
    if (o.lead.length) await step.context.sendActivity(o.lead.join('\n\n'));
    const ask = [forced ? changing : progress, content.text(`${this.prefix}.${question.id}.ask`, question.askVars?.(current) ?? {})].join('\n\n');
    const retry = content.text(`${this.prefix}.${question.id}.retry`);
    // "What's that?" buttons: pressing one asks the FAQ question, answered by the interruption, then this again.
    const explain = (question.terms ?? []).flatMap((t) => this.deps.faq.forTerm(t)?.question ?? []);
    const back = [
      ...(o.offerChange ? [content.text(`${this.prefix}.${o.offerChange}.change`)] : []),
      ...(forced || o.history.length > 0 ? [content.text('answers.back')] : []),
    ];
    const neededKey = `${this.prefix}.${question.id}.needed`;
    const validations: AnswerValidations = {
      skippable: question.skippable, kind: question.kind, maxLength: question.maxLength, range: question.range, amountRole: question.amountRole, back, question: question.id,
      ...(question.skippable || !content.has(neededKey) ? {} : { needed: content.text(neededKey) }),
    };
    if (question.kind === 'choice') {
      // The synonyms of each choice are not kept here: the prompt looks them up by the question (words()).
      const button = (value: string, title: string) => ({ value, action: { type: ActionTypes.ImBack, title, value: title } });
      return step.prompt(this.promptId('choice'), {
        prompt: ask,
        retryPrompt: retry,
        choices: [
          ...(question.choices ?? []).map((value) => button(value, content.text(`${this.prefix}.${question.id}.choices.${value}`))),
          ...explain.map((title, i) => button(`explain${i}`, title)),
          ...back.map((title, i) => button(`back${i}`, title)),
        ],
        style: choiceStyle(step.context),
        validations,
      });
    }
    return step.prompt(this.promptId(question.kind), {
      prompt: withSkipButton(ask, question.skippable, content, explain, back),
      retryPrompt: withSkipButton(retry, question.skippable, content, explain, back),
      validations,
    });
  }

  private async saveStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { content, profiles, now } = this.deps;
    const { questionId, forced, ignore } = step.values as LoopValues;
    const o: LoopState = { ...this.state(step), lead: [], offerChange: undefined, ...(ignore ? { ignore } : {}) };
    const question = this.questions.find((q) => q.id === questionId);
    const profile = await profiles.get(step.context);
    const current = activeCase(profile);
    if (!question || !current) return step.endDialog({ changed: o.history });
    const said = step.context.activity.text ?? '';
    const again = (change: Partial<LoopState>) => step.replaceDialog(this.loopId, { ...o, ...change });

    if (question.conflictsWith && normalizeUtterance(said) === normalizeUtterance(content.text(`${this.prefix}.${question.conflictsWith}.change`))) {
      return again({ force: question.conflictsWith, resume: forced ? question.id : o.resume });
    }
    if (isBackPhrase(said, content)) {
      // While changing an answer, "back" keeps it as it was; otherwise it re-asks the previous question.
      if (forced) return again({ force: o.resume, resume: undefined, lead: [content.text('answers.kept')] });
      const previous = o.history.at(-1);
      if (!previous) return again({ lead: [content.text('answers.firstQuestion')] });
      return again({ history: o.history.slice(0, -1), asked: Math.max(0, o.asked - 1), force: previous });
    }
    const today = userToday(localTimestampOf(step.context), now());
    const result: unknown = step.result;
    // A "what's that?" button the interruption did not answer (it always should): ask the same question again.
    const picked = question.kind === 'choice' && result && typeof result === 'object' && 'value' in result ? String(result.value) : undefined;
    if (picked !== undefined && !(question.choices ?? []).includes(picked)) return again({ force: forced ? question.id : undefined });
    const answer = readAnswer({ question, prefix: this.prefix, result, said, today, content });

    let updated: Case;
    if (answer === undefined) updated = skip(question.clear(current), question.id);
    else {
      const problem = question.problem?.(current, answer.value);
      if (problem) {
        const lead = content.text(`${this.prefix}.problems.${problem}`, question.problemVars?.(current) ?? {});
        return again({ lead: [lead], force: forced ? question.id : undefined, offerChange: question.conflictsWith });
      }
      const saved = answer.amount && question.saveAmount ? question.saveAmount(current, answer.amount) : question.save(current, answer.value);
      updated = unskip(saved, question.id);
    }
    await profiles.save(step.context, updateCase(profile, current.id, () => updated, now()));

    // An earlier answer this one contradicts is asked again, with its value shown and kept until changed.
    const recheck = recheckAnswers(this.questions, question.id, updated, (key, c, q) => content.text(`${this.prefix}.problems.${key}`, q.problemVars?.(c) ?? {}));
    const note = question.note?.(updated);
    const lead = [
      ...(answer ? [sayBack(content, this.prefix, question, answer)] : []),
      ...(note ? [content.text(`${this.prefix}.${note.key}`, note.vars)] : []),
      ...(recheck ? [recheck.note] : []),
    ].filter((t): t is string => Boolean(t));
    const resume = o.resume !== question.id ? o.resume : undefined;
    return again({ asked: o.asked + 1, history: [...o.history, question.id], lead, force: recheck?.questionId ?? resume, resume: recheck ? resume : undefined });
  }
}
