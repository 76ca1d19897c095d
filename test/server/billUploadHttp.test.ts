import { BILL_LINES, EOB, billPhoto, dollars, eobPdf, letterPdf } from '../ingest/billFixtures';
import { realContent } from '../helpers/content';
import { DirectLineTestClient, cardJson, hasCard, inJson, messageTexts, type DlActivity } from '../helpers/directLine';
import { useTestServer } from '../helpers/server';

/**
 * Issue 24 end to end over HTTP, as Web Chat's attach button sends a file: the real server, the local
 * channel's upload route, the bot fetching the file from the channel, the real reader (OCR for a photo),
 * the card, Confirm, and what was saved — with the files made in the test.
 */

const content = realContent();
const said = (messages: DlActivity[]) => messageTexts(messages).join('\n');
/** Until the card with what was read (or a message with buttons: a problem answered, then the question again). */
const cardOrQuestion = (messages: DlActivity[]) => hasCard(messages) || messages.some((m) => m.suggestedActions);

describe('a photo or PDF sent with the attach button, read on the bot\'s machine', () => {
  const chat = useTestServer();

  it('a phone photo of an itemized bill (slightly turned, grainy): read by OCR, shown, confirmed, then checked with its lines', async () => {
    const user = await DirectLineTestClient.opened(chat.baseUrl, 'u-photo');
    const photo = await billPhoto();
    const started = performance.now();
    const { status, messages } = await user.upload({ bytes: photo, type: 'image/png', name: 'IMG_2041.png' }, hasCard);
    const readMs = Math.round(performance.now() - started);
    console.log(`photo of a bill (${Math.round(photo.length / 1024)} KB) read over HTTP in ${readMs} ms`);
    expect(status).toBe(200);
    expect(readMs).toBeLessThan(20_000);
    expect(said(messages)).toContain(content.text('upload.reading'));
    const card = cardJson(messages);
    expect(card).toContain(inJson(content.text('upload.card.titleBill')));
    for (const line of BILL_LINES) expect(card).toContain(line.code);
    expect(card).toContain(inJson(content.text('upload.card.totalAgrees', { total: dollars(BILL_LINES.reduce((s, l) => s + l.chargeCents, 0)).replace('.00', '') })));
    // Nothing is kept by the channel once the bot has read it.
    expect(chat.server.app.localChannel?.heldUploads()).toBe(0);

    const confirmed = await user.say(content.text('upload.card.confirm'), hasCard);
    expect(said(confirmed)).toContain(content.text('upload.saved', { count: BILL_LINES.length, caseLabel: content.text('cases.defaultLabel', { number: 1 }) }));
    expect(cardJson(confirmed)).toContain(inJson(content.text('checkCard.title', { caseLabel: content.text('cases.defaultLabel', { number: 1 }) })));
  });

  it('a text PDF of an EOB: its figures on the card, saved when confirmed', async () => {
    const user = await DirectLineTestClient.opened(chat.baseUrl, 'u-eob');
    const { status, messages } = await user.upload({ bytes: await eobPdf(), type: 'application/pdf', name: 'EOB March.pdf' }, hasCard);
    expect(status).toBe(200);
    const card = cardJson(messages);
    expect(card).toContain(inJson(content.text('upload.card.titleEob')));
    expect(card).toContain(dollars(EOB.mayOweCents));
    expect(card).toContain(dollars(EOB.allowedCents));
    const confirmed = await user.say(content.text('upload.card.confirm'), hasCard);
    expect(said(confirmed)).toContain(content.text('upload.savedEob', { caseLabel: content.text('cases.defaultLabel', { number: 1 }) }));
  });

  it('a PDF that is a letter, not a bill: said so, nothing saved, and the menu again', async () => {
    const user = await DirectLineTestClient.opened(chat.baseUrl, 'u-letter');
    const { messages } = await user.upload({ bytes: await letterPdf(), type: 'application/pdf', name: 'letter.pdf' }, cardOrQuestion);
    expect(said(messages)).toContain(content.text('upload.problems.notABill'));
    expect(hasCard(messages)).toBe(false);
    expect(said(messages)).toContain(content.text('menu.prompt'));
  });

  it('a file that is not an image or PDF is refused by the channel (415), and the bot says what it can read', async () => {
    const user = await DirectLineTestClient.opened(chat.baseUrl, 'u-docx');
    const docx = new TextEncoder().encode('PK\u0003\u0004 a Word document');
    const { status, messages } = await user.upload({ bytes: docx, type: 'application/pdf', name: 'bill.pdf' }, cardOrQuestion);
    expect(status).toBe(415);
    expect(said(messages)).toContain(content.text('upload.problems.unsupportedType'));
  });
});

describe('a file over the limit', () => {
  const chat = useTestServer({ UPLOAD_MAX_KB: '64' });

  it('is refused (413) before it is read, and the bot names the limit', async () => {
    const user = await DirectLineTestClient.opened(chat.baseUrl, 'u-big');
    const big = new Uint8Array(200 * 1024);
    big.set(new TextEncoder().encode('%PDF-1.7\n'));
    const { status, messages } = await user.upload({ bytes: big, type: 'application/pdf', name: 'scan.pdf' }, cardOrQuestion);
    expect(status).toBe(413);
    expect(said(messages)).toContain(content.text('upload.problems.tooLarge', { limit: '64 KB' }));
  });
});
