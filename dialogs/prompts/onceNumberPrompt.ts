import type { TurnContext } from 'botbuilder';
import { NumberPrompt, PromptOptions, PromptRecognizerResult } from 'botbuilder-dialogs';
import { plainNumber } from '../../src/domain/plainNumber';

const TURN_RESULT = Symbol('billcoach.numberAnswer');

/**
 * The SDK's NumberPrompt, reading a turn's answer once: the SDK asks the prompt to recognize twice per
 * turn (before interruptions and again to continue), and each reading builds a new recognizer (~2 ms).
 * A plain number in an English conversation (`1,200.50`, `$85`) is read directly.
 */
export class OnceNumberPrompt extends NumberPrompt {
  protected override async onRecognize(
    context: TurnContext,
    state: Record<string, unknown>,
    options: PromptOptions,
  ): Promise<PromptRecognizerResult<number>> {
    const key = `${this.id}|${context.activity.locale ?? ''}|${context.activity.text ?? ''}`;
    const cached = context.turnState.get(TURN_RESULT) as { key: string; result: PromptRecognizerResult<number> } | undefined;
    if (cached?.key === key) return cached.result;
    const plain = isEnglish(context.activity.locale || this.defaultLocale) ? plainNumber(context.activity.text ?? '') : undefined;
    const result = plain !== undefined ? { succeeded: true, value: plain } : await super.onRecognize(context, state, options);
    context.turnState.set(TURN_RESULT, { key, result });
    return result;
  }
}

/** Where "1,200.50" means one thousand two hundred and a half: the locales the fast path serves. */
const isEnglish = (locale: string | undefined): boolean => locale === undefined || /^en(?:[-_]|$)/i.test(locale);
