import { ActionTypes, Activity, CardAction, CardFactory, TurnContext } from 'botbuilder';
import { caseSummaryCard, caseTimelineFile } from '../../src/cards/caseSummaryCard';
import { userToday } from '../../src/domain/calendar';
import { JOURNEY_STEPS, type Case } from '../../src/domain/case';
import { shownStepStatus } from '../../src/domain/caseStory';
import { activeCase } from '../../src/domain/profile';
import { textFile } from '../attachments';
import type { DialogDeps } from '../deps';
import { localTimestampOf } from '../prompts/localDateTimePrompt';

export interface CaseCardOptions {
  /**
   * The menu waits for the answer, silently: the card ends with "What next?" and, outside Teams
   * (where the card's buttons are the way on), carries a few of the menu's choices as suggested actions.
   */
  atMenu?: boolean;
}

/** The menu's choices to suggest under the card: the next step still to do, a question, the whole menu. */
function nextChoices(deps: DialogDeps, active: Case | undefined): CardAction[] {
  const { content } = deps;
  const next = active ? JOURNEY_STEPS.find((step) => shownStepStatus(active, step) !== 'done') : 'gather';
  const titles = [
    ...(next ? [content.text(`menu.options.${next}.title`)] : []),
    content.text('menu.options.ask.title'),
    content.text('card.actions.menu'),
  ];
  return titles.map((title) => ({ type: ActionTypes.ImBack, title, value: title }));
}

/**
 * "My case" as one message: the card; the whole timeline as a file when the card shows only its
 * latest entries; at the menu, what to do next.
 */
export async function caseCardMessage(context: TurnContext, deps: DialogDeps, options: CaseCardOptions = {}): Promise<Partial<Activity>> {
  const profile = await deps.profiles.get(context);
  const active = activeCase(profile);
  const { channelId } = context.activity;
  const today = userToday(localTimestampOf(context), deps.now());
  const json = caseSummaryCard(deps.content, active, { caseCount: profile.cases.length, channelId, today, whatNext: options.atMenu });
  const file = active ? caseTimelineFile(deps.content, active, today) : undefined;
  const suggest = options.atMenu === true && channelId !== 'msteams';
  return {
    attachments: [CardFactory.adaptiveCard(json), ...(file ? [textFile(file.name, file.text)] : [])],
    ...(suggest ? { suggestedActions: { to: [], actions: nextChoices(deps, active) } } : {}),
  };
}
