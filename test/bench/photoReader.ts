import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ConnectorStub } from './connectorStub';

/** One user who keeps sending a photo of a bill while the load runs (`--ocr`): how long each read took. */
export interface PhotoReads {
  reads: number;
  /** From the message with the photo to the bot's answer (the card with what it read), each read. */
  readMs: number[];
  failures: string[];
}

export interface PhotoReader {
  /** Stops after the read in progress; resolves with what was measured. */
  stop(): Promise<PhotoReads>;
}

/** Serves the photo on 127.0.0.1, as a channel serves an attachment's contentUrl. */
async function serveFile(bytes: Uint8Array, contentType: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': contentType, 'content-length': bytes.length });
    res.end(bytes);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

function post(url: URL, activity: Record<string, unknown>): Promise<number> {
  const payload = JSON.stringify(activity);
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } }, (res) => {
      res.resume().on('end', () => resolve(res.statusCode ?? 0));
    });
    req.setTimeout(60_000, () => req.destroy(new Error('no answer in 60 s')));
    req.on('error', reject);
    req.end(payload);
  });
}

/**
 * Starts one user who sends `photo` (a PNG of a bill) to the bot, waits for the card with what it read,
 * answers "Type instead" (nothing saved), and sends it again, until stopped: the OCR runs during the
 * other users' load. The bot fetches the photo from a local file server (local mode allows loopback).
 */
export async function startPhotoReader(options: { baseUrl: string; stub: ConnectorStub; photo: Uint8Array; runId: string; typeInstead: string }): Promise<PhotoReader> {
  const { stub, runId } = options;
  const files = await serveFile(options.photo, 'image/png');
  const messages = new URL('/api/messages', options.baseUrl);
  const conversationId = `${runId}-ocr`;
  const result: PhotoReads = { reads: 0, readMs: [], failures: [] };
  let stopping = false;
  let seq = 0;
  const activity = (extra: Record<string, unknown>) => ({
    type: 'message', id: `${conversationId}-${++seq}`, channelId: 'webchat', serviceUrl: stub.url, timestamp: new Date().toISOString(), locale: 'en-US',
    conversation: { id: conversationId, conversationType: 'personal' }, from: { id: `${runId}-ocr-user`, role: 'user' }, recipient: { id: 'bill-coach', role: 'bot' },
    ...extra,
  });
  const loop = (async () => {
    while (!stopping) {
      const t0 = performance.now();
      try {
        const status = await post(messages, activity({ attachments: [{ contentType: 'image/png', contentUrl: `${files.url}/bill-${seq}.png`, name: 'bill.png' }] }));
        const ms = performance.now() - t0;
        const replies = stub.take(conversationId);
        const card = replies.some((r) => r.attachments?.some((a) => a.contentType === 'application/vnd.microsoft.card.adaptive'));
        if (status !== 200 || !card) {
          if (result.failures.length < 5) result.failures.push(`photo read: HTTP ${status}, ${card ? 'card' : 'no card'} (${replies.map((r) => r.text?.slice(0, 60)).join(' | ')})`);
        } else {
          result.reads++;
          result.readMs.push(ms);
        }
        await post(messages, activity({ text: options.typeInstead }));
        stub.take(conversationId);
      } catch (err) {
        if (result.failures.length < 5) result.failures.push(`photo read: ${(err as Error).message}`);
      }
    }
  })();
  return {
    async stop() {
      stopping = true;
      await loop;
      stub.forget(conversationId);
      await files.close();
      return result;
    },
  };
}
