import { ActionTypes, Activity } from 'botbuilder';
import { ComponentDialog, DialogTurnResult, FoundChoice, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { escapeMarkdown } from '../../src/cards/markdown';
import type { ContentStore } from '../../src/content/contentStore';
import { userToday } from '../../src/domain/calendar';
import type { Case } from '../../src/domain/case';
import { formatIsoDate } from '../../src/domain/dates';
import { nextOpenFollowUp } from '../../src/domain/followUp';
import { activeCase, setStepStatus } from '../../src/domain/profile';
import { calendarFile, textFileFromMarkdown } from '../attachments';
import { choiceStyle } from '../choiceStyle';
import type { DialogDeps } from '../deps';
import { DialogIds } from '../ids';
import { enterStep } from '../journey/enterStep';
import { localTimestampOf } from '../prompts/localDateTimePrompt';
import { confirmationLetter, deadlinesMessage, escalationMessage, followUpIcs } from './followUpTexts';
import { LOG_CALL, LogCallDialog } from './logCallDialog';
import { WholeNumberChoicePrompt } from '../prompts/wholeNumberChoicePrompt';

const FLOW = 'followUp.flow';
const MENU = 'followUp.menu';
const ACTIONS = ['log', 'deadlines', 'stuck', 'letter', 'calendar', 'done'] as const;
type Action = (typeof ACTIONS)[number];

interface LoopOptions {
  entered?: boolean;
}

/** Step 5 of 5: log calls, follow-up dates and reminders, deadlines, escalation, a confirmation letter. */
export class FollowUpDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(DialogIds.followUp);
    this.addDialog(new LogCallDialog(deps));
    this.addDialog(new WholeNumberChoicePrompt(MENU));
    this.addDialog(new WaterfallDialog(FLOW, [this.menuStep, this.actStep, this.afterStep].map((s) => s.bind(this))));
    this.initialDialogId = FLOW;
  }

  private today(step: WaterfallStepContext): string {
    return userToday(localTimestampOf(step.context), this.deps.now());
  }

  private async menuStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { content, profiles } = this.deps;
    if (!(step.options as LoopOptions | undefined)?.entered) {
      await enterStep(step.context, this.deps, 'followUp', { intro: 'followUp.intro', introAgain: 'followUp.introAgain' });
      const next = nextOpenFollowUp(activeCase(await profiles.get(step.context)) ?? { followUps: [] });
      if (next) await step.context.sendActivity(content.text('followUp.nextDue', { date: formatIsoDate(next.due) }));
    }
    const choices = ACTIONS.map((value) => {
      const title = content.text(`followUp.menu.${value}`);
      return { value, action: { type: ActionTypes.ImBack, title, value: title } };
    });
    return step.prompt(MENU, { prompt: content.text('followUp.menu.ask'), retryPrompt: content.text('followUp.menu.retry'), choices, style: choiceStyle(step.context) });
  }

  private async actStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { content, profiles, now } = this.deps;
    const action = (step.result as FoundChoice).value as Action;
    const current = activeCase(await profiles.get(step.context));
    if (!current) return step.endDialog();
    switch (action) {
      case 'log':
        return step.beginDialog(LOG_CALL);
      case 'deadlines':
        await step.context.sendActivity(deadlinesMessage(content, current, this.today(step)));
        break;
      case 'stuck':
        await step.context.sendActivity(escalationMessage(content, current));
        break;
      case 'letter': {
        const letter = letterMessage(content, current);
        await step.context.sendActivity(letter ?? content.text('followUp.letter.none'));
        break;
      }
      case 'calendar': {
        const ics = followUpIcs(content, current, now());
        await step.context.sendActivity(ics ? { text: content.text('followUp.calendar.intro'), attachments: [calendarFile(content.text('followUp.calendar.name'), ics)] } : content.text('followUp.calendar.none'));
        break;
      }
      case 'done': {
        if (current.calls.length > 0) await profiles.update(step.context, (p) => setStepStatus(p, current.id, 'followUp', 'done', now()));
        await step.context.sendActivity(content.text('followUp.done'));
        return step.endDialog();
      }
    }
    return step.next();
  }

  /** After logging a call: the letter after an agreement, the ladder after no progress; then the menu again. */
  private async afterStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { content, profiles } = this.deps;
    const current = activeCase(await profiles.get(step.context));
    if (current && (step.result === 'agreementReached' || step.result === 'planSetUp')) {
      const letter = letterMessage(content, current);
      if (letter) await step.context.sendActivity(letter);
    }
    if (current && step.result === 'noProgress') await step.context.sendActivity(escalationMessage(content, current));
    return step.replaceDialog(FLOW, { entered: true } satisfies LoopOptions);
  }
}

/** The letter in the chat (the user's words escaped, never markup) and as a plain-text file to keep (as typed). */
function letterMessage(content: ContentStore, c: Case): Partial<Activity> | undefined {
  const shown = confirmationLetter(content, c, escapeMarkdown);
  if (!shown) return undefined;
  return { text: `${content.text('followUp.letter.intro')}\n\n${shown}`, attachments: [textFileFromMarkdown(content.text('followUp.letter.name'), shown)] };
}
