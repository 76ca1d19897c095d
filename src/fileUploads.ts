/**
 * Files a user sends to be read (a bill or an EOB): the types accepted, how their bytes are recognized,
 * and the note the local channel sends the bot when it refused an upload. Shared by the server (which
 * checks uploads) and the bot (which checks what it fetches); it knows nothing of either.
 */

export const BILL_FILE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'application/pdf'] as const;
export type BillFileType = (typeof BILL_FILE_TYPES)[number];

export const isBillFileType = (value: string): value is BillFileType => (BILL_FILE_TYPES as readonly string[]).includes(value);

/** The media type without parameters, lower case: "Image/PNG; x=1" → "image/png". */
export function baseMediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0): boolean =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);

/**
 * What the bytes are, by their first bytes (never by the name or the declared type alone), or undefined
 * when they are none of the accepted types.
 */
export function sniffBillFileType(bytes: Uint8Array): BillFileType | undefined {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp'; // RIFF….WEBP
  return undefined;
}

/** The upload settings the server and the bot share. */
export interface UploadLimits {
  /** Largest file accepted, in bytes. */
  maxBytes: number;
  /** Types accepted (a subset of BILL_FILE_TYPES). */
  types: readonly BillFileType[];
}

/**
 * The local channel could not take a file (too large, or not an image or PDF): it tells the bot in the
 * channelData of an empty message, so the bot can say so in the chat as well. Never carries the file or its name.
 */
export const UPLOAD_REFUSED = 'billcoachUploadRefused';
export type UploadRefusal = { reason: 'tooLarge' | 'unsupportedType'; maxBytes: number };

export function uploadRefusalOf(channelData: unknown): UploadRefusal | undefined {
  if (typeof channelData !== 'object' || channelData === null) return undefined;
  const value: unknown = Object.getOwnPropertyDescriptor(channelData, UPLOAD_REFUSED)?.value;
  if (typeof value !== 'object' || value === null) return undefined;
  const { reason, maxBytes } = value as Record<string, unknown>;
  if ((reason !== 'tooLarge' && reason !== 'unsupportedType') || typeof maxBytes !== 'number') return undefined;
  return { reason, maxBytes };
}

/** Teams' attachment for a file sent in personal chat: `content.downloadUrl` is a short-lived, pre-authorized link. */
export const TEAMS_FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';

/**
 * Whether an attachment is a file the user sent (to read, or to turn down as the wrong type), not part of
 * the message itself: cards and Teams' HTML copy of the message text are not files.
 */
export function isSentFile(attachment: { contentType?: string }): boolean {
  const type = baseMediaType(attachment.contentType);
  return type !== '' && !type.startsWith('application/vnd.microsoft.card.') && type !== 'text/html';
}
