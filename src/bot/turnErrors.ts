import { ETagConflictError } from '../storage/storeCommon';

/** The turn's state could not be saved (or the conversation's lease taken): nothing of it was kept. */
export class StateNotSavedError extends Error {
  constructor(override readonly cause: unknown) {
    super('state not saved');
    this.name = 'StateNotSavedError';
  }
}

/** A reply could not be delivered to the channel (its connector is down or unreachable). */
export class ReplyNotDeliveredError extends Error {
  constructor(override readonly cause: unknown) {
    super('reply not delivered');
    this.name = 'ReplyNotDeliveredError';
  }
}

/** Another turn of the same conversation wrote first (possible only when a lease was taken over). */
export function isETagConflict(err: unknown): boolean {
  return err instanceof ETagConflictError;
}

/** Errors after which the stored conversation is still the last good one: keep it, ask for a resend. */
export function keepsStoredState(err: unknown): boolean {
  return err instanceof StateNotSavedError || err instanceof ReplyNotDeliveredError || isETagConflict(err);
}

/**
 * The error as it left our code: botbuilder-dialogs wraps whatever a dialog step throws in a
 * DialogContextError (the original in `.error`), so a reply that failed inside a prompt reaches the
 * turn's error handler wrapped.
 */
export function underlyingError(err: unknown): unknown {
  let current = err;
  for (let depth = 0; depth < 10 && current instanceof Error && current.name === 'DialogContextError'; depth++) {
    const inner = (current as { error?: unknown }).error;
    if (inner === undefined) break;
    current = inner;
  }
  return current;
}
