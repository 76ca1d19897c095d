import { ConfigError, loadConfig, loadDotEnv } from './config';
import { ContentError } from './content/contentStore';
import { createLogger } from './logger';
import { startBot } from './wiring';

async function main(): Promise<void> {
  loadDotEnv();
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\nSee .env.example for every setting and its default.\n`);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger({ level: config.logLevel });
  let running;
  try {
    running = await startBot(config, logger);
  } catch (err) {
    if (err instanceof ContentError) {
      process.stderr.write(`Content problem: ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  if (config.localMode) {
    process.stdout.write(`\nBill Coach is running: open ${running.baseUrl} in your browser.\n\n`);
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('server.stopping', { reason: signal });
    running.stop().then(
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

main().catch((err: unknown) => {
  process.stderr.write(`Bill Coach could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
