import { randomBytes } from 'node:crypto';

export interface HeldFile {
  readonly conversationId: string;
  readonly contentType: string;
  readonly bytes: Buffer;
  readonly expiresAt: number;
}

export interface UploadStoreOptions {
  /** A file not fetched within this long is dropped. */
  holdMs: number;
  /** All held files together stay below this many bytes; a new file beyond it is refused. */
  maxTotalBytes: number;
  maxFiles: number;
  now?: () => number;
}

/**
 * Uploaded files between the upload and the bot's read: in memory only, never on disk. A file is given
 * out once (taking it deletes it), expires after `holdMs`, and the whole store is bounded in bytes and count.
 * Ids are 32 random bytes: the id in an attachment's contentUrl is what lets the bot fetch it.
 */
export class UploadStore {
  private readonly files = new Map<string, HeldFile>();
  private heldBytes = 0;
  private readonly now: () => number;
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly options: UploadStoreOptions) {
    this.now = options.now ?? Date.now;
    this.sweeper = setInterval(() => this.sweep(), Math.max(1000, Math.min(30_000, options.holdMs / 2)));
    this.sweeper.unref();
  }

  /** Holds a file; undefined when there is no room for it now. */
  put(conversationId: string, contentType: string, bytes: Buffer): string | undefined {
    this.sweep();
    if (this.files.size >= this.options.maxFiles || this.heldBytes + bytes.length > this.options.maxTotalBytes) return undefined;
    const id = randomBytes(32).toString('base64url');
    // A copy of exactly its bytes: the request's buffer is not kept alive.
    this.files.set(id, { conversationId, contentType, bytes: Buffer.from(bytes), expiresAt: this.now() + this.options.holdMs });
    this.heldBytes += bytes.length;
    return id;
  }

  /**
   * Gives the file out and deletes it from the store (a second take finds nothing). The caller wipes the
   * bytes (`wipe`) once it has sent them.
   */
  take(id: string): HeldFile | undefined {
    const file = this.files.get(id);
    if (!file) return undefined;
    this.files.delete(id);
    this.heldBytes -= file.bytes.length;
    if (file.expiresAt > this.now()) return file;
    wipe(file);
    return undefined;
  }

  /** Drops the files of a conversation (it ended, or its data was deleted). */
  dropConversation(conversationId: string): void {
    for (const [id, file] of this.files) if (file.conversationId === conversationId) this.remove(id, file);
  }

  get count(): number {
    return this.files.size;
  }

  get bytes(): number {
    return this.heldBytes;
  }

  close(): void {
    clearInterval(this.sweeper);
    for (const [id, file] of this.files) this.remove(id, file);
  }

  private sweep(): void {
    const now = this.now();
    for (const [id, file] of this.files) if (file.expiresAt <= now) this.remove(id, file);
  }

  private remove(id: string, file: HeldFile): void {
    this.files.delete(id);
    this.heldBytes -= file.bytes.length;
    wipe(file);
  }
}

/** Zeroes a file's bytes, so no copy lingers in memory until it is collected. */
export function wipe(file: HeldFile): void {
  file.bytes.fill(0);
}
