import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { Config } from '../config';
import { TurnPipeline, TurnPipelineDeps, installTurnPipeline } from './pipeline';

export interface AdapterDeps extends TurnPipelineDeps {
  config: Pick<Config, 'auth'>;
}

export interface BotAdapter {
  adapter: CloudAdapter;
  /** The middleware and error handler every turn passes through (see pipeline.ts). */
  pipeline: TurnPipeline;
  close(): void;
}

/**
 * CloudAdapter with the four auth keys (an empty app id switches authentication off: local mode only)
 * and the turn pipeline the tests' harness installs too (installTurnPipeline).
 */
export function createAdapter({ config, ...deps }: AdapterDeps): BotAdapter {
  // Only the four auth keys: the SDK reads every key it is given.
  const auth = new ConfigurationBotFrameworkAuthentication({ ...config.auth });
  const adapter = new CloudAdapter(auth);
  const pipeline = installTurnPipeline(adapter, deps);
  return { adapter, pipeline, close: () => pipeline.close() };
}
