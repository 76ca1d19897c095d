/**
 * Profile texts known to satisfy the schema, so loading the same text again needs no validation.
 *
 * A profile is validated against the schema every time it is read (about 100 µs, some 3% of a turn's
 * CPU), though the profile read is nearly always the one this process saved on the turn before. Two
 * kinds of text go in: a profile that just passed validation unchanged, and a profile made by
 * replacing one case of a valid profile with a case that passed the case schema (`updateCase`), which
 * is valid by construction. The schema depends on nothing but the data, so an entry never goes stale.
 * At most `capacity` texts are kept, the least recently used going first.
 */
export class KnownValidProfiles {
  private readonly texts = new Set<string>();

  constructor(private readonly capacity = 512) {}

  has(json: string): boolean {
    if (!this.texts.has(json)) return false;
    this.texts.delete(json);
    this.texts.add(json);
    return true;
  }

  add(json: string): void {
    this.texts.delete(json);
    this.texts.add(json);
    if (this.texts.size > this.capacity) this.texts.delete(this.texts.values().next().value as string);
  }

  get size(): number {
    return this.texts.size;
  }
}
