import { ActionTypes, Activity } from 'botbuilder';
import { DialogTurnResult, FoundChoice, WaterfallStepContext } from 'botbuilder-dialogs';
import { escapeMarkdown } from '../../src/cards/markdown';
import type { ContentStore } from '../../src/content/contentStore';
import type { Case } from '../../src/domain/case';
import { formatIsoDate } from '../../src/domain/dates';
import { nextOpenFollowUp } from '../../src/domain/followUp';
import { calendarFile, textFileFromMarkdown } from '../attachments';
import { choiceStyle } from '../choiceStyle';
import type { DialogDeps } from '../deps';
import { DialogIds } from '../ids';
import { StepDialog } from '../journey/stepDialog';
import { confirmationLetter, deadlinesMessage, escalationMessage, followUpIcs } from './followUpTexts';
import { LOG_CALL, LogCallDialog } from './logCallDialog';
import { WholeNumberChoicePrompt } from '../prompts/wholeNumberChoicePrompt';

const MENU = 'followUp.menu';
const ACTIONS = ['log', 'deadlines', 'stuck', 'letter', 'calendar', 'done'] as const;
type Action = (typeof ACTIONS)[number];

interface LoopOptions {
  entered?: boolean;
}

/** Step 5 of 5: log calls, follow-up dates and reminders, deadlines, escalation, a confirmation letter. */
export class FollowUpDialog extends StepDialog {
  constructor(deps: DialogDeps) {
    super(DialogIds.followUp, deps, 'followUp', { intro: 'followUp.intro', introAgain: 'followUp.introAgain', done: 'followUp.done' });
    this.addDialog(new LogCallDialog(deps));
    this.addDialog(new WholeNumberChoicePrompt(MENU));
    this.flow([this.menuStep, this.actStep, this.afterStep]);
  }

  private async menuStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { content } = this.deps;
    if (!(step.options as LoopOptions | undefined)?.entered) {
      await this.enter(step);
      const next = nextOpenFollowUp((await this.activeCase(step)) ?? { followUps: [] });
      if (next) await step.context.sendActivity(content.text('followUp.nextDue', { date: formatIsoDate(next.due) }));
    }
    const choices = ACTIONS.map((value) => {
      const title = content.text(`followUp.menu.${value}`);
      return { value, action: { type: ActionTypes.ImBack, title, value: title } };
    });
    return step.prompt(MENU, { prompt: content.text('followUp.menu.ask'), retryPrompt: content.text('followUp.menu.retry'), choices, style: choiceStyle(step.context) });
  }

  private async actStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { content, now } = this.deps;
    const action = (step.result as FoundChoice).value as Action;
    const current = await this.activeCase(step);
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
        // Done only once a call is logged; before that the step stays in progress.
        if (current.calls.length > 0) await this.markDone(step);
        return this.finish(step);
      }
    }
    return step.next();
  }

  /** After logging a call: the letter after an agreement, the ladder after no progress; then the menu again. */
  private async afterStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { content } = this.deps;
    const current = await this.activeCase(step);
    if (current && (step.result === 'agreementReached' || step.result === 'planSetUp')) {
      const letter = letterMessage(content, current);
      if (letter) await step.context.sendActivity(letter);
    }
    if (current && step.result === 'noProgress') await step.context.sendActivity(escalationMessage(content, current));
    return step.replaceDialog(this.flowId, { entered: true } satisfies LoopOptions);
  }
}

/** The letter in the chat (the user's words escaped, never markup) and as a plain-text file to keep (as typed). */
function letterMessage(content: ContentStore, c: Case): Partial<Activity> | undefined {
  const shown = confirmationLetter(content, c, escapeMarkdown);
  if (!shown) return undefined;
  return { text: `${content.text('followUp.letter.intro')}\n\n${shown}`, attachments: [textFileFromMarkdown(content.text('followUp.letter.name'), shown)] };
}
