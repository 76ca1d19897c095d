import { ConfigError, loadConfig, loadDotEnv } from './config';
import { ContentError } from './content/contentStore';
import { Logger, createLogger } from './logger';
import { Running, startBot } from './wiring';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/** Stops cleanly on SIGINT/SIGTERM, also when the signal arrives while the bot is still starting. */
function handleSignals(logger: Logger, started: Promise<Running>): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('server.stopping', { reason: signal });
    started
      .then((running) => running.stop())
      .then(
        () => process.exit(0),
        (err: unknown) => {
          logger.error('server.stop_failed', {}, err);
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

/** How the code was loaded (see src/index.ts): logged at startup, so a slow start can be explained. */
export interface LoadInfo {
  bundle: 'used' | 'off' | 'absent' | 'stale';
  codeCache: 'used' | 'rejected' | 'absent';
  loadMs: number;
}

/** Reads the settings, starts the bot and its server, and stops cleanly on a signal; exits on a bad setting. */
export async function main(load?: LoadInfo): Promise<void> {
  loadDotEnv();
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) fail(`${err.message}\nSee .env.example for every setting and its default.`);
    throw err;
  }
  const logger = createLogger({ level: config.logLevel });
  const started = startBot(config, logger);
  handleSignals(logger, started);
  let running: Running;
  try {
    running = await started;
  } catch (err) {
    if (err instanceof ContentError) fail(`Content problem: ${err.message}`);
    throw err;
  }
  logger.info('server.ready', { ...(load ?? { bundle: 'absent', codeCache: 'absent' }), readyMs: Math.round(performance.now()) });
  if (config.localMode) process.stdout.write(`\nBill Coach is running: open ${running.baseUrl} in your browser.\n\n`);
}

/** Runs main(), turning any startup failure into one line on stderr and exit code 1. */
export function run(load?: LoadInfo): void {
  main(load).catch((err: unknown) => fail(`Bill Coach could not start: ${err instanceof Error ? err.message : String(err)}`));
}
