import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import restify from 'restify';
import { UPLOAD_REFUSED } from '../../src/fileUploads';
import { createMemoryLogger } from '../../src/logger';
import { mountLocalChannel, type LocalChannel } from '../../src/server/localChannel';
import { skippingMultipart, parseMultipart, multipartBoundary } from '../../src/server/localChannel/uploadMultipart';
import { UploadStore } from '../../src/server/localChannel/uploadStore';

type Json = { [key: string]: unknown };
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2000, 0x20), Buffer.from('\n%%EOF\n')]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100)]);

interface Harness {
  base: string;
  channel: LocalChannel;
  received: Json[];
  /** What the fake bot fetched from each attachment's contentUrl: status and byte length. */
  fetched: { status: number; bytes: number; type: string | null; again: number }[];
  logLines: string[];
  close(): Promise<void>;
}

/** The channel on a bare server whose fake bot fetches every attachment twice (the second must be 404). */
async function start(maxBytes = 64 * 1024): Promise<Harness> {
  const server = restify.createServer();
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(skippingMultipart(restify.plugins.bodyParser({ mapParams: false, mapFiles: false })));
  let base = '';
  const received: Json[] = [];
  const fetched: Harness['fetched'] = [];
  const logger = createMemoryLogger('debug');
  const channel = mountLocalChannel(server, {
    baseUrl: () => base, botId: 'bill-coach', conversationTtlSeconds: 60, maxConversations: 20, longPollMs: 200, logger,
    uploads: { maxBytes, types: ['image/png', 'image/jpeg', 'image/webp', 'application/pdf'] },
  });
  server.post('/api/messages', async (req, res) => {
    const activity = req.body as Json;
    received.push(activity);
    for (const a of (activity.attachments ?? []) as Json[]) {
      const first = await fetch(String(a.contentUrl));
      const bytes = (await first.arrayBuffer()).byteLength;
      const again = await fetch(String(a.contentUrl));
      await again.arrayBuffer();
      fetched.push({ status: first.status, bytes, type: first.headers.get('content-type'), again: again.status });
    }
    res.send(200);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}`;
  return {
    base, channel, received, fetched, logLines: logger.lines,
    close: async () => {
      channel.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function conversation(h: Harness): Promise<{ token: string; conversationId: string }> {
  const res = await fetch(`${h.base}/v3/directline/tokens/generate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: { id: 'u-1' } }) });
  const grant = (await res.json()) as { token: string; conversationId: string };
  await fetch(`${h.base}/v3/directline/conversations`, { method: 'POST', headers: { authorization: `Bearer ${grant.token}` } });
  return grant;
}

/** What directlinejs sends: an `activity` blob (Chrome names it "blob") and one `file` part per attachment. */
function form(files: { bytes: Buffer; type: string; name: string }[]): FormData {
  const body = new FormData();
  const activity = { type: 'message', from: { id: 'u-1' }, attachments: files.map((f) => ({ contentType: f.type, name: f.name })) };
  body.append('activity', new Blob([JSON.stringify(activity)], { type: 'application/vnd.microsoft.activity' }), 'blob');
  for (const f of files) body.append('file', new Blob([new Uint8Array(f.bytes)], { type: f.type }), f.name);
  return body;
}

async function upload(h: Harness, grant: { token: string; conversationId: string }, body: FormData | string, contentType?: string): Promise<{ status: number; body: Json }> {
  const res = await fetch(`${h.base}/v3/directline/conversations/${grant.conversationId}/upload?userId=u-1`, {
    method: 'POST', headers: { authorization: `Bearer ${grant.token}`, ...(contentType ? { 'content-type': contentType } : {}) }, body,
  });
  return { status: res.status, body: (await res.json()) as Json };
}

describe('Direct Line upload on the local channel', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await start();
  });
  afterEach(async () => h.close());

  it('posts the user activity with a contentUrl the bot fetches once; after the read nothing is held', async () => {
    const grant = await conversation(h);
    const tmpBefore = new Set(fs.readdirSync(os.tmpdir()));
    const answer = await upload(h, grant, form([{ bytes: PDF, type: 'application/pdf', name: 'my bill.pdf' }]));
    expect(answer.status).toBe(200);
    expect(typeof answer.body.id).toBe('string');
    const message = h.received.find((a) => a.type === 'message') as Json;
    const attachments = message.attachments as Json[];
    expect(attachments).toHaveLength(1);
    expect(attachments[0]).toMatchObject({ contentType: 'application/pdf', name: 'my bill.pdf' });
    expect(String(attachments[0]?.contentUrl)).toMatch(new RegExp(`^${h.base}/v3/attachments/[\\w-]{43}$`));
    expect(message.from).toEqual({ id: 'u-1', role: 'user' });
    expect(h.fetched).toEqual([{ status: 200, bytes: PDF.length, type: 'application/pdf', again: 404 }]);
    expect(h.channel.heldUploads()).toBe(0);
    // The user's message is in the transcript Web Chat reads back.
    const read = await fetch(`${h.base}/v3/directline/conversations/${grant.conversationId}/activities`, { headers: { authorization: `Bearer ${grant.token}` } });
    const { activities } = (await read.json()) as { activities: Json[] };
    expect(activities.filter((a) => a.type === 'message' && Array.isArray(a.attachments))).toHaveLength(1);
    // Never on disk (nothing new in the temp folder), never a name or content in the logs.
    // Other test files may make temp folders meanwhile: what matters is that no new file holds the upload's bytes.
    const newFiles = fs.readdirSync(os.tmpdir()).filter((name) => !tmpBefore.has(name)).map((name) => path.join(os.tmpdir(), name)).filter((file) => fs.statSync(file, { throwIfNoEntry: false })?.isFile());
    expect(newFiles.filter((file) => fs.readFileSync(file).includes(PDF.subarray(0, 40)))).toEqual([]);
    expect(h.logLines.join('\n')).not.toMatch(/my bill|PDF-1\.4/);
  });

  it('refuses a file over the limit with 413 and tells the bot, without the file', async () => {
    const grant = await conversation(h);
    const answer = await upload(h, grant, form([{ bytes: Buffer.concat([PDF, Buffer.alloc(400 * 1024)]), type: 'application/pdf', name: 'big.pdf' }]));
    expect(answer.status).toBe(413);
    expect(answer.body).toEqual({ error: { code: 'PayloadTooLarge', message: 'The upload is larger than the 0.1 MB limit.' } });
    const note = h.received.find((a) => a.type === 'message') as Json;
    expect(note.channelData).toEqual({ [UPLOAD_REFUSED]: { reason: 'tooLarge', maxBytes: 64 * 1024 } });
    expect(note.attachments).toBeUndefined();
    expect(h.channel.heldUploads()).toBe(0);
  });

  it('refuses what is not an image or a PDF (by its bytes, whatever its name says) with 415', async () => {
    const grant = await conversation(h);
    const answer = await upload(h, grant, form([{ bytes: Buffer.from('name,amount\nER,1250\n'), type: 'application/pdf', name: 'bill.pdf' }]));
    expect(answer.status).toBe(415);
    expect((h.received.find((a) => a.type === 'message') as Json).channelData).toEqual({ [UPLOAD_REFUSED]: { reason: 'unsupportedType', maxBytes: 64 * 1024 } });
    expect(h.fetched).toEqual([]);
  });

  it('accepts a PNG; answers 400 to a malformed or file-less body and 403 to a wrong token or user', async () => {
    const grant = await conversation(h);
    expect((await upload(h, grant, form([{ bytes: PNG, type: 'image/png', name: 'photo.png' }]))).status).toBe(200);
    expect(h.fetched.map((f) => f.type)).toEqual(['image/png']);
    expect((await upload(h, grant, '--x\r\nnonsense', 'multipart/form-data; boundary=x')).status).toBe(400);
    expect((await upload(h, grant, form([]))).status).toBe(400);
    expect((await upload(h, grant, '{}', 'application/json')).status).toBe(400);
    expect((await upload(h, { ...grant, token: 'nope' }, form([{ bytes: PNG, type: 'image/png', name: 'p.png' }]))).status).toBe(403);
    const res = await fetch(`${h.base}/v3/directline/conversations/${grant.conversationId}/upload?userId=someone-else`, { method: 'POST', headers: { authorization: `Bearer ${grant.token}` }, body: form([{ bytes: PNG, type: 'image/png', name: 'p.png' }]) });
    expect(res.status).toBe(403);
    expect((await fetch(`${h.base}/v3/attachments/unknown`)).status).toBe(404);
  });
});

describe('parseMultipart', () => {
  it('splits parts, keeps names, filenames and types, and rejects malformed bodies', () => {
    const body = Buffer.from('--b\r\nContent-Disposition: form-data; name="activity"; filename="blob"\r\nContent-Type: application/json\r\n\r\n{"type":"message"}\r\n--b\r\nContent-Disposition: form-data; name="file"; filename="a \\"b\\".pdf"\r\n\r\n%PDF-\r\n--b--\r\n');
    const parts = parseMultipart(body, 'b', 5);
    expect(parts?.map((p) => [p.name, p.filename, p.contentType, p.data.toString()])).toEqual([
      ['activity', 'blob', 'application/json', '{"type":"message"}'],
      ['file', 'a "b".pdf', 'application/octet-stream', '%PDF-'],
    ]);
    expect(parseMultipart(body, 'b', 1)).toBeUndefined();
    expect(parseMultipart(Buffer.from('--b\r\nContent-Disposition: form-data; name="x"\r\n\r\nno end'), 'b', 5)).toBeUndefined();
    expect(multipartBoundary('multipart/form-data; boundary="----abc"')).toBe('----abc');
    expect(multipartBoundary('application/json')).toBeUndefined();
  });
});

describe('UploadStore', () => {
  it('gives a file out once, expires it, stays within its byte budget and wipes what it drops', () => {
    let now = 0;
    const store = new UploadStore({ holdMs: 1000, maxTotalBytes: 10, maxFiles: 3, now: () => now });
    const a = store.put('c1', 'image/png', Buffer.from('12345'));
    expect(store.put('c1', 'image/png', Buffer.from('1234567'))).toBeUndefined();
    expect(store.take(a ?? '')?.bytes.toString()).toBe('12345');
    expect(store.take(a ?? '')).toBeUndefined();
    const b = store.put('c1', 'image/png', Buffer.from('abc')) ?? '';
    now = 1001;
    expect(store.take(b)).toBeUndefined();
    store.put('c2', 'image/png', Buffer.from('x'));
    store.dropConversation('c2');
    expect([store.count, store.bytes]).toEqual([0, 0]);
    store.close();
  });
});
