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

export type CardElement = TextBlock | FactSet;

export interface SubmitAction {
  type: 'Action.Submit';
  title: string;
  /**
   * A string posts as the user's own message in Web Chat; `{ command }` alone posts it as the message's
   * value (nothing shown as typed); Teams needs its messageBack object.
   */
  data: string | { command: string; msteams?: { type: 'messageBack'; text: string; displayText: string; value: { command: string } } };
}

/**
 * Opens a card of details in place, under the button (pressing it again closes it): details on demand
 * with no round trip to the bot. Inline, so Web Chat handles it itself (it logs an error for actions it
 * is handed, such as ToggleVisibility); Teams renders it too.
 */
export interface ShowCardAction {
  type: 'Action.ShowCard';
  title: string;
  card: { type: 'AdaptiveCard'; body: CardElement[] };
}

export type CardAction = SubmitAction | ShowCardAction;

/** A card; most carry submit buttons only, a card with details on demand a ShowCard button too. */
export interface AdaptiveCard<Action = SubmitAction> {
  type: 'AdaptiveCard';
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  version: typeof CARD_VERSION;
  body: CardElement[];
  actions?: Action[];
  /** Read aloud by screen readers and shown where cards cannot render. */
  fallbackText?: string;
}

export function card<Action extends CardAction = SubmitAction>(body: CardElement[], actions: Action[] = [], fallbackText?: string): AdaptiveCard<Action> {
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

/** `details`, shown under the card when the user presses `title` (and hidden again on a second press). */
export function detailsOnDemand(title: string, details: CardElement[]): ShowCardAction {
  return { type: 'Action.ShowCard', title, card: { type: 'AdaptiveCard', body: details } };
}
