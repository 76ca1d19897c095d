import { TurnContext } from 'botbuilder';
import { ChoiceFactory, ComponentDialog, Dialog, DialogContext, DialogTurnResult, type PromptOptions } from 'botbuilder-dialogs';
import { caseCardMessage, type CaseCardOptions } from './cases/caseCardMessage';
import { faqReply } from './ask/faqReply';
import { activeDialogIds, innermost } from './activeStack';
import { answerAtMenu } from './ask/menuQuestion';
import { looksLikeQuestion } from '../src/domain/faq';
import { Command, normalizeUtterance, recognizeCommand } from './commands';
import type { DialogDeps } from './deps';
import { DialogIds } from './ids';
import { isQuestionnairePrompt } from './questionnaire/questionnaireDialog';
import { beginUploadOnFile, startsUpload } from './gather/billUploadEntry';

export interface RootOptions {
  /** Skip the menu and go straight to this choice (used by "new case" and "switch case"). */
  start?: 'newCase' | 'switchCase';
  /** The menu waits without asking: something else speaks first (the case card just shown, a file being read). */
  menuWaits?: boolean;
}

/**
 * The one place global commands are handled. The root dialog extends this, and every flow runs
 * inside the root, so "help", "menu", "my case", "delete my data"… work in the middle of any prompt.
 */
export abstract class InterruptibleDialog extends ComponentDialog {
  protected constructor(id: string, protected readonly deps: DialogDeps) {
    super(id);
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const handled = await this.interrupt(innerDc);
    return handled ?? super.onContinueDialog(innerDc);
  }

  /**
   * A file sent as the very first message (or after the last dialog ended) is read at once: the menu waits
   * under the upload, silently, and is shown when the upload ends.
   */
  protected override async onBeginDialog(innerDc: DialogContext, options?: RootOptions): Promise<DialogTurnResult> {
    if (options?.start || !startsUpload(innerDc.context.activity, this.deps.content)) return super.onBeginDialog(innerDc, options);
    const quiet: RootOptions = { menuWaits: true };
    await innerDc.beginDialog(DialogIds.rootMain, quiet);
    return (await beginUploadOnFile(innerDc, this.deps.content)) ?? Dialog.EndOfTurn;
  }

  private async interrupt(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    const { activity } = innerDc.context;
    if (activity.type !== 'message') return undefined;
    const upload = await beginUploadOnFile(innerDc, this.deps.content);
    if (upload) return upload;
    const command = recognizeCommand(activity, this.deps.content);
    if (!command) return this.answerQuestion(innerDc);
    const confirmingDelete = innerDc.activeDialog?.id === DialogIds.dataDelete || innerDc.activeDialog?.id === DialogIds.casesDelete;
    if (confirmingDelete && command !== 'menu' && command !== 'startOver') return undefined;
    // "change my answer" typed at a question means "back": the questionnaire re-asks the previous one.
    const typed = !(activity.value && typeof activity.value === 'object');
    if (command === 'changeAnswer' && typed && isQuestionnairePrompt(activeDialogIds(innerDc).at(-1))) return undefined;
    return this.run(command, innerDc);
  }

  private async run(command: Command, innerDc: DialogContext): Promise<DialogTurnResult> {
    const { content } = this.deps;
    switch (command) {
      case 'help':
        await innerDc.context.sendActivity(content.text('help.text'));
        return this.reprompt(innerDc);
      case 'myCase':
        await this.sendCaseCard(innerDc.context);
        return this.reprompt(innerDc);
      case 'deleteData':
        return innerDc.beginDialog(DialogIds.dataDelete);
      case 'changeAnswer':
        return innerDc.beginDialog(DialogIds.casesChange);
      case 'deleteCase':
        return innerDc.beginDialog(DialogIds.casesDelete);
      case 'startOver':
        await innerDc.cancelAllDialogs();
        await innerDc.context.sendActivity(content.text('help.startOver'));
        return innerDc.beginDialog(DialogIds.rootMain);
      case 'menu':
        await innerDc.cancelAllDialogs();
        return innerDc.beginDialog(DialogIds.rootMain);
      case 'newCase':
      case 'switchCase': {
        await innerDc.cancelAllDialogs();
        const options: RootOptions = { start: command };
        return innerDc.beginDialog(DialogIds.rootMain, options);
      }
    }
  }

  protected async sendCaseCard(context: TurnContext, options: CaseCardOptions = {}): Promise<void> {
    await context.sendActivity(await caseCardMessage(context, this.deps, options));
  }

  /**
   * A question typed in the middle of a step gets its vetted answer, then the same prompt again with nothing
   * lost; only a confident answer interrupts — anything else is left to the prompt as an answer. At the menu,
   * any sentence that isn't a request for a choice is answered (answerAtMenu). Never during a role-play or in
   * "ask a question" itself.
   */
  private async answerQuestion(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    const { content, faq } = this.deps;
    const text = innerDc.context.activity.text ?? '';
    if (text.length > 300) return undefined;
    // At the menu nothing runs above it (no role-play, no "ask a question"): any sentence may be answered there.
    if (innerDc.activeDialog?.id === DialogIds.rootMenuPrompt) return answerAtMenu(innerDc, this.deps, text);
    if (!looksLikeQuestion(text)) return undefined;
    // Only a question needs to know what is open below (each level of the stack read is a new dialog context).
    if (activeDialogIds(innerDc).some((id) => id.startsWith('rehearsal.rolePlay') || id === DialogIds.ask)) return undefined;
    const entry = faq.answerMidStep(text);
    if (!entry) return undefined;
    // A button of the waiting question, pressed or typed ("What you can pay"), is its answer — unless it is a
    // "what's that?" button, which is the FAQ entry's own question.
    const explains = normalizeUtterance(entry.question) === normalizeUtterance(text);
    if (!explains && isButtonOfWaitingPrompt(innerDc, text)) return undefined;
    await innerDc.context.sendActivity(faqReply(content, entry));
    await innerDc.context.sendActivity(content.text('ask.back'));
    return this.reprompt(innerDc);
  }

  private async reprompt(innerDc: DialogContext): Promise<DialogTurnResult> {
    if (innerDc.activeDialog) await innerDc.repromptDialog();
    return Dialog.EndOfTurn;
  }
}

/** Whether `text` is the title (or value) of a button the innermost waiting prompt offers. */
function isButtonOfWaitingPrompt(dc: DialogContext, text: string): boolean {
  const leaf = innermost(dc);
  const options = (leaf.activeDialog?.state as { options?: PromptOptions } | undefined)?.options;
  if (!options) return false;
  const said = normalizeUtterance(text);
  const choices = ChoiceFactory.toChoices(options.choices ?? []).flatMap((c) => [c.value, String(c.action?.title ?? '')]);
  const prompt = typeof options.prompt === 'object' ? options.prompt : undefined;
  const suggested = (prompt?.suggestedActions?.actions ?? []).map((a) => String(a.title));
  return [...choices, ...suggested].some((title) => title && normalizeUtterance(title) === said);
}
