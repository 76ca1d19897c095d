import type { TurnContext } from 'botbuilder';
import { ChoiceFactory, ChoicePrompt, FoundChoice, PromptOptions, PromptRecognizerResult, PromptValidator } from 'botbuilder-dialogs';
import { normalizeUtterance } from '../commands';

/** "2", "2.", "(2)" or "#2": the whole answer is a button's number. */
const WHOLE_NUMBER = /^\s*[#(]?\s*(\d{1,2})\s*[.)]?\s*$/;

/**
 * Words for a prompt's choices that are kept out of its options: the options are the dialog state the SDK
 * hashes, stores and reads back on every turn, and these lists come from content, which does not change
 * while the bot runs.
 */
export interface ChoiceWords {
  /** More words for a choice, by its value ("through my job" for an employer plan's "job"). */
  synonyms?: Readonly<Record<string, readonly string[]>>;
  /** Whole answers (normalized) that mean one value: "i don't have insurance" → "uninsured". */
  phrases?: Readonly<Record<string, string>>;
}

/** Finds the words for the choices of one prompt from its options (the prompt's owner knows which question it asks). */
export type ChoiceWordsLookup = (options: PromptOptions) => ChoiceWords | undefined;

/**
 * The SDK's ChoicePrompt reads any number anywhere in a message as a pick: "I got 2 letters" would
 * answer the second button, and "<script>alert(1)</script>" the first. Here a number counts only when
 * it is the whole answer; otherwise the words must match a choice (or its synonyms) as usual.
 */
export class WholeNumberChoicePrompt extends ChoicePrompt {
  constructor(dialogId: string, validator?: PromptValidator<FoundChoice>, private readonly words?: ChoiceWordsLookup) {
    super(dialogId, validator);
  }

  protected override async onRecognize(
    context: TurnContext,
    state: Record<string, unknown>,
    options: PromptOptions,
  ): Promise<PromptRecognizerResult<FoundChoice>> {
    // Set here, not in the constructor: callers may replace recognizerOptions (e.g. partial matches).
    this.recognizerOptions = { ...this.recognizerOptions, recognizeNumbers: false, recognizeOrdinals: false };
    const words = this.words?.(options);
    const choices = ChoiceFactory.toChoices(options.choices ?? []).map((c) => {
      const more = words?.synonyms?.[c.value];
      return more?.length ? { ...c, synonyms: [...(c.synonyms ?? []), ...more] } : c;
    });
    // Whole answers that mean one choice ("i don't have insurance"), from content: checked before word matching.
    const phrase = words?.phrases?.[normalizeUtterance(context.activity.text ?? '')];
    const byPhrase = phrase === undefined ? -1 : choices.findIndex((c) => c.value === phrase);
    if (byPhrase >= 0) return { succeeded: true, value: { value: phrase ?? '', index: byPhrase, score: 1, synonym: context.activity.text ?? '' } };
    const byWords = await super.onRecognize(context, state, { ...options, choices });
    if (byWords.succeeded) return byWords;
    const match = WHOLE_NUMBER.exec(context.activity.text ?? '');
    const index = match ? Number(match[1]) - 1 : -1;
    const picked = choices[index];
    if (!picked) return { succeeded: false };
    return { succeeded: true, value: { value: picked.value, index, score: 1, synonym: match?.[1] } };
  }
}
