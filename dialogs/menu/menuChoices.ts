import { ActionTypes } from 'botbuilder';
import type { Choice } from 'botbuilder-dialogs';
import type { ContentStore } from '../../src/content/contentStore';
import { JOURNEY_STEPS, JourneyStep } from '../../src/domain/case';

export const MENU_VALUES = [...JOURNEY_STEPS, 'ask', 'myCase'] as const;
export type MenuValue = (typeof MENU_VALUES)[number] | 'newCase' | 'switchCase';

export function isJourneyStep(value: string): value is JourneyStep {
  return (JOURNEY_STEPS as readonly string[]).includes(value);
}

/** The main menu as choices: the title is what the button shows and sends; synonyms come from content. */
export function menuChoices(content: ContentStore): Choice[] {
  return MENU_VALUES.map((value) => {
    const title = content.text(`menu.options.${value}.title`);
    return {
      value,
      action: { type: ActionTypes.ImBack, title, value: title },
      synonyms: content.list(`menu.options.${value}.synonyms`),
    };
  });
}
