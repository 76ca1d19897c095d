import { BotState, ConversationState, UserState, calculateChangeHash, type Storage, type TurnContext } from 'botbuilder';

/**
 * User and conversation state that tell "changed" by the state's JSON instead of the SDK's change
 * hash. BotState hashes each state three times a turn (on load, before saving, after saving), each
 * time with the SDK's cycle-safe stringify and a SHA-256: about 4% of a turn's CPU under load. Here
 * it is one JSON.stringify on load and one before saving, compared as strings. Everything else (the
 * turn cache, property accessors, clear, delete) is the SDK's own.
 */

/** What BotState keeps for the turn under its state key: the state and its change check. */
interface CachedState {
  state: Record<string, unknown>;
  hash: string;
}

interface StateParts {
  storage: Storage;
  storageKey: (context: TurnContext) => string | Promise<string>;
  /** BotState's (private) key for the turn cache, so get/clear/delete see the same cache. */
  stateKey: symbol;
}

/**
 * The state's JSON without its eTag: what the store writes, so "unchanged" means "the same record".
 * A state JSON cannot encode falls back to the SDK's hash, which copes with a cycle (the store then
 * refuses the write, as it always did) and throws on a BigInt, as it always did.
 */
export function changeCheckOf(state: Record<string, unknown>): string {
  const { eTag: _eTag, ...rest } = state;
  try {
    return JSON.stringify(rest);
  } catch {
    return calculateChangeHash(state);
  }
}

async function loadState(parts: StateParts, context: TurnContext, force: boolean): Promise<Record<string, unknown>> {
  const cached = context.turnState.get(parts.stateKey) as CachedState | undefined;
  if (!force && cached?.state) return cached.state;
  const key = await parts.storageKey(context);
  const items = await parts.storage.read([key]);
  const state = (items[key] ?? {}) as Record<string, unknown>;
  context.turnState.set(parts.stateKey, { state, hash: changeCheckOf(state) } satisfies CachedState);
  return state;
}

async function saveState(parts: StateParts, context: TurnContext, force: boolean): Promise<void> {
  const cached = (context.turnState.get(parts.stateKey) as CachedState | undefined) ?? (force ? { state: {}, hash: '' } : undefined);
  if (!cached) return;
  const check = changeCheckOf(cached.state);
  if (!force && check === cached.hash) return;
  const key = await parts.storageKey(context);
  cached.state.eTag = '*';
  await parts.storage.write({ [key]: cached.state });
  cached.hash = check;
  context.turnState.set(parts.stateKey, cached);
}

const partsOf = (state: BotState, storage: Storage, storageKey: StateParts['storageKey']): StateParts => ({
  storage,
  storageKey,
  stateKey: (state as unknown as { stateKey: symbol }).stateKey,
});

export class JsonCheckedUserState extends UserState {
  override load(context: TurnContext, force = false): Promise<Record<string, unknown>> {
    return loadState(partsOf(this, this.storage, this.storageKey), context, force);
  }

  override saveChanges(context: TurnContext, force = false): Promise<void> {
    return saveState(partsOf(this, this.storage, this.storageKey), context, force);
  }
}

export class JsonCheckedConversationState extends ConversationState {
  override load(context: TurnContext, force = false): Promise<Record<string, unknown>> {
    return loadState(partsOf(this, this.storage, this.storageKey), context, force);
  }

  override saveChanges(context: TurnContext, force = false): Promise<void> {
    return saveState(partsOf(this, this.storage, this.storageKey), context, force);
  }
}
