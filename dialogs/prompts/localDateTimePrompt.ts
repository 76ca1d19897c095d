import * as Recognizers from '@microsoft/recognizers-text-date-time';
import type { TurnContext } from 'botbuilder';
import { DateTimePrompt, DateTimeResolution, PromptOptions, PromptRecognizerResult, PromptValidator } from 'botbuilder-dialogs';
import { userToday } from '../../src/domain/calendar';
import { dayWordDate, explicitDate } from '../../src/domain/explicitDate';

/**
 * A date is a few words. The date recognizer's time grows steeply with length (2,000 characters of
 * digits and words take minutes), so longer answers are not read as a date at all: the prompt re-asks.
 */
export const MAX_DATE_ANSWER_LENGTH = 100;

/**
 * The recognizer's models are built once per culture (building one compiles hundreds of patterns: it
 * is most of the cost of the SDK's one-shot recognizeDateTime), and a turn's answer is read once
 * (the SDK asks twice: before interruptions and again to continue the dialog).
 */
const models = new Map<string, Recognizers.IDateTimeModel>();
const modelFor = (culture: string): Recognizers.IDateTimeModel => {
  const known = models.get(culture);
  if (known) return known;
  const model = new Recognizers.DateTimeRecognizer(culture, Recognizers.DateTimeOptions.None).getDateTimeModel(culture, true);
  models.set(culture, model);
  return model;
};
const TURN_RESULT = Symbol('billcoach.dateAnswer');

/**
 * The SDK's DateTimePrompt resolves "last Tuesday" against the server clock (UTC). This one passes the
 * user's own date from the activity's local timestamp, so a late-evening answer in California is right.
 */
export class LocalDateTimePrompt extends DateTimePrompt {
  /**
   * @param notADate answers known to hold no date (the content's "not sure" phrases): the validator
   *   handles them without running the recognizer.
   */
  constructor(
    dialogId: string,
    validator: PromptValidator<DateTimeResolution[]>,
    private readonly now: () => Date,
    private readonly notADate: (text: string) => boolean = () => false,
  ) {
    super(dialogId, validator);
  }

  protected override async onRecognize(
    context: TurnContext,
    _state: Record<string, unknown>,
    _options: PromptOptions,
  ): Promise<PromptRecognizerResult<DateTimeResolution[]>> {
    const { text, locale } = context.activity;
    if (!text || text.length > MAX_DATE_ANSWER_LENGTH) return { succeeded: false };
    const today = userToday(localTimestampOf(context), this.now());
    const cacheKey = `${locale ?? ''}|${today}|${text}`;
    const cached = context.turnState.get(TURN_RESULT) as { key: string; result: PromptRecognizerResult<DateTimeResolution[]> } | undefined;
    if (cached?.key === cacheKey) return cached.result;
    // Full dates and "today"/"yesterday"/"tomorrow" have one reading: no need for the recognizer's model.
    const direct = explicitDate(text) ?? dayWordDate(text, today);
    const values = direct ? [{ timex: direct, type: 'date', value: direct }] : this.notADate(text) ? undefined : this.recognize(text, locale, today);
    const result: PromptRecognizerResult<DateTimeResolution[]> = values?.length ? { succeeded: true, value: values } : { succeeded: false };
    context.turnState.set(TURN_RESULT, { key: cacheKey, result });
    return result;
  }

  private recognize(text: string, locale: string | undefined, today: string): DateTimeResolution[] | undefined {
    const [y, m, d] = today.split('-').map(Number);
    const reference = new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1, 12, 0, 0);
    const results = modelFor((locale ?? 'en-us').toLowerCase()).parse(text, reference);
    return results[0]?.resolution?.values as DateTimeResolution[] | undefined;
  }
}

export function localTimestampOf(context: TurnContext): string | undefined {
  const { rawLocalTimestamp, localTimestamp } = context.activity as { rawLocalTimestamp?: string; localTimestamp?: Date | string };
  if (typeof rawLocalTimestamp === 'string') return rawLocalTimestamp;
  return typeof localTimestamp === 'string' ? localTimestamp : undefined;
}
