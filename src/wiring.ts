import path from 'node:path';
import { LocalLeaseStore } from './bot/localLeases';
import { ProfileStore } from './state/profileStore';
import { RootDialog } from '../dialogs/rootDialog';
import { createAdapter } from './bot/adapter';
import { createBotState } from './bot/botState';
import { CoachBot } from './bot/coachBot';
import { ReadingNow, createBillFiles } from './bot/attachmentFetcher';
import { botTokenSource } from './bot/botToken';
import { readDocument, shutdownReader } from './ingest/readDocument';
import { ReminderScheduler } from './bot/reminderScheduler';
import { createReminderScheduling } from './bot/reminderScheduling';
import { createUserDataEraser } from './state/userDataEraser';
import { ReminderStore } from './storage/reminderStore';
import type { Config } from './config';
import { ContentStore } from './content/contentStore';
import { loadDataFiles } from './content/dataFiles';
import { dataFigures } from './content/dataFigures';
import { loadMedicareData } from './content/medicareData';
import { loadHospitalData } from './content/hospitalData';
import { HospitalFinder } from './domain/hospitalMatch';
import { loadScenarios } from './content/scenarios';
import { loadFaq } from './content/faqFiles';
import { CONTENT_CACHE_FILE, clearYamlCache, useYamlCache } from './content/yamlCache';
import { FaqIndex } from './domain/faq';
import { Logger } from './logger';
import { projectRoot } from './projectRoot';
import { App, createApp } from './server/app';
import { createStorage } from './storage';
import type { BotStore } from './storage/types';

export interface Running {
  app: App;
  storage: BotStore;
  content: ContentStore;
  baseUrl: string;
  stop(): Promise<void>;
}

function packageVersion(): string {
  const pkg = require(path.join(projectRoot(), 'package.json')) as { version?: string };
  return pkg.version ?? '0.0.0';
}

/** config → storage → content → bot → server. The one place the pieces meet; tests use it too. */
/** Test seams: a fake reader where the real one is not the point; a fetch that routes a channel's file URL to a stub. */
export interface StartOverrides {
  readDocument?: typeof readDocument;
  fetchFile?: typeof fetch;
}

export async function startBot(config: Config, logger: Logger, overrides: StartOverrides = {}): Promise<Running> {
  useYamlCache(path.join(projectRoot(), 'dist', 'app', CONTENT_CACHE_FILE));
  // Data first: content and FAQ texts state its figures through {{data.…}} placeholders (one figure, one place).
  const data = loadDataFiles(path.join(projectRoot(), 'content', 'data'));
  const figures = dataFigures(data);
  const content = ContentStore.load(path.join(projectRoot(), 'content', 'en'), figures);
  const scenarios = loadScenarios(path.join(projectRoot(), 'content', 'en', 'rehearsal'));
  const faq = new FaqIndex(loadFaq(path.join(projectRoot(), 'content', 'en', 'faq'), figures));
  clearYamlCache();
  // Medicare's fee schedules (issue 22), after the content: the localities' plain names are in content/en.
  const medicareStarted = performance.now();
  const medicare = loadMedicareData(path.join(projectRoot(), 'content', 'data'), content);
  logger.info('medicare.loaded', { durationMs: Math.round(performance.now() - medicareStarted), count: medicare.pfs.rows.size });
  // CMS's hospital list (issue 23): ~5,400 rows, parsed and validated here; each state's search index is built on first use.
  const hospitalsStarted = performance.now();
  const hospitals = new HospitalFinder(loadHospitalData(path.join(projectRoot(), 'content', 'data', 'hospitals')));
  logger.info('hospitals.loaded', { durationMs: Math.round(performance.now() - hospitalsStarted), count: hospitals.size });
  const storage = createStorage({ kind: config.storage, dataDir: path.resolve(config.dataDir), blob: config.blob, retentionDays: config.retentionDays, logger });
  const { conversationState, userState } = createBotState(storage);
  const profiles = new ProfileStore(userState.createProperty('profile'));
  const reminderStore = new ReminderStore(storage);
  await reminderStore.init();
  const reminders = createReminderScheduling(reminderStore, () => new Date(), config.reminderDueAfterSeconds);
  const eraseUserData = createUserDataEraser({ storage, userState, conversationState, profiles, logger, reminderStore });
  const readingNow = new ReadingNow();
  // Fetching and reading share the 15 s a channel gives the turn: at most 3 s to fetch, then the read's own limit (≤ 12 s).
  const billFiles = createBillFiles({
    limits: config.upload, allowLoopbackHttp: config.localMode, timeoutMs: 3_000, readTimeoutMs: config.upload.readTimeoutMs,
    read: overrides.readDocument ?? readDocument, botToken: botTokenSource(config.auth),
    ...(overrides.fetchFile ? { fetchImpl: overrides.fetchFile } : {}),
  }, readingNow);
  const rootDialog = new RootDialog({ content, data, medicare, hospitals, scenarios, faq, reminders, profiles, eraseUserData, billFiles, now: () => new Date() });
  const bot = new CoachBot({ conversationState, userState, profiles, rootDialog, content, faq, logger });
  // sqlite and memory serve one process: its turn leases stay in memory (no extra writes per turn).
  // azure-blob is shared by several instances: the leases must be in the shared store.
  const leases = storage.kind === 'azure-blob' ? storage : new LocalLeaseStore();
  const { adapter, close: closeAdapter } = createAdapter({ config, logger, content, conversationState, leases, reading: readingNow });
  const app = createApp({ config, logger, adapter, bot, storage, content, version: packageVersion() });
  const baseUrl = await app.listen();
  const scheduler = new ReminderScheduler({ store: reminderStore, adapter, appId: config.auth.MicrosoftAppId, content, logger, intervalMs: config.reminderCheckMs });
  scheduler.start();
  return {
    app,
    storage,
    content,
    baseUrl,
    stop: async () => {
      await scheduler.stop();
      await app.close();
      closeAdapter();
      // The bill reader's OCR worker, if a file was read: ended, so nothing outlives the server.
      await shutdownReader();
      await storage.close();
    },
  };
}
