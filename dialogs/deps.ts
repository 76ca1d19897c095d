import type { Attachment, TurnContext } from 'botbuilder';
import type { ContentStore } from '../src/content/contentStore';
import type { DataFiles } from '../src/content/dataFiles';
import type { MedicareTables } from '../src/domain/medicarePrice';
import type { Scenario } from '../src/domain/scenario';
import type { FaqIndex } from '../src/domain/faq';
import type { HospitalFinder } from '../src/domain/hospitalMatch';
import type { ProfileStore } from '../src/state/profileStore';
import type { ReadDocument, ReadFailure, ReadProgress } from '../src/ingest/types';

export interface ReminderRequest {
  followUpId: string;
  date: string;
  vars: Record<string, string>;
}

/** The port dialogs use to set reminders in the current conversation (they never touch storage); the bot implements it. */
export interface ReminderScheduling {
  schedule(context: TurnContext, request: ReminderRequest): Promise<{ dueAt: string }>;
  /** A case was deleted: its reminders go (follow-up ids are `<caseId>-<followUpId>`). */
  cancelCase(context: TurnContext, caseId: string): Promise<void>;
}

/** A file the user sent, fetched (bytes in memory only), or why it could not be. */
export type FetchedFile = { ok: true; bytes: Uint8Array; contentType: string } | { ok: false; problem: 'tooLarge' | 'unsupportedType' | 'unreachable' };

/**
 * The port dialogs use to read a bill or an EOB the user sent (issue 24); the bot implements it. The bytes
 * live only in the caller's memory: fetching one deletes it from the channel's store where there is one.
 */
export interface BillFiles {
  /** Largest file accepted, in bytes (said in "too large" answers). */
  readonly maxBytes: number;
  /** The attachment's bytes, from the local channel, the channel's host (with the bot's token where needed) or Teams' download URL. */
  fetch(context: TurnContext, attachment: Attachment): Promise<FetchedFile>;
  /** Reads the bytes (a PDF's text, or OCR), time-limited; reports each page as it starts. */
  read(bytes: Uint8Array, contentType: string, onProgress: (p: ReadProgress) => void): Promise<ReadDocument | ReadFailure>;
  /** Runs `work` with the conversation marked as reading: a file sent meanwhile is told "still reading". */
  whileReading<T>(context: TurnContext, work: () => Promise<T>): Promise<T>;
}

/** Everything a dialog needs enters through this object, so tests can pass fakes. */
export interface DialogDeps {
  content: ContentStore;
  /** Yearly figures from content/data (poverty guidelines, assistance tiers, offer strategy). */
  data: DataFiles;
  /** Medicare's fee schedules and localities from content/data/medicare, validated at startup (issue 22). */
  medicare: MedicareTables;
  /** CMS's hospital list from content/data/hospitals, searchable (issue 23); without it no hospital is looked up. */
  hospitals?: HospitalFinder;
  /** Rehearsal scenarios from content/en/rehearsal. */
  scenarios: Scenario[];
  /** Vetted answers, searchable (content/en/faq). */
  faq: FaqIndex;
  /** Sets follow-up reminders in the current conversation. */
  reminders: ReminderScheduling;
  profiles: ProfileStore;
  /** Erases every record of the current user in storage ("delete my data"). */
  eraseUserData(context: TurnContext): Promise<void>;
  /** Reads bills and EOBs sent as files; without it a file gets "type the lines instead". */
  billFiles?: BillFiles;
  now(): Date;
}
