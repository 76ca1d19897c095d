import { ComponentDialog, DialogTurnResult, PromptValidatorContext, TextPrompt, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { escapeMarkdown } from '../../src/cards/markdown';
import { MAX_CASES } from '../../src/domain/case';
import { addCase, canAddCase } from '../../src/domain/profile';
import { normalizeUtterance } from '../commands';
import type { DialogDeps } from '../deps';
import { DialogIds } from '../ids';

const LABEL_PROMPT = 'cases.new.label';
const WATERFALL = 'cases.new.steps';

/** Starts a case for another bill: asks who sent it (or "not sure"), saves it and makes it active. */
export class NewCaseDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(DialogIds.casesNew);
    this.addDialog(new TextPrompt(LABEL_PROMPT, (prompt) => this.validLabel(prompt)));
    this.addDialog(new WaterfallDialog(WATERFALL, [this.askStep.bind(this), this.saveStep.bind(this)]));
    this.initialDialogId = WATERFALL;
  }

  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { content, profiles } = this.deps;
    if (!canAddCase(await profiles.get(step.context))) {
      await step.context.sendActivity(content.text('cases.tooMany', { max: MAX_CASES }));
      return step.endDialog();
    }
    return step.prompt(LABEL_PROMPT, { prompt: content.text('cases.askLabel'), retryPrompt: content.text('cases.askLabelRetry') });
  }

  private async saveStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { content, profiles, now } = this.deps;
    const typed = String(step.result).trim();
    const profile = await profiles.get(step.context);
    const label = this.isNotSure(typed) ? content.text('cases.defaultLabel', { number: profile.cases.length + 1 }) : typed;
    const { profile: next, created } = addCase(profile, label, now());
    const named = this.isNotSure(typed) ? next : { ...next, cases: next.cases.map((c) => (c.id === created.id ? { ...c, provider: { ...c.provider, name: typed } } : c)) };
    await profiles.save(step.context, named);
    await step.context.sendActivity(content.text('cases.created', { caseLabel: escapeMarkdown(created.label) }));
    return step.endDialog(created.id);
  }

  private isNotSure(text: string): boolean {
    const said = normalizeUtterance(text);
    return this.deps.content.list('cases.notSure').some((phrase) => normalizeUtterance(phrase) === said);
  }

  private async validLabel(prompt: PromptValidatorContext<string>): Promise<boolean> {
    const value = (prompt.recognized.value ?? '').trim();
    return value.length > 0 && value.length <= 120 && /[\p{L}\p{N}]/u.test(value);
  }
}
