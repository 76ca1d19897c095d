import restify, { Server } from 'restify';
import type { CloudAdapter } from 'botbuilder';
import type { Config } from '../config';
import type { ContentStore } from '../content/contentStore';
import { Logger } from '../logger';
import type { BotStore } from '../storage/types';
import { mountHealthRoute } from './healthRoute';
import { LocalChannel, mountLocalChannel } from './localChannel';
import { skippingMultipart } from './localChannel/uploadMultipart';
import { TurnHandler, mountMessagesRoute } from './messagesRoute';
import { TurnGate } from './turnGate';
import { mountWebChatPage } from './webChatPage';

export const BOT_ID = 'bill-coach';

export interface AppDeps {
  config: Config;
  logger: Logger;
  adapter: CloudAdapter;
  bot: TurnHandler;
  storage: BotStore;
  content: ContentStore;
  version: string;
}

export interface App {
  server: Server;
  localChannel?: LocalChannel;
  /** Starts listening; resolves with the base URL (http://host:port). */
  listen(): Promise<string>;
  close(): Promise<void>;
}

/**
 * The HTTP edge: /api/messages and /healthz always; the local web chat page and Direct Line stand-in
 * only without credentials. Errors are JSON `{ error: { code, message } }`, never an HTML page.
 */
export function createApp(deps: AppDeps): App {
  const { config, logger } = deps;
  const server = restify.createServer({ name: 'bill-coach', handleUncaughtExceptions: false });
  let baseUrl = config.publicUrl ?? `http://${config.host}:${config.port}`;

  server.pre((req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    (req as { startedAt?: number }).startedAt = Date.now();
    return next();
  });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  // Multipart bodies skip restify's parser (it would write uploaded files to disk): the upload route reads them.
  server.use(skippingMultipart(restify.plugins.bodyParser({ maxBodySize: config.maxBodyBytes, mapParams: false, mapFiles: false })));
  server.on('restifyError', (_req, _res, err: Error & { toJSON?: () => unknown; body?: { code?: string } }, callback: () => void) => {
    const code = err.body?.code ?? err.name.replace(/Error$/, '');
    err.toJSON = () => ({ error: { code, message: err.message } });
    callback();
  });
  server.on('after', (req, res, route) => {
    const startedAt = (req as { startedAt?: number }).startedAt ?? Date.now();
    const path = (route as { spec?: { path?: string } } | undefined)?.spec?.path;
    logger.debug('http.request', { method: req.method, route: typeof path === 'string' ? path : 'unmatched', status: res.statusCode, durationMs: Date.now() - startedAt });
  });

  const turnGate = new TurnGate({ maxConcurrency: config.maxConcurrentTurns, maxWaiting: config.maxWaitingTurns });
  mountMessagesRoute(server, deps.adapter, deps.bot, turnGate, logger);
  mountHealthRoute(server, deps.storage, deps.version, () => turnGate.stats);

  let localChannel: LocalChannel | undefined;
  if (config.localMode) {
    mountWebChatPage(server, deps.content, deps.config.upload.types);
    localChannel = mountLocalChannel(server, {
      baseUrl: () => baseUrl,
      botId: BOT_ID,
      conversationTtlSeconds: config.localConversationTtlSeconds,
      maxConversations: config.localMaxConversations,
      uploads: config.upload,
      logger,
    });
  }

  return {
    server,
    localChannel,
    listen: () =>
      new Promise<string>((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => {
          const address = server.address();
          const host = config.host.includes(':') ? `[${config.host}]` : config.host;
          if (!config.publicUrl) baseUrl = `http://${host}:${address.port}`;
          logger.info('server.listening', { host: config.host, port: address.port, auth: config.localMode ? 'off-local-mode' : 'on' });
          resolve(`http://${host}:${address.port}`);
        });
      }),
    close: () =>
      new Promise<void>((resolve) => {
        localChannel?.close();
        turnGate.stop();
        const force = setTimeout(() => server.server.closeAllConnections(), 2000).unref();
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        server.server.closeIdleConnections();
      }),
  };
}
