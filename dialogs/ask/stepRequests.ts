import type { ContentStore } from '../../src/content/contentStore';
import { MenuRequests } from '../../src/domain/faqRouting';
import { menuChoices } from '../menu/menuChoices';

const tables = new WeakMap<ContentStore, MenuRequests>();

/**
 * What asks for a menu choice at the menu: its title and synonyms (content/en/menu.yaml) and the sentences that start
 * it (content/en/synonyms.yaml `steps`), with the menu's request words; built once per content store.
 */
export function stepRequests(content: ContentStore): MenuRequests {
  let requests = tables.get(content);
  if (!requests) {
    const choices = menuChoices(content).map((c) => ({
      value: c.value,
      phrases: [c.action?.title ?? c.value, ...(c.synonyms ?? [])],
      sentences: content.has(`synonyms.steps.${c.value}`) ? content.list(`synonyms.steps.${c.value}`) : [],
    }));
    requests = new MenuRequests(choices, content.list('menu.requestWords'));
    tables.set(content, requests);
  }
  return requests;
}
