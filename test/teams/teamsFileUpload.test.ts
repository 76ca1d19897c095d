import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readCardCommand } from '../../src/cards/readBillCard';
import { formatCents } from '../../src/domain/money';
import { TEAMS_FILE_DOWNLOAD_INFO } from '../../src/fileUploads';
import { startConnectorStub, type ConnectorStub } from '../bench/connectorStub';
import { realContent } from '../helpers/content';
import { cardJson, inJson } from '../helpers/directLine';
import { TestServer, startTestServer } from '../helpers/server';
import { BILL_LINES, BILL_TOTAL_CENTS, billPdf, dollars } from '../ingest/billFixtures';

/**
 * Issue 24 in Teams: a personal-chat message carrying a file (Teams' file download info attachment and its HTML
 * copy of the text) is read by the real server and reader, shown as the confirmation card, and saved after the
 * card's Confirm, posted as Teams posts it (messageBack: the button's text, and its `{ command }` as the value).
 * Teams' download URL is https on SharePoint; a fetch seam routes that host to a loopback stub, so the fetcher's
 * own rules (https only, no loopback outside local mode) are the ones a deployment runs.
 */

const content = realContent();
const SHAREPOINT = 'contoso.sharepoint.com';
const TEMPAUTH = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.pre-authorized';
const DOWNLOAD_URL = `https://${SHAREPOINT}/personal/pat_contoso_com/_layouts/15/download.aspx?UniqueId=1150d938-8870-4044-9f2c-5bbdeba70c9d&Translate=false&tempauth=${TEMPAUTH}&ApiVersion=2.0`;

interface FileStub {
  url: string;
  /** Each request: its path and query, and the Authorization header it carried. */
  requests: { path: string; authorization?: string }[];
  close(): Promise<void>;
}

/** SharePoint's download endpoint, on loopback: serves the PDF at download.aspx. */
async function startFileStub(pdf: Uint8Array): Promise<FileStub> {
  const requests: FileStub['requests'] = [];
  const server = http.createServer((req, res) => {
    requests.push({ path: req.url ?? '', ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) });
    if (req.method !== 'GET' || !(req.url ?? '').startsWith('/personal/pat_contoso_com/_layouts/15/download.aspx?')) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': pdf.length });
    res.end(Buffer.from(pdf));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

/** The bot's fetch, with SharePoint's host routed to the stub (path, query and headers kept as sent). */
const routedTo = (stub: FileStub): typeof fetch => async (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (url.hostname !== SHAREPOINT) return fetch(input, init);
  return fetch(`${stub.url}${url.pathname}${url.search}`, init);
};

interface Reply {
  type?: string;
  text?: string;
  attachments?: { contentType?: string; content?: unknown }[];
}
interface SubmitAction { type: string; title: string; data?: { command?: string; msteams?: { type: string; text: string; displayText: string; value: unknown } } }

describe('a file sent in a Teams personal chat (file download info), over HTTP', () => {
  let bot: TestServer;
  let connector: ConnectorStub;
  let files: FileStub;
  beforeAll(async () => {
    files = await startFileStub(await billPdf());
    connector = await startConnectorStub({ keepAll: true });
    bot = await startTestServer({}, { fetchFile: routedTo(files) });
  });
  afterAll(async () => {
    await bot.close();
    await connector.close();
    await files.close();
  });

  const base = (id: string) => ({
    type: 'message', id, channelId: 'msteams', serviceUrl: connector.url, locale: 'en-US', timestamp: new Date().toISOString(),
    from: { id: '29:user-file', name: 'Pat', aadObjectId: '00000000-0000-0000-0000-0000000000ab' },
    recipient: { id: '28:bill-coach', name: 'Bill Coach' },
    conversation: { id: 'a:conv-personal-file', conversationType: 'personal', tenantId: 'tenant-1' },
    channelData: { tenant: { id: 'tenant-1' } },
  });
  const post = async (body: unknown): Promise<Reply[]> => {
    const before = connector.all().length;
    const res = await fetch(`${bot.baseUrl}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    expect(res.status).toBeLessThan(300);
    return connector.all().slice(before).flatMap((r) => (r.activity?.type === 'message' ? [r.activity as Reply] : []));
  };
  const texts = (replies: Reply[]): string => replies.map((r) => r.text ?? '').join('\n');
  const confirmOf = (replies: Reply[]): SubmitAction | undefined =>
    replies.flatMap((r) => r.attachments ?? []).flatMap((a) => ((a.content as { actions?: SubmitAction[] } | undefined)?.actions ?? []))
      .find((a) => a.data?.command === readCardCommand('confirm'));

  let read: Reply[] = [];

  it('reads the file from its download URL, once and without the bot\'s token, and shows what it read to confirm', async () => {
    read = await post({
      ...base('file-1'),
      attachments: [
        {
          contentType: TEAMS_FILE_DOWNLOAD_INFO, contentUrl: `https://${SHAREPOINT}/personal/pat_contoso_com/Documents/Microsoft%20Teams%20Chat%20Files/bill.pdf`, name: 'bill.pdf',
          content: { downloadUrl: DOWNLOAD_URL, uniqueId: '1150d938-8870-4044-9f2c-5bbdeba70c9d', fileType: 'pdf' },
        },
        { contentType: 'text/html', content: '<p></p>' },
      ],
    });
    expect(texts(read)).toContain(content.text('upload.reading'));
    const card = cardJson(read);
    expect(card).toContain(inJson(content.text('upload.card.titleBill')));
    for (const line of BILL_LINES) {
      expect(card).toContain(line.code);
      expect(card).toContain(inJson(formatCents(line.chargeCents)));
    }
    expect(card).toContain(inJson(content.text('upload.card.totalAgrees', { total: formatCents(BILL_TOTAL_CENTS) })));
    expect(files.requests).toEqual([{ path: new URL(DOWNLOAD_URL).pathname + new URL(DOWNLOAD_URL).search }]);
  });

  it('saves the lines when the card\'s Confirm is pressed as Teams posts it, and checks the bill', async () => {
    const confirm = confirmOf(read);
    expect(confirm?.data?.msteams).toMatchObject({ type: 'messageBack', value: { command: readCardCommand('confirm') } });
    const { text, value } = confirm?.data?.msteams ?? {};
    const saved = await post({ ...base('file-2'), text, value, replyToId: 'stub-1' });
    const caseLabel = content.text('cases.defaultLabel', { number: 1 });
    expect(texts(saved)).toContain(content.text('upload.saved', { count: BILL_LINES.length, caseLabel }));
    expect(cardJson(saved)).toContain(inJson(content.text('checkCard.title', { caseLabel })));
    expect(files.requests).toHaveLength(1);
  });

  it('logs nothing of the file: no line, amount, printed name or download link', () => {
    const logs = bot.logger.lines.join('\n');
    expect(logs).not.toBe('');
    for (const line of BILL_LINES) {
      expect(logs).not.toContain(line.description);
      expect(logs).not.toContain(dollars(line.chargeCents));
      expect(logs).not.toContain(formatCents(line.chargeCents));
    }
    for (const printed of ['Riverside General Hospital', '448812', dollars(BILL_TOTAL_CENTS), TEMPAUTH, SHAREPOINT]) expect(logs).not.toContain(printed);
  });
});
