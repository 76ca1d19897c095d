import type { TurnContext } from 'botbuilder';
import type { ContentStore } from '../src/content/contentStore';
import type { DataFiles } from '../src/content/dataFiles';
import type { Scenario } from '../src/domain/scenario';
import type { FaqIndex } from '../src/domain/faq';
import type { ProfileStore } from '../src/state/profileStore';

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

/** Everything a dialog needs enters through this object, so tests can pass fakes. */
export interface DialogDeps {
  content: ContentStore;
  /** Yearly figures from content/data (poverty guidelines, assistance tiers, offer strategy). */
  data: DataFiles;
  /** Rehearsal scenarios from content/en/rehearsal. */
  scenarios: Scenario[];
  /** Vetted answers, searchable (content/en/faq). */
  faq: FaqIndex;
  /** Sets follow-up reminders in the current conversation. */
  reminders: ReminderScheduling;
  profiles: ProfileStore;
  /** Erases every record of the current user in storage ("delete my data"). */
  eraseUserData(context: TurnContext): Promise<void>;
  now(): Date;
}
