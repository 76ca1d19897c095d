import type { Activity, Attachment } from 'botbuilder';
import type { ContentStore } from '../../src/content/contentStore';
import { isSentFile, uploadRefusalOf, type UploadRefusal } from '../../src/fileUploads';
import { normalizeUtterance } from '../commands';

/** What a message brings for the upload dialog: files to read, a file the channel refused, or nothing. */
export type FileInput = { kind: 'files'; files: Attachment[] } | { kind: 'refused'; refusal: UploadRefusal } | undefined;

export function fileInputOf(activity: Partial<Activity>): FileInput {
  if (activity.type !== 'message') return undefined;
  const refusal = uploadRefusalOf(activity.channelData);
  if (refusal) return { kind: 'refused', refusal };
  const files = (activity.attachments ?? []).filter(isSentFile);
  return files.length > 0 ? { kind: 'files', files } : undefined;
}

/** Whether the user pressed (or typed) "Send a photo or PDF of the bill". */
export function isUploadRequest(activity: Partial<Activity>, content: ContentStore): boolean {
  return typeof activity.text === 'string' && activity.text.length <= 60 && normalizeUtterance(activity.text) === normalizeUtterance(content.text('upload.button'));
}

/** Whether `text` (or a card's `{ command }`) means one of the phrases of `key` (a content list) or that command. */
export function saidOneOf(activity: Partial<Activity>, content: ContentStore, key: string, command: string): boolean {
  const value: unknown = activity.value;
  if (value && typeof value === 'object' && (value as { command?: unknown }).command === command) return true;
  const said = normalizeUtterance(activity.text ?? '');
  return said !== '' && content.list(key).some((p) => normalizeUtterance(p) === said);
}

/** "10 MB" (or "64 KB", under a megabyte) for a limit in bytes. */
export const megabytes = (bytes: number): string =>
  bytes < 1024 * 1024 ? `${Math.round(bytes / 1024)} KB` : `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
