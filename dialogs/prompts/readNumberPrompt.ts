import { InputHints, TurnContext } from 'botbuilder';
import { Prompt, PromptOptions, PromptRecognizerResult, PromptValidator } from 'botbuilder-dialogs';

/**
 * A prompt whose answer is read by our own function: the number a sentence is about ("about $2,400",
 * "3 (me and my 2 kids)"), not any number anywhere in it. Like the SDK's NumberPrompt it returns a
 * number (dollars for amounts), so flows read it the same way; the reader runs once per turn.
 */
export class ReadNumberPrompt extends Prompt<number> {
  constructor(dialogId: string, private readonly read: (text: string, options: PromptOptions) => number | undefined, validator: PromptValidator<number>) {
    super(dialogId, validator);
  }

  protected async onPrompt(context: TurnContext, _state: Record<string, unknown>, options: PromptOptions, isRetry: boolean): Promise<void> {
    const prompt = isRetry && options.retryPrompt ? options.retryPrompt : options.prompt;
    if (prompt) await context.sendActivity(prompt, undefined, InputHints.ExpectingInput);
  }

  protected async onRecognize(context: TurnContext, _state: Record<string, unknown>, options: PromptOptions): Promise<PromptRecognizerResult<number>> {
    const text = context.activity.text ?? '';
    const value = text ? this.read(text, options) : undefined;
    return value === undefined ? { succeeded: false } : { succeeded: true, value };
  }
}
