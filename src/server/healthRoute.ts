import type { Request, Response, Server } from 'restify';
import type { BotStore } from '../storage/types';

/** What the turn gate reports: turns running now, turns waiting for a slot, and the current limit. */
export interface TurnLoad {
  running: number;
  waiting: number;
  limit: number;
}

/**
 * GET /healthz: 200 with the version, the storage kind and the turn gate's load; 503 when storage does not
 * answer. The load lets an operator see a busy instance (turns waiting) before users feel it; it carries
 * counts only.
 */
export function mountHealthRoute(server: Server, storage: BotStore, version: string, turns: () => TurnLoad): void {
  server.get('/healthz', async (_req: Request, res: Response) => {
    const storageOk = await storage.healthy();
    res.status(storageOk ? 200 : 503);
    res.json({ status: storageOk ? 'ok' : 'unavailable', version, storage: { kind: storage.kind, ok: storageOk }, turns: turns() });
  });
}
