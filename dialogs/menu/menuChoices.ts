import { ActionTypes } from 'botbuilder';
import type { Choice } from 'botbuilder-dialogs';
import type { ContentStore } from '../../src/content/contentStore';
import { JOURNEY_STEPS, JourneyStep } from '../../src/domain/case';
import { MenuRequests } from '../../src/domain/faqRouting';
import type { ChoiceWords } from '../prompts/wholeNumberChoicePrompt';

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

/** The menu's buttons as its prompt keeps them in the dialog state: without the synonyms (see menuWords). */
export function menuButtons(content: ContentStore): Choice[] {
  return menuChoices(content).map(({ synonyms: _synonyms, ...button }) => button);
}

const wordTables = new WeakMap<ContentStore, ChoiceWords>();

/** The menu choices' synonyms, by value, for the menu prompt to read answers with; built once per content store. */
export function menuWords(content: ContentStore): ChoiceWords {
  let words = wordTables.get(content);
  if (!words) {
    words = { synonyms: Object.fromEntries(menuChoices(content).map((c) => [c.value, c.synonyms ?? []])) };
    wordTables.set(content, words);
  }
  return words;
}

const requestTables = new WeakMap<ContentStore, MenuRequests>();

/** Typed requests for a menu choice (titles, synonyms and request words from content/en/menu.yaml), built once per content store. */
export function menuRequests(content: ContentStore): MenuRequests {
  let requests = requestTables.get(content);
  if (!requests) {
    const choices = menuChoices(content).map((c) => ({ value: c.value, phrases: [c.action?.title ?? c.value, ...(c.synonyms ?? [])] }));
    requests = new MenuRequests(choices, content.list('menu.requestWords'));
    requestTables.set(content, requests);
  }
  return requests;
}
