import { ActionTypes } from 'botbuilder';
import { ComponentDialog, ConfirmPrompt, DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { choiceStyle } from '../choiceStyle';
import type { DialogDeps } from '../deps';
import { DialogIds } from '../ids';

const CONFIRM_PROMPT = 'data.delete.confirm';
const WATERFALL = 'data.delete.steps';

/** "Delete my data": confirm, then erase every record of the user and end everything. */
export class DeleteDataDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(DialogIds.dataDelete);
    const confirm = new ConfirmPrompt(CONFIRM_PROMPT);
    // Erasing can't be undone: only a clear yes counts. By default the prompt also takes any number in
    // the message as a pick ("1" = Yes), so "wait 1 minute" or "alert(1)" would erase everything.
    confirm.choiceOptions = { includeNumbers: false };
    this.addDialog(confirm);
    this.addDialog(new WaterfallDialog(WATERFALL, [this.confirmStep.bind(this), this.eraseStep.bind(this)]));
    this.initialDialogId = WATERFALL;
  }

  private async confirmStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { content } = this.deps;
    const yes = content.text('deleteData.yes');
    const no = content.text('deleteData.no');
    return step.prompt(CONFIRM_PROMPT, {
      prompt: content.text('deleteData.confirm'),
      retryPrompt: content.text('deleteData.confirmRetry'),
      style: choiceStyle(step.context),
      choices: [
        { value: yes, action: { type: ActionTypes.ImBack, title: yes, value: yes }, synonyms: content.list('deleteData.yesWords') },
        { value: no, action: { type: ActionTypes.ImBack, title: no, value: no }, synonyms: content.list('deleteData.noWords') },
      ],
    });
  }

  private async eraseStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { content, eraseUserData } = this.deps;
    if (step.result !== true) {
      await step.context.sendActivity(content.text('deleteData.kept'));
      return step.endDialog(false);
    }
    await eraseUserData(step.context);
    await step.context.sendActivity(content.text('deleteData.done'));
    return step.cancelAllDialogs(true);
  }
}
