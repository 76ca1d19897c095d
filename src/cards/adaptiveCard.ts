/** The subset of Adaptive Cards 1.5 the coach uses. Teams renders up to 1.5 and mobile needs `version`. */
export const CARD_VERSION = '1.5';

export interface TextBlock {
  type: 'TextBlock';
  text: string;
  wrap: true;
  weight?: 'Bolder' | 'Default';
  size?: 'Small' | 'Default' | 'Medium' | 'Large';
  isSubtle?: boolean;
  spacing?: 'None' | 'Small' | 'Medium' | 'Large';
}

export interface FactSet {
  type: 'FactSet';
  facts: { title: string; value: string }[];
}

/** A group of elements; hidden (`isVisible: false`) until a ToggleVisibility action shows it. */
export interface Container {
  type: 'Container';
  id?: string;
  isVisible?: boolean;
  spacing?: 'None' | 'Small' | 'Medium' | 'Large';
  items: CardElement[];
}

export type CardElement = TextBlock | FactSet;
/** A card element that may also be a container (cards with details on demand). */
export type AnyElement = CardElement | Container;

export interface SubmitAction {
  type: 'Action.Submit';
  title: string;
  /**
   * A string posts as the user's own message in Web Chat; `{ command }` alone posts it as the message's
   * value (nothing shown as typed); Teams needs its messageBack object.
   */
  data: string | { command: string; msteams?: { type: 'messageBack'; text: string; displayText: string; value: { command: string } } };
}

/** Shows or hides the elements named by id, in place: details on demand with no round trip to the bot. */
export interface ToggleVisibilityAction {
  type: 'Action.ToggleVisibility';
  title: string;
  targetElements: string[];
}

export type CardAction = SubmitAction | ToggleVisibilityAction;

/** A card; most carry texts, facts and submit buttons, a card with details on demand also containers and toggles. */
export interface AdaptiveCard<Element = CardElement, Action = SubmitAction> {
  type: 'AdaptiveCard';
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  version: typeof CARD_VERSION;
  body: Element[];
  actions?: Action[];
  /** Read aloud by screen readers and shown where cards cannot render. */
  fallbackText?: string;
}

export function card<Element extends AnyElement = CardElement, Action extends CardAction = SubmitAction>(
  body: Element[],
  actions: Action[] = [],
  fallbackText?: string,
): AdaptiveCard<Element, Action> {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    body,
    ...(actions.length ? { actions } : {}),
    ...(fallbackText ? { fallbackText } : {}),
  };
}

export function text(value: string, extra: Omit<TextBlock, 'type' | 'text' | 'wrap'> = {}): TextBlock {
  return { type: 'TextBlock', text: value, wrap: true, ...extra };
}

/**
 * A button that runs a command. In Web Chat it posts `typed` as the user's message, so the chat shows
 * what was pressed; in Teams it is a messageBack carrying `{ command }` and showing the title.
 */
export function commandAction(title: string, command: string, typed: string, channelId: string): SubmitAction {
  if (channelId !== 'msteams') return { type: 'Action.Submit', title, data: typed };
  return {
    type: 'Action.Submit',
    title,
    data: { command, msteams: { type: 'messageBack', text: typed, displayText: title, value: { command } } },
  };
}

/**
 * `details`, hidden until the user presses `title` (pressing it again hides them): the card stays short
 * and nothing is lost. Returns the hidden container to put last in the body and its button.
 */
export function detailsOnDemand(id: string, title: string, details: CardElement[]): { container: Container; action: ToggleVisibilityAction } {
  return {
    container: { type: 'Container', id, isVisible: false, spacing: 'Medium', items: details },
    action: { type: 'Action.ToggleVisibility', title, targetElements: [id] },
  };
}
