import { MessageFactory, Activity } from 'botbuilder';
import { DateTimePrompt, Dialog, PromptValidatorContext, TextPrompt } from 'botbuilder-dialogs';
import { OnceNumberPrompt } from '../prompts/onceNumberPrompt';
import type { ContentStore } from '../../src/content/contentStore';
import { pickDate, userToday } from '../../src/domain/calendar';
import { dollarsToCents, hasSeveralNumbers } from '../../src/domain/money';
import { parseUsState } from '../../src/domain/usStates';
import { LocalDateTimePrompt, localTimestampOf } from '../prompts/localDateTimePrompt';
import { isSkipPhrase } from '../prompts/skipPhrase';
import type { AnswerKind } from './question';
import { WholeNumberChoicePrompt } from '../prompts/wholeNumberChoicePrompt';

/** What a questionnaire tells its prompt about the question being asked. */
export interface AnswerValidations {
  skippable: boolean;
  kind: AnswerKind;
  /** Longest free text accepted (default 120). */
  maxLength?: number;
  /** Whole numbers accepted (kind 'count'). */
  range?: readonly [number, number];
}

/** A message with a "Not sure" button when skipping is allowed, and any "what's that?" buttons. */
export function withSkipButton(text: string, skippable: boolean, content: ContentStore, extra: readonly string[] = []): Partial<Activity> {
  const buttons = [...(skippable ? [content.text('answers.notSure')] : []), ...extra];
  return buttons.length ? MessageFactory.suggestedActions(buttons, text) : MessageFactory.text(text);
}

/**
 * One SDK prompt per answer kind, each with a validator that accepts "not sure" where allowed and
 * replaces the retry message with one that says exactly what was wrong.
 */
export function answerPrompts(idPrefix: string, content: ContentStore, now: () => Date): { id: (kind: AnswerKind) => string; dialogs: Dialog[] } {
  const id = (kind: AnswerKind) => `${idPrefix}.${kind === 'anyDate' ? 'pastDate' : kind}`;
  const validations = (p: PromptValidatorContext<unknown>) => (p.options.validations ?? {}) as Partial<AnswerValidations>;
  const text = (p: PromptValidatorContext<unknown>) => p.context.activity.text ?? '';
  const skipOk = (p: PromptValidatorContext<unknown>) => Boolean(validations(p).skippable) && isSkipPhrase(text(p), content);
  const retry = (p: PromptValidatorContext<unknown>, key: string, vars?: Record<string, number>): boolean => {
    p.options.retryPrompt = withSkipButton(content.text(`answers.${key}`, vars), Boolean(validations(p).skippable), content);
    return false;
  };

  const money = new OnceNumberPrompt(id('money'), async (p: PromptValidatorContext<number>) => {
    if (skipOk(p)) return true;
    if (!p.recognized.succeeded || p.recognized.value === undefined) return retry(p, 'money.unclear');
    if (hasSeveralNumbers(text(p))) return retry(p, 'money.several');
    const cents = dollarsToCents(p.recognized.value);
    return 'problem' in cents ? retry(p, `money.${cents.problem}`) : true;
  });
  money.defaultLocale = 'en-us';

  const count = new OnceNumberPrompt(id('count'), async (p: PromptValidatorContext<number>) => {
    if (skipOk(p)) return true;
    const [min, max] = validations(p).range ?? [1, 20];
    const value = p.recognized.value;
    if (!p.recognized.succeeded || value === undefined || hasSeveralNumbers(text(p))) return retry(p, 'count.unclear', { min, max });
    if (!Number.isInteger(value)) return retry(p, 'count.notWhole', { min, max });
    if (value < min) return retry(p, 'count.tooSmall', { min, max });
    return value <= max || retry(p, 'count.tooLarge', { min, max });
  });
  count.defaultLocale = 'en-us';

  const date: DateTimePrompt = new LocalDateTimePrompt(id('pastDate'), async (p) => {
    if (skipOk(p)) return true;
    if (!p.recognized.succeeded || !p.recognized.value) return retry(p, 'date.unclear');
    const today = userToday(localTimestampOf(p.context), now());
    const picked = pickDate(p.recognized.value, today, validations(p).kind === 'pastDate' ? 'past' : 'any');
    return 'problem' in picked ? retry(p, `date.${picked.problem}`) : true;
  }, now, (answer) => isSkipPhrase(answer, content));

  const state = new TextPrompt(id('state'), async (p: PromptValidatorContext<string>) =>
    skipOk(p) || parseUsState(p.recognized.value ?? '') !== undefined || retry(p, 'state.unclear'),
  );

  const freeText = new TextPrompt(id('text'), async (p: PromptValidatorContext<string>) => {
    if (skipOk(p)) return true;
    const value = (p.recognized.value ?? '').trim();
    if (value.length === 0 || !/[\p{L}\p{N}]/u.test(value)) return retry(p, 'text.empty');
    return value.length <= (validations(p).maxLength ?? 120) || retry(p, 'text.tooLong');
  });

  const choice = new WholeNumberChoicePrompt(id('choice'), async (p) => p.recognized.succeeded || skipOk(p));
  choice.recognizerOptions = { allowPartialMatches: true };

  return { id, dialogs: [money, count, date, state, freeText, choice] };
}
