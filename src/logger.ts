import { createHash } from 'node:crypto';

/**
 * Structured JSON-lines logger that cannot leak what users type.
 *
 * Only an allow-list of field names is written; every string value is capped, and ids are
 * hashed with `hashId` before they reach a log line. Error messages are scrubbed (quoted text
 * and digit runs removed) because the SDK sometimes quotes keys or user values in them.
 */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const SAFE_KEYS = [
  'route', 'method', 'status', 'durationMs', 'channelId', 'activityType', 'conversation', 'user',
  'dialog', 'storage', 'port', 'host', 'count', 'errorName', 'errorMessage', 'version', 'kind',
  'reason', 'bytes', 'attempt', 'auth', 'step', 'bundle', 'codeCache', 'loadMs', 'readyMs',
] as const;
export type SafeKey = (typeof SAFE_KEYS)[number];
export type LogFields = Partial<Record<SafeKey, string | number | boolean | undefined>>;

export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields, err?: unknown): void;
  error(event: string, fields?: LogFields, err?: unknown): void;
}

export interface LoggerOptions {
  level: LogLevel;
  /** Where a finished line goes; defaults to stdout. */
  write?: (line: string) => void;
  now?: () => Date;
}

const SAFE_KEY_SET: ReadonlySet<string> = new Set(SAFE_KEYS);
const MAX_VALUE_LENGTH = 120;

/** A short, stable, one-way id for correlating log lines without storing the real id. */
export function hashId(id: string | undefined): string | undefined {
  if (!id) return undefined;
  return createHash('sha256').update(id).digest('hex').slice(0, 12);
}

/** Removes what could carry user data from an error message: quoted text, digits, e-mail-like tokens. */
export function scrubMessage(message: string): string {
  return message
    .replace(/(["'`])(?:(?!\1).)*\1/g, '"…"')
    .replace(/\S+@\S+/g, '…@…')
    .replace(/\d+/g, '#')
    .slice(0, MAX_VALUE_LENGTH);
}

function errorFields(err: unknown): LogFields {
  if (err instanceof Error) {
    return { errorName: err.name, errorMessage: scrubMessage(err.message) };
  }
  return { errorName: typeof err };
}

export function createLogger(options: LoggerOptions): Logger {
  const threshold = LOG_LEVELS.indexOf(options.level);
  const write = options.write ?? ((line: string) => process.stdout.write(line + '\n'));
  const now = options.now ?? (() => new Date());

  const emit = (level: LogLevel, event: string, fields?: LogFields, err?: unknown): void => {
    if (LOG_LEVELS.indexOf(level) < threshold) return;
    const record: Record<string, string | number | boolean> = {
      time: now().toISOString(),
      level,
      event: event.slice(0, MAX_VALUE_LENGTH),
    };
    const all: LogFields = { ...fields, ...(err === undefined ? {} : errorFields(err)) };
    for (const [key, value] of Object.entries(all)) {
      if (!SAFE_KEY_SET.has(key) || value === undefined) continue;
      record[key] = typeof value === 'string' ? value.slice(0, MAX_VALUE_LENGTH) : value;
    }
    write(JSON.stringify(record));
  };

  return {
    debug: (event, fields) => emit('debug', event, fields),
    info: (event, fields) => emit('info', event, fields),
    warn: (event, fields, err) => emit('warn', event, fields, err),
    error: (event, fields, err) => emit('error', event, fields, err),
  };
}

/** A logger that keeps its lines in memory: for tests and for proving what is (not) logged. */
export function createMemoryLogger(level: LogLevel = 'debug'): Logger & { lines: string[] } {
  const lines: string[] = [];
  const logger = createLogger({ level, write: (line) => lines.push(line) });
  return Object.assign(logger, { lines });
}
