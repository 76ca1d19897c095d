import { ActivityTypes, TestAdapter, TurnContext } from 'botbuilder';

/**
 * A turn outside a conversation run: one user message on a TestAdapter, for code that takes a TurnContext
 * (state accessors, the profile store, dialog contexts) tested on its own.
 */
export function aTurn(text = 'hi', ids: { channelId?: string; userId?: string; conversationId?: string } = {}): TurnContext {
  return new TurnContext(new TestAdapter(), {
    type: ActivityTypes.Message, channelId: ids.channelId ?? 'test', text,
    conversation: { id: ids.conversationId ?? 'c1', isGroup: false, conversationType: 'personal', name: '' },
    from: { id: ids.userId ?? 'u1', name: '' }, recipient: { id: 'bot', name: '' },
  });
}
