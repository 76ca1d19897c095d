/** The turn's state could not be saved (or the conversation's lease taken): nothing of it was kept. */
export class StateNotSavedError extends Error {
  constructor(override readonly cause: unknown) {
    super('state not saved');
    this.name = 'StateNotSavedError';
  }
}

/** Another turn of the same conversation wrote first (possible only when a lease was taken over). */
export function isETagConflict(err: unknown): boolean {
  return err instanceof Error && /eTag conflict/i.test(err.message);
}

/** Errors after which the stored conversation is still the last good one: keep it, ask for a resend. */
export function keepsStoredState(err: unknown): boolean {
  return err instanceof StateNotSavedError || isETagConflict(err);
}
