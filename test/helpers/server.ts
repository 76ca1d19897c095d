import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { createMemoryLogger } from '../../src/logger';
import { Running, StartOverrides, startBot } from '../../src/wiring';

export interface TestServer extends Running {
  dataDir: string;
  logger: ReturnType<typeof createMemoryLogger>;
  close(): Promise<void>;
}

/** The real bot and server, in this process, on 127.0.0.1 and a free port, with sqlite in a temp folder (and any test seams). */
export async function startTestServer(env: Record<string, string> = {}, overrides: StartOverrides = {}): Promise<TestServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bc-http-'));
  const logger = createMemoryLogger('debug');
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', STORAGE: 'sqlite', DATA_DIR: dataDir, ...env });
  const running = await startBot(config, logger, overrides);
  return {
    ...running,
    dataDir,
    logger,
    close: async () => {
      await running.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** One test server for the describe block it is called in: started before its tests, closed after them. */
export function useTestServer(env: Record<string, string> = {}): { readonly baseUrl: string; readonly server: TestServer } {
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startTestServer(env);
  });
  afterAll(async () => server?.close());
  const running = (): TestServer => {
    if (!server) throw new Error('useTestServer: the server starts in beforeAll; use it inside a test');
    return server;
  };
  return {
    get baseUrl() { return running().baseUrl; },
    get server() { return running(); },
  };
}
