import type { Attachment } from 'botbuilder';
import { ReadingNow, createBillFiles, type AttachmentFetcherOptions } from '../../src/bot/attachmentFetcher';
import { botTokenSource } from '../../src/bot/botToken';
import { BILL_FILE_TYPES, TEAMS_FILE_DOWNLOAD_INFO } from '../../src/fileUploads';
import { aTurn } from '../helpers/turnContext';

/**
 * Issue 24: the bot fetches a file the user sent — Teams' pre-authorized download URL (never with the bot's
 * token), a channel-hosted file on a Bot Framework host (with it, and only there), a loopback URL only in local
 * mode — bounded in size, checked by its bytes. The network is a fake fetch that records what was asked.
 */

const PDF = new TextEncoder().encode('%PDF-1.7\n% a bill\n');
const TOKEN = 'bot-token-for-the-test';

interface Asked { url: string; authorization: string | null }

/** A fake fetch: `routes` answers by URL (default 404); each request's URL and Authorization header is kept. */
function fakeFetch(routes: Record<string, () => Response>): { fetchImpl: typeof fetch; asked: Asked[] } {
  const asked: Asked[] = [];
  const fetchImpl: typeof fetch = async (input, init) => {
    const url = String(input);
    asked.push({ url, authorization: new Headers(init?.headers).get('authorization') });
    return routes[url]?.() ?? new Response('not here', { status: 404 });
  };
  return { fetchImpl, asked };
}

const pdfAt = (bytes: Uint8Array = PDF) => () => new Response(bytes, { status: 200, headers: { 'content-type': 'application/pdf' } });
const redirectTo = (location: string) => () => new Response(null, { status: 302, headers: { location } });

function fetcher(fetchImpl: typeof fetch, more: Partial<AttachmentFetcherOptions> = {}) {
  const tokens: string[] = [];
  const files = createBillFiles({
    limits: { maxBytes: 1024, types: BILL_FILE_TYPES }, allowLoopbackHttp: false, timeoutMs: 5_000, readTimeoutMs: 5_000,
    read: async () => ({ kind: 'damaged' }),
    botToken: async () => {
      tokens.push(TOKEN);
      return TOKEN;
    },
    fetchImpl,
    ...more,
  }, new ReadingNow());
  return { files, tokens };
}

const teamsFile = (downloadUrl: string): Attachment => ({
  contentType: TEAMS_FILE_DOWNLOAD_INFO, name: 'bill.pdf', contentUrl: 'https://contoso.sharepoint.com/personal/pat/Documents/bill.pdf',
  content: { downloadUrl, uniqueId: '1150D938-8870-4044-9F2C-5BBDEBA70C9D', fileType: 'pdf' },
});
const hosted = (contentUrl: string, contentType = 'application/pdf'): Attachment => ({ contentType, contentUrl, name: 'bill.pdf' });

const CHANNEL_FILE = 'https://smba.botframework.com/v3/attachments/att-1/views/original';
const TEAMS_DOWNLOAD = 'https://contoso.sharepoint.com/personal/pat/_layouts/15/download.aspx?UniqueId=1150d938&tempauth=x';
const ELSEWHERE = 'https://files.example.org/bill.pdf';

describe('the bot\'s token goes to Bot Framework hosts only', () => {
  it('sends the token with a channel-hosted file on a botframework.com URL, and reads it', async () => {
    const net = fakeFetch({ [CHANNEL_FILE]: pdfAt() });
    const { files } = fetcher(net.fetchImpl);
    const got = await files.fetch(aTurn(), hosted(CHANNEL_FILE));
    expect(got).toMatchObject({ ok: true, contentType: 'application/pdf' });
    expect(net.asked).toEqual([{ url: CHANNEL_FILE, authorization: `Bearer ${TOKEN}` }]);
  });

  it('sends no token to Teams\' download URL (pre-authorized), even when it is on a token host', async () => {
    const onTokenHost = 'https://smba.trafficmanager.net/amer/v3/attachments/x';
    const net = fakeFetch({ [TEAMS_DOWNLOAD]: pdfAt(), [onTokenHost]: pdfAt() });
    const { files, tokens } = fetcher(net.fetchImpl);
    expect(await files.fetch(aTurn('', { channelId: 'msteams' }), teamsFile(TEAMS_DOWNLOAD))).toMatchObject({ ok: true });
    expect(await files.fetch(aTurn('', { channelId: 'msteams' }), teamsFile(onTokenHost))).toMatchObject({ ok: true });
    expect(net.asked.map((a) => a.authorization)).toEqual([null, null]);
    expect(tokens).toEqual([]);
  });

  it('sends no token to another host, nor to where a token host redirects', async () => {
    const net = fakeFetch({ [ELSEWHERE]: pdfAt(), [CHANNEL_FILE]: redirectTo('https://storage.example.net/blob/1'), 'https://storage.example.net/blob/1': pdfAt() });
    const { files } = fetcher(net.fetchImpl);
    expect(await files.fetch(aTurn(), hosted(ELSEWHERE))).toMatchObject({ ok: true });
    expect(await files.fetch(aTurn(), hosted(CHANNEL_FILE))).toMatchObject({ ok: true });
    expect(net.asked).toEqual([
      { url: ELSEWHERE, authorization: null },
      { url: CHANNEL_FILE, authorization: `Bearer ${TOKEN}` },
      { url: 'https://storage.example.net/blob/1', authorization: null },
    ]);
  });

  it('never sends the token over http, nor to a look-alike host', async () => {
    const lookAlike = 'https://botframework.com.example.org/v3/attachments/1';
    const net = fakeFetch({ [lookAlike]: pdfAt() });
    const { files } = fetcher(net.fetchImpl);
    expect(await files.fetch(aTurn(), hosted('http://smba.botframework.com/v3/attachments/1'))).toEqual({ ok: false, problem: 'unreachable' });
    expect(await files.fetch(aTurn(), hosted(lookAlike))).toMatchObject({ ok: true });
    expect(net.asked).toEqual([{ url: lookAlike, authorization: null }]);
  });

  it('a token that cannot be had answers "unreachable", and nothing is fetched without it', async () => {
    const net = fakeFetch({ [CHANNEL_FILE]: pdfAt() });
    const failing = fetcher(net.fetchImpl, { botToken: async () => Promise.reject(new Error('login.microsoftonline.com unreachable')) });
    expect(await failing.files.fetch(aTurn(), hosted(CHANNEL_FILE))).toEqual({ ok: false, problem: 'unreachable' });
    const none = fetcher(net.fetchImpl, { botToken: undefined });
    expect(await none.files.fetch(aTurn(), hosted(CHANNEL_FILE))).toEqual({ ok: false, problem: 'unreachable' });
    expect(net.asked).toEqual([]);
  });

  it('has no token source in local mode (no app id), one with an app id', () => {
    const auth = { MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: 'MultiTenant', MicrosoftAppTenantId: '' } as const;
    expect(botTokenSource(auth)).toBeUndefined();
    expect(typeof botTokenSource({ ...auth, MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'not-a-real-secret' })).toBe('function');
  });
});

describe('what is fetched is bounded and checked', () => {
  it('turns down a file over the size limit, declared or streamed', async () => {
    const big = new Uint8Array(2048);
    big.set(PDF);
    const streamed = () => new Response(new ReadableStream({ start(c) { c.enqueue(big.slice(0, 1000)); c.enqueue(big.slice(1000)); c.close(); } }), { status: 200 });
    const net = fakeFetch({ [ELSEWHERE]: pdfAt(big), [TEAMS_DOWNLOAD]: streamed });
    const { files } = fetcher(net.fetchImpl);
    expect(await files.fetch(aTurn(), hosted(ELSEWHERE))).toEqual({ ok: false, problem: 'tooLarge' });
    expect(await files.fetch(aTurn(), teamsFile(TEAMS_DOWNLOAD))).toEqual({ ok: false, problem: 'tooLarge' });
  });

  it('judges the type by the bytes, not the declared type or the name', async () => {
    const html = new TextEncoder().encode('<html>a sign-in page</html>');
    const net = fakeFetch({ [ELSEWHERE]: pdfAt(html), [TEAMS_DOWNLOAD]: pdfAt() });
    const { files } = fetcher(net.fetchImpl);
    expect(await files.fetch(aTurn(), hosted(ELSEWHERE, 'application/pdf'))).toEqual({ ok: false, problem: 'unsupportedType' });
    expect(await files.fetch(aTurn(), { ...teamsFile(TEAMS_DOWNLOAD), name: 'bill.txt' })).toMatchObject({ ok: true, contentType: 'application/pdf' });
  });

  it('answers "unreachable" to a status other than 200, and to too many redirects', async () => {
    const loop = 'https://files.example.org/again';
    const net = fakeFetch({ [ELSEWHERE]: () => new Response('gone', { status: 403 }), [loop]: redirectTo(loop) });
    const { files } = fetcher(net.fetchImpl);
    expect(await files.fetch(aTurn(), hosted(ELSEWHERE))).toEqual({ ok: false, problem: 'unreachable' });
    expect(await files.fetch(aTurn(), teamsFile(TEAMS_DOWNLOAD))).toEqual({ ok: false, problem: 'unreachable' });
    expect(await files.fetch(aTurn(), hosted(loop))).toEqual({ ok: false, problem: 'unreachable' });
  });

  it('fetches loopback only in local mode, and follows no redirect to loopback outside it', async () => {
    const local = 'http://127.0.0.1:3978/local/attachments/1';
    const net = fakeFetch({ [local]: pdfAt(), [ELSEWHERE]: redirectTo(local) });
    expect(await fetcher(net.fetchImpl).files.fetch(aTurn(), hosted(local))).toEqual({ ok: false, problem: 'unreachable' });
    expect(await fetcher(net.fetchImpl).files.fetch(aTurn(), hosted(ELSEWHERE))).toEqual({ ok: false, problem: 'unreachable' });
    expect(net.asked.map((a) => a.url)).toEqual([ELSEWHERE]);
    expect(await fetcher(net.fetchImpl, { allowLoopbackHttp: true }).files.fetch(aTurn(), hosted(local))).toMatchObject({ ok: true });
  });
});
