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

async function main(): Promise<void> {
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
  if (config.localMode) process.stdout.write(`\nBill Coach is running: open ${running.baseUrl} in your browser.\n\n`);
}

main().catch((err: unknown) => fail(`Bill Coach could not start: ${err instanceof Error ? err.message : String(err)}`));
