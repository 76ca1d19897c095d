import { Dialog, DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import type { DialogDeps } from '../deps';

/**
 * Stands under a journey step's id until that step's own dialog lands: it says what the step will do
 * and returns to the menu. Nothing else in the bot is a placeholder.
 */
export class ComingSoonDialog extends Dialog {
  constructor(id: string, private readonly messageKey: string, private readonly deps: DialogDeps) {
    super(id);
  }

  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    await dc.context.sendActivity(this.deps.content.text(this.messageKey));
    return dc.endDialog();
  }
}
