import type { TurnContext } from 'botbuilder';
import { ChoiceFactory, ChoicePrompt, FoundChoice, PromptOptions, PromptRecognizerResult } from 'botbuilder-dialogs';
import { normalizeUtterance } from '../commands';

/** "2", "2.", "(2)" or "#2": the whole answer is a button's number. */
const WHOLE_NUMBER = /^\s*[#(]?\s*(\d{1,2})\s*[.)]?\s*$/;

/**
 * The SDK's ChoicePrompt reads any number anywhere in a message as a pick: "I got 2 letters" would
 * answer the second button, and "<script>alert(1)</script>" the first. Here a number counts only when
 * it is the whole answer; otherwise the words must match a choice (or its synonyms) as usual.
 */
export class WholeNumberChoicePrompt extends ChoicePrompt {
  protected override async onRecognize(
    context: TurnContext,
    state: Record<string, unknown>,
    options: PromptOptions,
  ): Promise<PromptRecognizerResult<FoundChoice>> {
    // Set here, not in the constructor: callers may replace recognizerOptions (e.g. partial matches).
    this.recognizerOptions = { ...this.recognizerOptions, recognizeNumbers: false, recognizeOrdinals: false };
    const choices = ChoiceFactory.toChoices(options.choices ?? []);
    // Whole answers that mean one choice ("i don't have insurance"), from content: checked before word matching.
    const validations = (options as { validations?: { phrases?: Readonly<Record<string, string>> } }).validations;
    const phrase = validations?.phrases?.[normalizeUtterance(context.activity.text ?? '')];
    const byPhrase = phrase === undefined ? -1 : choices.findIndex((c) => c.value === phrase);
    if (byPhrase >= 0) return { succeeded: true, value: { value: phrase ?? '', index: byPhrase, score: 1, synonym: context.activity.text ?? '' } };
    const byWords = await super.onRecognize(context, state, options);
    if (byWords.succeeded) return byWords;
    const match = WHOLE_NUMBER.exec(context.activity.text ?? '');
    const index = match ? Number(match[1]) - 1 : -1;
    const picked = choices[index];
    if (!picked) return { succeeded: false };
    return { succeeded: true, value: { value: picked.value, index, score: 1, synonym: match?.[1] } };
  }
}
