import { MessageFactory, Activity } from 'botbuilder';
import { DateTimePrompt, Dialog, PromptOptions, PromptValidatorContext, TextPrompt } from 'botbuilder-dialogs';
import { ReadNumberPrompt } from '../prompts/readNumberPrompt';
import type { ContentStore } from '../../src/content/contentStore';
import { pickDate, userToday } from '../../src/domain/calendar';
import { AmountRole, readAmount, readCount } from '../../src/domain/numberReading';
import { parseUsState } from '../../src/domain/usStates';
import { LocalDateTimePrompt, localTimestampOf } from '../prompts/localDateTimePrompt';
import { isBackPhrase, isSkipPhrase } from '../prompts/skipPhrase';
import { normalizeUtterance } from '../commands';
import type { AnswerKind } from './question';
import { ChoiceWords, WholeNumberChoicePrompt } from '../prompts/wholeNumberChoicePrompt';

/** What a questionnaire tells its prompt about the question being asked. */
export interface AnswerValidations {
  skippable: boolean;
  kind: AnswerKind;
  /** Longest free text accepted (default 120). */
  maxLength?: number;
  /** Whole numbers accepted (kind 'count'). */
  range?: readonly [number, number];
  /** Money: which amount of a sentence with several is this question's. */
  amountRole?: AmountRole;
  /** The way-back buttons this question shows ("Back"), kept on a re-ask. */
  back?: readonly string[];
  /**
   * The question's id: its whole answers that mean one value ("just me" → "1", "i don't have insurance" →
   * "uninsured") and its choices' synonyms are looked up by it (ChoiceWords), not kept in the dialog state.
   */
  question?: string;
  /** Why this question cannot be skipped, said when she types "not sure" to it (default: answers.needed). */
  needed?: string;
}

/** A message with a "Not sure" button when skipping is allowed, any "what's that?" buttons, and "Back" where there is a way back. */
export function withSkipButton(text: string, skippable: boolean, content: ContentStore, extra: readonly string[] = [], back: readonly string[] = []): Partial<Activity> {
  const buttons = [...(skippable ? [content.text('answers.notSure')] : []), ...extra, ...back];
  return buttons.length ? MessageFactory.suggestedActions(buttons, text) : MessageFactory.text(text);
}

/** The words of one question (its phrases, its choices' synonyms), by the question's id. */
export type QuestionWords = (questionId: string) => ChoiceWords | undefined;

/**
 * One SDK prompt per answer kind, each with a validator that accepts "not sure" where allowed and
 * replaces the retry message with one that says exactly what was wrong.
 */
export function answerPrompts(idPrefix: string, content: ContentStore, now: () => Date, words: QuestionWords = () => undefined): { id: (kind: AnswerKind) => string; dialogs: Dialog[] } {
  const id = (kind: AnswerKind) => `${idPrefix}.${kind === 'anyDate' ? 'pastDate' : kind}`;
  const wordsOf = (o: PromptOptions): ChoiceWords | undefined => {
    const question = (o as { validations?: AnswerValidations }).validations?.question;
    return question === undefined ? undefined : words(question);
  };
  const validations = (p: PromptValidatorContext<unknown>) => (p.options.validations ?? {}) as Partial<AnswerValidations>;
  const text = (p: PromptValidatorContext<unknown>) => p.context.activity.text ?? '';
  const skipOk = (p: PromptValidatorContext<unknown>) => Boolean(validations(p).skippable) && isSkipPhrase(text(p), content);
  // "back" / "change my answer" are handled by the questionnaire after the prompt ends.
  // So are the way-back buttons the question shows ("Change the date of care").
  const backOk = (p: PromptValidatorContext<unknown>) =>
    isBackPhrase(text(p), content) || (validations(p).back ?? []).some((title) => normalizeUtterance(title) === normalizeUtterance(text(p)));
  // A question that cannot be skipped says why when she tries ("not sure"), and never invites "not sure" again.
  const retryText = (p: PromptValidatorContext<unknown>, key: string, vars?: Record<string, number>): string => {
    const { skippable, needed } = validations(p);
    if (skippable) return content.text(`answers.${key}`, vars);
    if (isSkipPhrase(text(p), content)) return needed ?? content.text('answers.needed');
    const [kind, problem] = key.split('.');
    return content.has(`answers.${kind}.${problem}Required`) ? content.text(`answers.${kind}.${problem}Required`, vars) : content.text(`answers.${key}`, vars);
  };
  const retry = (p: PromptValidatorContext<unknown>, key: string, vars?: Record<string, number>): boolean => {
    p.options.retryPrompt = withSkipButton(retryText(p, key, vars), Boolean(validations(p).skippable), content, [], validations(p).back ?? []);
    return false;
  };

  // Amounts and counts are read by our own readers (the number the sentence is about, said back after).
  const amountOf = (t: string, o: PromptOptions) => {
    const reading = readAmount(t, ((o as { validations?: AnswerValidations }).validations ?? {}).amountRole);
    return 'cents' in reading ? reading.cents / 100 : undefined;
  };
  const money = new ReadNumberPrompt(id('money'), amountOf, async (p: PromptValidatorContext<number>) => {
    if (skipOk(p) || backOk(p)) return true;
    const reading = readAmount(text(p), validations(p).amountRole);
    return 'problem' in reading ? retry(p, `money.${reading.problem}`) : true;
  });

  const phraseOf = (t: string, o: PromptOptions): number | undefined => {
    const value = wordsOf(o)?.phrases?.[normalizeUtterance(t)];
    return value === undefined ? undefined : Number(value);
  };
  const countOf = (t: string, o: PromptOptions) => {
    const phrase = phraseOf(t, o);
    if (phrase !== undefined) return phrase;
    const reading = readCount(t);
    return 'count' in reading ? reading.count : undefined;
  };
  const count = new ReadNumberPrompt(id('count'), countOf, async (p: PromptValidatorContext<number>) => {
    if (skipOk(p) || backOk(p)) return true;
    const [min, max] = validations(p).range ?? [1, 20];
    if (p.recognized.succeeded && phraseOf(text(p), p.options) !== undefined) return true;
    const reading = readCount(text(p));
    if ('problem' in reading) return retry(p, `count.${reading.problem}`, { min, max });
    if (reading.count < min) return retry(p, 'count.tooSmall', { min, max });
    return reading.count <= max || retry(p, 'count.tooLarge', { min, max });
  });

  const date: DateTimePrompt = new LocalDateTimePrompt(id('pastDate'), async (p) => {
    if (skipOk(p) || backOk(p)) return true;
    if (!p.recognized.succeeded || !p.recognized.value) return retry(p, 'date.unclear');
    const today = userToday(localTimestampOf(p.context), now());
    const picked = pickDate(p.recognized.value, today, validations(p).kind === 'pastDate' ? 'past' : 'any');
    return 'problem' in picked ? retry(p, `date.${picked.problem}`) : true;
  }, now, (answer) => isSkipPhrase(answer, content) || isBackPhrase(answer, content));

  const state = new TextPrompt(id('state'), async (p: PromptValidatorContext<string>) =>
    skipOk(p) || backOk(p) || parseUsState(p.recognized.value ?? '') !== undefined || retry(p, 'state.unclear'),
  );

  const freeText = new TextPrompt(id('text'), async (p: PromptValidatorContext<string>) => {
    if (skipOk(p) || backOk(p)) return true;
    const value = (p.recognized.value ?? '').trim();
    if (value.length === 0 || !/[\p{L}\p{N}]/u.test(value)) return retry(p, 'text.empty');
    return value.length <= (validations(p).maxLength ?? 120) || retry(p, 'text.tooLong');
  });

  const choice = new WholeNumberChoicePrompt(id('choice'), async (p) => p.recognized.succeeded || skipOk(p) || backOk(p), wordsOf);
  choice.recognizerOptions = { allowPartialMatches: true };

  return { id, dialogs: [money, count, date, state, freeText, choice] };
}
