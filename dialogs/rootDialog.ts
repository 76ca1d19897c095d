import { DialogContext, DialogTurnResult, FoundChoice, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { choiceStyle } from './choiceStyle';
import { progressLines } from '../src/cards/progress';
import { escapeMarkdown } from '../src/cards/markdown';
import { activeCase } from '../src/domain/profile';
import { NewCaseDialog } from './cases/newCaseDialog';
import { SwitchCaseDialog } from './cases/switchCaseDialog';
import { DeleteDataDialog } from './data/deleteDataDialog';
import { ChangeAnswerDialog } from './cases/changeAnswerDialog';
import { DeleteCaseDialog } from './cases/deleteCaseDialog';
import type { DialogDeps } from './deps';
import { DialogIds } from './ids';
import { InterruptibleDialog, RootOptions } from './interruptibleDialog';
import { AskDialog } from './ask/askDialog';
import { CallPrepDialog } from './callPrep/callPrepDialog';
import { FollowUpDialog } from './followUp/followUpDialog';
import { BillUploadDialog } from './gather/billUploadDialog';
import { GatherDialog } from './gather/gatherDialog';
import { OfferDialog } from './offer/offerDialog';
import { RehearsalDialog } from './rehearsal/rehearsalDialog';
import { MENU_VALUES, MenuValue, isJourneyStep, menuButtons } from './menu/menuChoices';
import { MenuPrompt, type MenuPromptOptions } from './menu/menuPrompt';
import { recognizeCommand } from './commands';

/** The main menu and the loop back to it. Each journey step is its own ComponentDialog under a stable id. */
export class RootDialog extends InterruptibleDialog {
  constructor(deps: DialogDeps) {
    super(DialogIds.root, deps);
    this.addDialog(
      new WaterfallDialog(DialogIds.rootMain, [this.menuStep.bind(this), this.routeStep.bind(this), this.loopStep.bind(this)]),
    );
    this.addDialog(new MenuPrompt(DialogIds.rootMenuPrompt, deps.content));
    this.addDialog(new NewCaseDialog(deps));
    this.addDialog(new SwitchCaseDialog(deps));
    this.addDialog(new DeleteDataDialog(deps));
    this.addDialog(new ChangeAnswerDialog(deps));
    this.addDialog(new DeleteCaseDialog(deps));
    this.addDialog(new GatherDialog(deps));
    this.addDialog(new CallPrepDialog(deps));
    this.addDialog(new OfferDialog(deps));
    this.addDialog(new RehearsalDialog(deps));
    this.addDialog(new FollowUpDialog(deps));
    this.addDialog(new AskDialog(deps));
    this.addDialog(new BillUploadDialog(deps));
    this.initialDialogId = DialogIds.rootMain;
  }

  /**
   * "My case" typed or pressed at the menu is the menu's own choice, not an interruption: the card
   * ends the turn, and the menu waits behind it instead of being sent again.
   */
  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const atMenu = innerDc.activeDialog?.id === DialogIds.rootMenuPrompt;
    if (atMenu && innerDc.context.activity.type === 'message' && recognizeCommand(innerDc.context.activity, this.deps.content) === 'myCase') {
      const picked: FoundChoice = { value: 'myCase', index: MENU_VALUES.indexOf('myCase'), score: 1 };
      return innerDc.endDialog(picked);
    }
    return super.onContinueDialog(innerDc);
  }

  private async menuStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = (step.options ?? {}) as RootOptions;
    if (options.start) return step.next({ value: options.start });
    const { content, profiles } = this.deps;
    const active = activeCase(await profiles.get(step.context));
    const prompt = active
      ? content.text('menu.promptWithCase', { caseLabel: escapeMarkdown(active.label), progress: progressLines(content, active).join('  \n') })
      : content.text('menu.prompt');
    const menu: MenuPromptOptions = {
      prompt,
      retryPrompt: content.text('menu.retry'),
      choices: menuButtons(content),
      style: choiceStyle(step.context),
      waitSilently: options.menuWaits === true,
    };
    return step.prompt(DialogIds.rootMenuPrompt, menu);
  }

  private async routeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const choice = (step.result as FoundChoice).value as MenuValue;
    if (choice === 'myCase') {
      await this.sendCaseCard(step.context, { atMenu: true });
      const options: RootOptions = { menuWaits: true };
      return step.replaceDialog(DialogIds.rootMain, options);
    }
    if (choice === 'newCase') return step.beginDialog(DialogIds.casesNew);
    if (choice === 'switchCase') return step.beginDialog(DialogIds.casesSwitch);
    if (isJourneyStep(choice) || choice === 'ask') return step.beginDialog(DialogIds[choice]);
    return step.next();
  }

  private async loopStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.replaceDialog(DialogIds.rootMain);
  }
}
