import { z } from 'zod';
import { BILL_FILE_TYPES, isBillFileType, type BillFileType } from './fileUploads';
import { LOG_LEVELS } from './logger';
import { STORAGE_KINDS } from './storage/types';

const emptyToUndefined = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const intIn = (min: number, max: number, fallback: number, what: string) =>
  z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: `expected ${what}` })
      .int({ error: `expected ${what}` })
      .min(min, { error: `expected ${what}` })
      .max(max, { error: `expected ${what}` })
      .default(fallback),
  );

const optionalText = z.preprocess(emptyToUndefined, z.string().trim().optional());

export const APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;

/** Every setting the bot reads, with its safe default. `.env.example` documents each one. */
const schema = z
  .object({
    PORT: intIn(0, 65535, 3978, 'a port number from 0 to 65535'),
    HOST: z.preprocess(emptyToUndefined, z.string().default('127.0.0.1')),
    PUBLIC_URL: z.preprocess(
      emptyToUndefined,
      z.url({ protocol: /^https?$/, error: 'expected an http(s) URL such as https://bot.example.org' }).optional(),
    ),
    MicrosoftAppId: optionalText,
    MicrosoftAppPassword: optionalText,
    MicrosoftAppType: z.preprocess(
      emptyToUndefined,
      z.enum(APP_TYPES, { error: `expected one of ${APP_TYPES.join(', ')}` }).default('MultiTenant'),
    ),
    MicrosoftAppTenantId: optionalText,
    STORAGE: z.preprocess(
      emptyToUndefined,
      z.enum(STORAGE_KINDS, { error: `expected one of ${STORAGE_KINDS.join(', ')}` }).default('sqlite'),
    ),
    DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('./data')),
    BLOB_CONNECTION_STRING: optionalText,
    BLOB_CONTAINER: z.preprocess(
      emptyToUndefined,
      z.string().regex(/^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$/, {
        error: 'expected 3 to 63 lowercase letters, digits and single hyphens (an Azure container name)',
      }).default('billcoach'),
    ),
    DATA_RETENTION_DAYS: intIn(1, 3650, 90, 'a whole number of days from 1 to 3650'),
    LOG_LEVEL: z.preprocess(
      emptyToUndefined,
      z.enum(LOG_LEVELS, { error: `expected one of ${LOG_LEVELS.join(', ')}` }).default('info'),
    ),
    LOCAL_CONVERSATION_TTL_MINUTES: intIn(1, 7 * 24 * 60, 120, 'a whole number of minutes from 1 to 10080'),
    LOCAL_MAX_CONVERSATIONS: intIn(1, 1_000_000, 2000, 'a whole number from 1 to 1000000'),
    MAX_BODY_KB: intIn(16, 10_240, 512, 'a whole number of kilobytes from 16 to 10240'),
    MAX_CONCURRENT_TURNS: intIn(2, 10_000, 64, 'a whole number from 2 to 10000'),
    MAX_WAITING_TURNS: intIn(0, 100_000, 1000, 'a whole number from 0 to 100000'),
    REMINDER_CHECK_SECONDS: intIn(1, 3600, 60, 'a whole number of seconds from 1 to 3600'),
    UPLOAD_MAX_KB: intIn(64, 51_200, 10_240, 'a whole number of kilobytes from 64 to 51200'),
    UPLOAD_TYPES: z.preprocess(
      emptyToUndefined,
      z.string()
        .transform((list) => list.split(',').map((t) => t.trim().toLowerCase()).filter(Boolean))
        .refine((types) => types.length > 0 && types.every(isBillFileType), { error: `expected a comma-separated list of ${BILL_FILE_TYPES.join(', ')}` })
        .optional(),
    ),
    // Reading happens inside the user's turn, and channels (Direct Line, Teams, the local one) give a turn 15 s:
    // a read allowed longer would be cut off by the channel instead of ending with the bot's own clear message.
    UPLOAD_READ_TIMEOUT_SECONDS: intIn(5, 12, 10, 'a whole number of seconds from 5 to 12 (a channel gives a turn 15 seconds, fetching the file included)'),
    REMINDER_DUE_AFTER_SECONDS: z.preprocess(
      emptyToUndefined,
      z.coerce.number({ error: 'expected a whole number of seconds from 0 to 86400' }).int({ error: 'expected a whole number of seconds from 0 to 86400' }).min(0, { error: 'expected a whole number of seconds from 0 to 86400' }).max(86_400, { error: 'expected a whole number of seconds from 0 to 86400' }).optional(),
    ),
  })
  .superRefine((env, ctx) => {
    if (env.STORAGE === 'azure-blob' && !env.BLOB_CONNECTION_STRING) {
      ctx.addIssue({ code: 'custom', path: ['BLOB_CONNECTION_STRING'], message: 'required when STORAGE is azure-blob' });
    }
    if (env.BLOB_CONNECTION_STRING && !/(^|;)\s*(BlobEndpoint|AccountName|UseDevelopmentStorage)\s*=/i.test(env.BLOB_CONNECTION_STRING)) {
      ctx.addIssue({ code: 'custom', path: ['BLOB_CONNECTION_STRING'], message: 'expected an Azure Storage connection string (AccountName=…;AccountKey=… or BlobEndpoint=…;SharedAccessSignature=…)' });
    }
    if (env.MicrosoftAppType === 'SingleTenant' && env.MicrosoftAppId && !env.MicrosoftAppTenantId) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppTenantId'], message: 'required when MicrosoftAppType is SingleTenant' });
    }
    if (env.MicrosoftAppId && !env.MicrosoftAppPassword && env.MicrosoftAppType !== 'UserAssignedMSI') {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppPassword'], message: 'required when MicrosoftAppId is set' });
    }
  });

export type Env = z.infer<typeof schema>;

export interface Config {
  port: number;
  host: string;
  publicUrl?: string;
  auth: {
    MicrosoftAppId: string;
    MicrosoftAppPassword: string;
    MicrosoftAppType: (typeof APP_TYPES)[number];
    MicrosoftAppTenantId: string;
  };
  /** True when no app id is set: no authentication, local web chat mounted. Never for a deployment. */
  localMode: boolean;
  storage: (typeof STORAGE_KINDS)[number];
  dataDir: string;
  /** Set when storage is 'azure-blob'. The connection string is a secret: never logged. */
  blob?: { connectionString: string; container: string };
  retentionDays: number;
  logLevel: (typeof LOG_LEVELS)[number];
  localConversationTtlSeconds: number;
  localMaxConversations: number;
  maxBodyBytes: number;
  /** Turns run at once at most (the gate lowers this while the CPU is the bottleneck; see turnGate.ts). */
  maxConcurrentTurns: number;
  /** Turns that may wait for a slot; more are answered 503 with Retry-After. */
  maxWaitingTurns: number;
  reminderCheckMs: number;
  /** Bill and EOB files users send: the largest accepted, the types accepted, how long reading one may take. */
  upload: { maxBytes: number; types: readonly BillFileType[]; readTimeoutMs: number };
  /** Demos and tests: a new reminder is due this many seconds after it is set, not on its date. */
  reminderDueAfterSeconds?: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid settings:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads the settings, naming every bad key (one line each) instead of starting half-configured. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'settings'}: ${issue.message}`);
    throw new ConfigError([...new Set(problems)]);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    auth: {
      MicrosoftAppId: e.MicrosoftAppId ?? '',
      MicrosoftAppPassword: e.MicrosoftAppPassword ?? '',
      MicrosoftAppType: e.MicrosoftAppType,
      MicrosoftAppTenantId: e.MicrosoftAppTenantId ?? '',
    },
    localMode: !e.MicrosoftAppId,
    storage: e.STORAGE,
    dataDir: e.DATA_DIR,
    blob: e.STORAGE === 'azure-blob' && e.BLOB_CONNECTION_STRING
      ? { connectionString: e.BLOB_CONNECTION_STRING, container: e.BLOB_CONTAINER }
      : undefined,
    retentionDays: e.DATA_RETENTION_DAYS,
    logLevel: e.LOG_LEVEL,
    localConversationTtlSeconds: e.LOCAL_CONVERSATION_TTL_MINUTES * 60,
    localMaxConversations: e.LOCAL_MAX_CONVERSATIONS,
    maxBodyBytes: e.MAX_BODY_KB * 1024,
    maxConcurrentTurns: e.MAX_CONCURRENT_TURNS,
    maxWaitingTurns: e.MAX_WAITING_TURNS,
    reminderCheckMs: e.REMINDER_CHECK_SECONDS * 1000,
    upload: {
      maxBytes: e.UPLOAD_MAX_KB * 1024,
      types: [...new Set((e.UPLOAD_TYPES ?? [...BILL_FILE_TYPES]).filter(isBillFileType))],
      readTimeoutMs: e.UPLOAD_READ_TIMEOUT_SECONDS * 1000,
    },
    reminderDueAfterSeconds: e.REMINDER_DUE_AFTER_SECONDS,
  };
}

/** Loads `.env` from the working directory when there is one (real environment variables win). */
export function loadDotEnv(file = '.env'): void {
  try {
    process.loadEnvFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}
