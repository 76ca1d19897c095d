import { ConversationState, UserState, type Storage } from 'botbuilder';

/** The SDK's own user and conversation state over the store: the user's cases, and the dialog stack. */
export function createBotState(storage: Storage): { conversationState: ConversationState; userState: UserState } {
  return { conversationState: new ConversationState(storage), userState: new UserState(storage) };
}
