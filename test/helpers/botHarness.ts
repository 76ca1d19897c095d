import { Activity, ActivityTypes, TestAdapter } from 'botbuilder';
import { ProfileStore } from '../../src/state/profileStore';
import { RootDialog } from '../../dialogs/rootDialog';
import { installTurnPipeline, type TurnPipeline } from '../../src/bot/pipeline';
import { createBotState } from '../../src/bot/botState';
import { CoachBot } from '../../src/bot/coachBot';
import { createReminderScheduling } from '../../src/bot/reminderScheduling';
import { createUserDataEraser } from '../../src/state/userDataEraser';
import { isReminderIndexKey, ReminderStore } from '../../src/storage/reminderStore';
import { ContentStore } from '../../src/content/contentStore';
import { Case, Profile, caseSchema, emptyProfile } from '../../src/domain/case';
import { createMemoryLogger } from '../../src/logger';
import path from 'node:path';
import { loadMedicareData } from '../../src/content/medicareData';
import { loadHospitalData } from '../../src/content/hospitalData';
import { HospitalFinder } from '../../src/domain/hospitalMatch';
import type { MedicareTables } from '../../src/domain/medicarePrice';
import { realContent, realData, realFaq, realScenarios } from './content';
import { MemoryBotStore } from './memoryBotStore';
import { aTurn } from './turnContext';
import type { BotStore } from '../../src/storage/types';
import { ReadingNow } from '../../src/bot/attachmentFetcher';
import type { BillFiles } from '../../dialogs/deps';

export interface Harness {
  adapter: TestAdapter;
  storage: BotStore;
  content: ContentStore;
  logger: ReturnType<typeof createMemoryLogger>;
  /** Sends a user message (or card value) and returns every reply of that turn. */
  say(textOrActivity: string | Partial<Activity>): Promise<Partial<Activity>[]>;
  /** The conversationUpdate a channel sends when the user opens the chat. */
  join(): Promise<Partial<Activity>[]>;
  profile(): Promise<Profile | undefined>;
  /** The active case as stored. */
  activeCase(): Promise<Case | undefined>;
  /** Stores a profile with one case (schema defaults applied), as if earlier visits had answered these. */
  seedCase(fields: Record<string, unknown>): Promise<void>;
  storedKeys(): string[];
  reminderStore: ReminderStore;
  /** What the harness installed around each turn: the production pipeline (TURN_PIPELINE). */
  pipeline: TurnPipeline;
}

/** "Typing…" would start after this long: past any test turn (see TurnPipelineDeps.typingDelayMs). */
const HARNESS_TYPING_DELAY_MS = 60_000;

/**
 * The whole bot (welcome, root dialog, interruptions, state saving) on the SDK's TestAdapter, on the
 * `webchat` channel so prompts render as suggested actions as they do in the real page.
 */
export interface HarnessOptions {
  /** Any backend; storedKeys() needs a MemoryBotStore (the default). */
  storage?: BotStore;
  userId?: string;
  conversationId?: string;
  /** 'webchat' (default) or 'msteams'. */
  channelId?: string;
  conversationType?: 'personal' | 'groupChat' | 'channel';
  /** The file port (issue 24), built on the harness's ReadingNow; without it the bot says it can't read files. */
  billFiles?: (reading: ReadingNow) => BillFiles;
}

let medicareTables: MedicareTables | undefined;

/** The real Medicare tables from content/data/medicare (loaded once per test file). */
export function realMedicare(): MedicareTables {
  medicareTables ??= loadMedicareData(path.join(__dirname, '..', '..', 'content', 'data'), realContent());
  return medicareTables;
}

let hospitalFinder: HospitalFinder | undefined;

/** CMS's hospital list from content/data/hospitals, searchable (loaded once per test file). */
export function realHospitals(): HospitalFinder {
  hospitalFinder ??= new HospitalFinder(loadHospitalData(path.join(__dirname, '..', '..', 'content', 'data', 'hospitals')));
  return hospitalFinder;
}

export function createHarness(options: HarnessOptions = {}): Harness {
  const content = realContent();
  const storage = options.storage ?? new MemoryBotStore();
  const logger = createMemoryLogger();
  const { conversationState, userState } = createBotState(storage);
  const profiles = new ProfileStore(userState.createProperty('profile'));
  const reminderStore = new ReminderStore(storage, () => new Date('2026-11-27T15:00:00Z'));
  const reminders = createReminderScheduling(reminderStore, () => new Date('2026-11-27T15:00:00Z'));
  const eraseUserData = createUserDataEraser({ storage, userState, conversationState, profiles, logger, reminderStore });
  const reading = new ReadingNow();
  const billFiles = options.billFiles?.(reading);
  const rootDialog = new RootDialog({ content, data: realData(), medicare: realMedicare(), hospitals: realHospitals(), scenarios: realScenarios(), faq: realFaq(), reminders, profiles, eraseUserData, ...(billFiles ? { billFiles } : {}), now: () => new Date('2026-11-27T15:00:00Z') });
  const bot = new CoachBot({ conversationState, userState, profiles, rootDialog, content, faq: realFaq(), logger });
  const userId = options.userId ?? 'user-1';
  const conversationId = options.conversationId ?? 'conv-1';
  const channelId = options.channelId ?? 'webchat';
  const conversationType = options.conversationType ?? 'personal';
  const adapter = new TestAdapter(async (context) => bot.run(context), {
    channelId,
    conversation: { id: conversationId, isGroup: conversationType !== 'personal', conversationType, name: '' },
    ...(channelId === 'msteams' ? { channelData: { tenant: { id: 'tenant-1' } } } : {}),
    from: { id: userId, name: '' },
    recipient: { id: 'bill-coach', name: 'Bill Coach' },
    serviceUrl: 'https://test.invalid',
    locale: 'en-US',
  });
  // The production pipeline (dedupe, failed-send marking, reply merging, typing, turn lease, typographer marks,
  // the error handler), so a test sees the messages a user sees.
  const pipeline = installTurnPipeline(adapter, { logger, content, conversationState, leases: storage, typingDelayMs: HARNESS_TYPING_DELAY_MS, reading });

  const drain = (): Partial<Activity>[] => {
    const out: Partial<Activity>[] = [];
    let next = adapter.activeQueue.shift();
    while (next) {
      out.push(next);
      next = adapter.activeQueue.shift();
    }
    return out;
  };

  return {
    adapter,
    storage,
    content,
    logger,
    reminderStore,
    pipeline,
    async say(textOrActivity) {
      const activity = typeof textOrActivity === 'string' ? { type: ActivityTypes.Message, text: textOrActivity } : { type: ActivityTypes.Message, ...textOrActivity };
      await adapter.receiveActivity(activity);
      return drain();
    },
    async join() {
      await adapter.receiveActivity({
        type: ActivityTypes.ConversationUpdate,
        membersAdded: [{ id: 'bill-coach', name: 'Bill Coach' }, { id: userId, name: '' }],
      });
      return drain();
    },
    async activeCase() {
      const profile = await this.profile();
      return profile?.cases.find((c) => c.id === profile.activeCaseId);
    },
    async seedCase(fields) {
      const stamp = '2026-11-27T15:00:00.000Z';
      const seeded = caseSchema.parse({ id: 'case-1', label: 'Mercy General', createdAt: stamp, updatedAt: stamp, ...fields });
      const profile: Profile = { ...emptyProfile(), cases: [seeded], activeCaseId: seeded.id, conversations: [conversationId] };
      const key = userState.getStorageKey(aTurn('', { channelId, userId })) ?? '';
      await storage.write({ [key]: { profile } });
    },
    async profile() {
      const key = userState.getStorageKey(aTurn('', { channelId, userId })) ?? '';
      const read = await storage.read([key]);
      return (read[key] as { profile?: Profile } | undefined)?.profile;
    },
    storedKeys() {
      if (!(storage instanceof MemoryBotStore)) throw new Error('storedKeys() needs the harness\'s MemoryBotStore');
      // The reminder index documents are shared by all users (their own entries are checked separately).
      return storage.keys().filter((key) => !isReminderIndexKey(key));
    },
  };
}

/**
 * Sends each answer in turn, as a user types them one message at a time, and returns the replies to the last;
 * `seen`, when given, collects the replies to every one.
 */
export async function sayAll(h: Pick<Harness, 'say'>, answers: readonly string[], seen?: Partial<Activity>[][]): Promise<Partial<Activity>[]> {
  let last: Partial<Activity>[] = [];
  for (const answer of answers) {
    last = await h.say(answer);
    seen?.push(last);
  }
  return last;
}

export const texts = (activities: Partial<Activity>[]): string[] =>
  activities.filter((a) => a.type === ActivityTypes.Message && typeof a.text === 'string').map((a) => a.text ?? '');

/**
 * Matches a message that begins with `text`. Short notes travel in one message with the question after them (the
 * reply merging users get), so a note is checked with `expect(texts(r)[0]).toEqual(startsWith(note))`.
 */
export const startsWith = (text: string) => expect.stringMatching(new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));

export const buttons = (activity: Partial<Activity> | undefined): string[] =>
  (activity?.suggestedActions?.actions ?? []).map((a) => String(a.title));

export const lastPrompt = (activities: Partial<Activity>[]): Partial<Activity> | undefined =>
  [...activities].reverse().find((a) => a.type === ActivityTypes.Message && a.suggestedActions);
