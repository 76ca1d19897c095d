import { ActionTypes, MessageFactory } from 'botbuilder';
import { ComponentDialog, DialogTurnResult, FoundChoice, PromptValidatorContext, TextPrompt, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { escapeMarkdown } from '../../src/cards/markdown';
import { parseLineNumbers } from '../../src/domain/billLines';
import { HARDSHIP_REASONS, HardshipReason } from '../../src/domain/callPrepModel';
import { composeHardshipStatement, type StatementWords } from '../../src/domain/hardshipStatement';
import { activeCase } from '../../src/domain/profile';
import { choiceStyle } from '../choiceStyle';
import type { DialogDeps } from '../deps';
import { isListedPhrase, isSkipPhrase } from '../prompts/skipPhrase';
import { WholeNumberChoicePrompt } from '../prompts/wholeNumberChoicePrompt';

const ID = 'callPrep.hardship';

const FLOW = `${ID}.flow`;
const REASONS = `${ID}.reasons`;
const OWN_WORDS = `${ID}.ownWords`;
const USE = `${ID}.use`;
const OWN_STATEMENT = `${ID}.statement`;

interface Draft {
  reasons: HardshipReason[];
  ownWords?: string;
  statement: string;
}

/** A short, honest, calm hardship statement from what the user picks and their own words; editable. */
export class HardshipDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(ID);
    this.addDialog(new TextPrompt(REASONS, async (p) => this.isSkip(p.recognized.value) || parseLineNumbers(p.recognized.value ?? '', HARDSHIP_REASONS.length) !== undefined));
    this.addDialog(new TextPrompt(OWN_WORDS, async (p) => (p.recognized.value ?? '').trim().length <= 600));
    this.addDialog(new WholeNumberChoicePrompt(USE));
    this.addDialog(new TextPrompt(OWN_STATEMENT, (p) => this.validStatement(p)));
    this.addDialog(new WaterfallDialog(FLOW, [this.reasonsStep, this.ownWordsStep, this.showStep, this.chooseStep, this.saveStep].map((s) => s.bind(this))));
    this.initialDialogId = FLOW;
  }

  private draft(step: WaterfallStepContext): Draft {
    return step.values as Draft;
  }

  private async reasonsStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { content } = this.deps;
    const list = HARDSHIP_REASONS.map((r, i) => `${i + 1}. ${content.text(`hardship.reasons.labels.${r}`)}`).join('  \n');
    return step.prompt(REASONS, {
      prompt: MessageFactory.suggestedActions([content.text('hardship.reasons.skip')], content.text('hardship.reasons.ask', { list })),
      retryPrompt: MessageFactory.suggestedActions([content.text('hardship.reasons.skip')], content.text('hardship.reasons.retry')),
    });
  }

  private async ownWordsStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const text = String(step.result);
    const numbers = this.isSkip(text) ? [] : (parseLineNumbers(text, HARDSHIP_REASONS.length) ?? []);
    this.draft(step).reasons = numbers.map((n) => HARDSHIP_REASONS[n - 1]).filter((r): r is HardshipReason => r !== undefined);
    const { content } = this.deps;
    return step.prompt(OWN_WORDS, {
      prompt: MessageFactory.suggestedActions([content.text('hardship.reasons.skip')], content.text('hardship.ownWords.ask')),
      retryPrompt: content.text('hardship.ownWords.retry'),
    });
  }

  private async showStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { content, profiles } = this.deps;
    const draft = this.draft(step);
    const words = String(step.result).trim().replace(/\s+/g, ' ');
    if (words && !this.isSkip(words)) draft.ownWords = words;
    const current = activeCase(await profiles.get(step.context));
    const provider = current?.provider.name ?? content.text('hardship.statement.unknownProvider');
    draft.statement = this.compose(draft, provider);
    const choices = (['use', 'own'] as const).map((value) => {
      const title = content.text(`hardship.choices.${value}`);
      return { value, action: { type: ActionTypes.ImBack, title, value: title } };
    });
    return step.prompt(USE, {
      prompt: content.text('hardship.show', { statement: escapeMarkdown(draft.statement) }),
      retryPrompt: content.text('hardship.choices.retry'),
      choices,
      style: choiceStyle(step.context),
    });
  }

  private async chooseStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if ((step.result as FoundChoice).value === 'use') return step.next();
    const { content } = this.deps;
    return step.prompt(OWN_STATEMENT, { prompt: content.text('hardship.own.ask'), retryPrompt: content.text('hardship.own.retry') });
  }

  private async saveStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { content, profiles, now } = this.deps;
    const draft = this.draft(step);
    if (typeof step.result === 'string') draft.statement = step.result.trim().replace(/\s+/g, ' ');
    const hardship = { reasons: draft.reasons, ownWords: draft.ownWords, statement: draft.statement, updatedAt: now().toISOString() };
    if (!(await profiles.updateActive(step.context, (c) => ({ ...c, hardship }), now()))) return step.endDialog();
    await step.context.sendActivity(content.text('hardship.saved'));
    return step.endDialog();
  }

  /** The statement from her reasons and words (src/domain/hardshipStatement): each thing once, in her voice. */
  private compose(draft: Draft, provider: string): string {
    const { content } = this.deps;
    const each = <T>(read: (r: HardshipReason) => T) => Object.fromEntries(HARDSHIP_REASONS.map((r) => [r, read(r)])) as Record<HardshipReason, T>;
    const words: StatementWords = {
      opening: content.text('hardship.statement.opening', { provider }),
      closing: content.text('hardship.statement.closing'),
      generic: content.text('hardship.statement.generic', { provider }),
      sentences: each((r) => content.text(`hardship.statement.sentences.${r}`)),
      sameAs: each((r) => (content.has(`hardship.statement.sameAs.${r}`) ? content.list(`hardship.statement.sameAs.${r}`) : [])),
    };
    return composeHardshipStatement(draft.reasons, draft.ownWords, words);
  }

  /** "skip", "none"… and every "not sure" the other questions accept: step 1 says "not sure" skips any question. */
  private isSkip(text: string | undefined): boolean {
    return isListedPhrase(text ?? '', this.deps.content, 'hardship.skipPhrases') || isSkipPhrase(text ?? '', this.deps.content);
  }

  private async validStatement(p: PromptValidatorContext<string>): Promise<boolean> {
    const text = (p.recognized.value ?? '').trim();
    return text.length >= 10 && text.length <= 1500 && /\p{L}{2,}/u.test(text);
  }
}
