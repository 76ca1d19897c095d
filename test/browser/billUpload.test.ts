import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page, Response } from 'playwright-core';
import { caseSchema, emptyProfile, type Profile } from '../../src/domain/case';
import { formatCents } from '../../src/domain/money';
import { ATTACHMENTS_PATH } from '../../src/server/localChannel/uploadRoutes';
import { describeWithBrowser } from '../helpers/browser';
import { realContent } from '../helpers/content';
import { MAX_MESSAGE_PX, messagesShown, type BotMessage } from '../helpers/journeyDriver';
import { openAsReturningUser, type ReturningUserSession } from '../helpers/returningUser';
import { PHONE, UI_TIMEOUT, botSays, fragment, lastCard, menuOffered, useChatSession, waitForBubbles } from '../helpers/webChatPage';
import { BILL_LINES, BILL_TOTAL_CENTS, billPdf, billPhoto } from '../ingest/billFixtures';

/**
 * Issue 24 in the real local web chat page at phone size: she picks a text PDF of her itemized bill with
 * Web Chat's 📎 button, is told it is being read, checks the lines on the card, presses Confirm and gets the
 * bill check on those lines. The file is gone from the server once the bot has read it. A photo reads into
 * the same card with a clean console; for a case in a known state the confirmed codes are priced.
 */

const content = realContent();
const RESULTS = path.join(__dirname, '..', '..', 'test-results');
const CARD_SHOT = path.join(RESULTS, 'upload-card-phone.png');
const says = (key: string, vars?: Record<string, string | number>) => fragment(content, key, vars);
/** A photo is read by OCR, which takes some seconds on a small machine. */
const READ_TIMEOUT = 45_000;
const oneLine = (text: string) => text.replace(/\s+/g, ' ');

/** Every attachment URL the page read back in the conversation's activities (her own message brings the file's). */
function watchAttachmentUrls(page: Page): string[] {
  const urls: string[] = [];
  page.on('response', (response: Response) => {
    if (response.request().method() !== 'GET' || !/\/v3\/directline\/conversations\/[^/]+\/activities/.test(response.url())) return;
    void response.json().then(
      (body: { activities?: { attachments?: { contentUrl?: unknown }[] }[] }) => {
        for (const activity of body.activities ?? []) {
          for (const attachment of activity.attachments ?? []) {
            const url = attachment.contentUrl;
            if (typeof url === 'string' && url.includes(`${ATTACHMENTS_PATH}/`) && !urls.includes(url)) urls.push(url);
          }
        }
      },
      () => undefined,
    );
  });
  return urls;
}

/** The bot message (its whole activity: avatar, bubbles, time) holding `card`. */
function messageOf(card: Locator): Locator {
  return card.locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " webchat__basic-transcript__activity ")][1]');
}

/** The bill as she might pick it: the text PDF from the portal, or a photo of the paper bill. */
const PDF_FILE = async () => ({ name: 'itemized-bill.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await billPdf()) });
const PHOTO_FILE = async () => ({ name: 'bill-photo.png', mimeType: 'image/png', buffer: Buffer.from(await billPhoto()) });

/**
 * Presses 📎, picks `file` in the file chooser (Web Chat sends it at once), waits for "reading" and then the
 * card of what was read; returns the card and how long the read took as she saw it.
 */
async function sendBill(page: Page, file: { name: string; mimeType: string; buffer: Buffer }): Promise<{ card: Locator; readMs: number }> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: UI_TIMEOUT }), page.locator('.webchat__upload-button').click()]);
  expect(chooser.isMultiple()).toBe(false);
  const started = performance.now();
  await chooser.setFiles(file);
  await waitForBubbles(page, says('upload.reading'));
  const card = await lastCard(page);
  await card.getByText(content.text('upload.card.titleBill')).waitFor({ state: 'visible', timeout: READ_TIMEOUT });
  return { card, readMs: Math.round(performance.now() - started) };
}

/** Presses Confirm on the card; waits for "Saved 6 bill lines to …" and the bill check card, and returns that card. */
async function confirm(page: Page, card: Locator, caseLabel: string): Promise<Locator> {
  await card.getByRole('button', { name: content.text('upload.card.confirm'), exact: true }).click();
  await waitForBubbles(page, says('upload.saved', { count: BILL_LINES.length, caseLabel }));
  const checkCard = page.locator('.ac-adaptiveCard', { hasText: says('checkCard.title', { caseLabel }) }).last();
  await checkCard.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  return checkCard;
}

/** Every bot message on the page over 1.5 phone screens, and the tallest height. */
async function tallMessages(page: Page): Promise<{ over: string[]; tallest: number }> {
  const bots = (await messagesShown(page)).filter((m): m is BotMessage => m.from === 'bot');
  return {
    over: bots.filter((m) => m.heightPx > MAX_MESSAGE_PX).map((m) => `${m.heightPx} px: ${m.text.slice(0, 80)}`),
    tallest: Math.max(0, ...bots.map((m) => m.heightPx)),
  };
}

describeWithBrowser('a PDF of the itemized bill, sent with the 📎 button, in Chromium at phone size', () => {
  const chat = useChatSession(PHONE);

  it('a first-time user: read, shown as numbered lines to confirm, saved on Confirm and checked; the file is gone from the server', async () => {
    const { page } = chat;
    const attachmentUrls = watchAttachmentUrls(page);
    const response = await chat.session.open();
    expect(response?.status()).toBe(200);
    await botSays(page, says('menu.prompt'));
    await menuOffered(page, content);

    const { card, readMs } = await sendBill(page, await PDF_FILE());
    const caseLabel = content.text('cases.defaultLabel', { number: 1 });
    // Sent at the menu: she is told it goes into step 1 of her (new) case.
    expect(await page.locator('.webchat__bubble__content', { hasText: says('upload.outsideStep', { caseLabel }) }).count()).toBeGreaterThan(0);

    // The card at phone size, in one picture (the viewport made tall enough to hold it, same width).
    const message = messageOf(card);
    const cardHeight = Math.round((await message.boundingBox())?.height ?? Number.POSITIVE_INFINITY);
    fs.mkdirSync(RESULTS, { recursive: true });
    await page.setViewportSize({ width: PHONE.width, height: Math.max(PHONE.height, cardHeight + 300) });
    await message.scrollIntoViewIfNeeded();
    await message.screenshot({ path: CARD_SHOT });
    await page.setViewportSize(PHONE);

    // Every line as printed, in one list numbered 1 to 6 (the numbers "Fix a line" and "Drop a line" ask
    // for), and their total checked against the printed one.
    expect(await card.locator('ol').count()).toBe(1);
    const items = (await card.locator('ol > li').allInnerTexts()).map(oneLine);
    expect(items).toHaveLength(BILL_LINES.length);
    BILL_LINES.forEach((line, i) => {
      for (const piece of [line.code, line.description, formatCents(line.chargeCents)]) expect(items[i]).toContain(piece);
    });
    expect(oneLine(await card.innerText())).toContain(says('upload.card.totalAgrees', { total: formatCents(BILL_TOTAL_CENTS) }));
    const buttons = (await card.getByRole('button').allTextContents()).map((b) => b.trim());
    expect(buttons).toEqual(['confirm', 'fix', 'drop', 'typeInstead'].map((a) => content.text(`upload.card.${a}`)));

    // Confirm: the lines are saved as if typed, and the bill check runs on them: the itemized bill with
    // codes is at hand now (she had told nothing else, so there is no state to price the codes in).
    const checkCard = await confirm(page, card, caseLabel);
    const checked = oneLine(await checkCard.innerText());
    expect(checked).toContain(`${content.text('checkCard.documents.itemizedBill')} ${content.text('checkCard.states.have')}`);

    // The file was read once, then dropped: its URL answers 404.
    expect(attachmentUrls).toHaveLength(1);
    expect((await fetch(attachmentUrls[0] ?? '')).status).toBe(404);

    // No bot message taller than 1.5 phone screens.
    const { over, tallest } = await tallMessages(page);
    process.stdout.write(`upload: read in ${readMs} ms (📎 to card); confirmation card ${cardHeight} px, tallest bot message ${tallest} px at ${PHONE.width}×${PHONE.height} (limit ${MAX_MESSAGE_PX})\n`);
    expect(cardHeight).toBeLessThanOrEqual(MAX_MESSAGE_PX);
    expect(over).toEqual([]);

    // A clean console all the way through.
    expect(await chat.session.consoleProblems()).toEqual([]);
  }, 90_000);
});

describeWithBrowser('a photo of the bill, sent with the 📎 button, in Chromium at phone size', () => {
  const chat = useChatSession(PHONE);

  it('is read into the same card, and the console stays clean (Web Chat makes its thumbnail in a blob: worker)', async () => {
    const { page } = chat;
    const response = await chat.session.open();
    expect(response?.headers()['content-security-policy']).toContain("worker-src 'self' blob:");
    await botSays(page, says('menu.prompt'));
    await menuOffered(page, content);

    const { card, readMs } = await sendBill(page, await PHOTO_FILE());
    const items = (await card.locator('ol > li').allInnerTexts()).map(oneLine);
    process.stdout.write(`upload: photo read in ${readMs} ms (📎 to card), ${items.length} lines\n`);
    expect(items).toHaveLength(BILL_LINES.length);
    BILL_LINES.forEach((line, i) => expect(items[i]).toContain(line.code));
    expect(await chat.session.consoleProblems()).toEqual([]);
  }, 90_000);
});

const USER = 'u-bill-upload-browser-test';
const STAMP = new Date().toISOString();

/** Step 1 begun for a hospital bill in Ohio (one Medicare area), no lines typed yet. */
function hospitalBillInOhio(): Profile {
  const c = caseSchema.parse({
    id: 'case-1', label: 'Riverside General Hospital', createdAt: STAMP, updatedAt: STAMP,
    provider: { name: 'Riverside General Hospital', kind: 'hospital', nonprofit: 'yes' },
    balanceCents: BILL_TOTAL_CENTS, insurance: 'uninsured', inCollections: 'no', state: 'OH',
    progress: { gather: 'in_progress', callPrep: 'not_started', offer: 'not_started', rehearsal: 'not_started', followUp: 'not_started' },
  });
  return { ...emptyProfile(), cases: [c], activeCaseId: c.id, conversations: ['earlier-conversation'] };
}

describeWithBrowser('the bill PDF for a case in Ohio, in Chromium at phone size', () => {
  let session: ReturningUserSession | undefined;
  afterAll(async () => session?.close(), 30_000);

  it('the confirmed lines are priced in her area: the bill check names their codes against what Medicare pays', async () => {
    session = await openAsReturningUser(USER, hospitalBillInOhio());
    const { page } = session;
    const caseLabel = 'Riverside General Hospital';
    await botSays(page, says('menu.promptWithCase', { caseLabel, progress: '' }));
    await menuOffered(page, content);

    const { card } = await sendBill(page, await PDF_FILE());
    const checkCard = await confirm(page, card, caseLabel);
    // As it first shows (its details closed), no bot message is taller than 1.5 phone screens.
    const { over, tallest } = await tallMessages(page);
    process.stdout.write(`upload in Ohio: tallest bot message ${tallest} px, the priced bill check's details closed (limit ${MAX_MESSAGE_PX})\n`);
    expect(over).toEqual([]);

    // What Medicare pays for each coded line opens with the details.
    await checkCard.getByRole('button', { name: content.text('checkCard.showDetails'), exact: true }).click();
    await checkCard.getByText(BILL_LINES[0]?.code ?? '', { exact: false }).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    const checked = oneLine(await checkCard.innerText());
    for (const line of BILL_LINES) expect(checked).toContain(`${line.code} · `);
    for (const line of BILL_LINES) expect(checked).toContain(formatCents(line.chargeCents));
    expect([...session.problems.csp, ...session.problems.errors]).toEqual([]);
  }, 90_000);
});
