import type { ConversationState, Storage, TurnContext, UserState } from 'botbuilder';
import { Logger, hashId } from '../logger';
import type { ProfileStore } from './profileStore';
import { DATA_DELETED_EVENT } from '../channelEvents';
import type { ReminderStore } from '../storage/reminderStore';
import { ownerOf } from '../bot/reminderScheduling';
import { ERASED_THIS_TURN } from '../bot/turnFlags';


export interface EraserDeps {
  storage: Storage;
  userState: UserState;
  conversationState: ConversationState;
  profiles: ProfileStore;
  logger: Logger;
  reminderStore: ReminderStore;
}

/**
 * "Delete my data": removes the user's record and the state of every conversation they had on this
 * channel, marks the turn so nothing is written back, and tells the client (the web page forgets its id).
 */
export function createUserDataEraser({ storage, userState, conversationState, profiles, logger, reminderStore }: EraserDeps) {
  return async function eraseUserData(context: TurnContext): Promise<void> {
    const profile = await profiles.get(context);
    const channelId = context.activity.channelId;
    // Ask ConversationState for each key, so the SDK's key format (and any namespace) stays its own business.
    const keyOf = (id: string) => conversationState.getStorageKey({ activity: { channelId, conversation: { id } } } as unknown as TurnContext);
    const keys = new Set(profile.conversations.map(keyOf).filter((k): k is string => typeof k === 'string'));
    const userKey = userState.getStorageKey(context);
    const conversationKey = conversationState.getStorageKey(context);
    if (userKey) keys.add(userKey);
    if (conversationKey) keys.add(conversationKey);
    await storage.delete([...keys]);
    await reminderStore.removeOwner(ownerOf(context));
    await userState.delete(context);
    await conversationState.delete(context);
    profiles.forget(context);
    context.turnState.set(ERASED_THIS_TURN, true);
    logger.info('user.erased', { channelId, user: hashId(context.activity.from?.id), count: keys.size });
    await context.sendActivity({ type: 'event', name: DATA_DELETED_EVENT });
  };
}
