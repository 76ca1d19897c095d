import type { Request, Response, Server } from 'restify';
import type { BotStore } from '../storage/types';

/** GET /healthz: 200 with the version and storage kind, 503 when storage does not answer. */
export function mountHealthRoute(server: Server, storage: BotStore, version: string): void {
  server.get('/healthz', async (_req: Request, res: Response) => {
    const storageOk = await storage.healthy();
    res.status(storageOk ? 200 : 503);
    res.json({ status: storageOk ? 'ok' : 'unavailable', version, storage: { kind: storage.kind, ok: storageOk } });
  });
}
