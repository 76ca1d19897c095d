import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { caseSchema, emptyProfile, type Profile } from '../../src/domain/case';
import { describeWithBrowser, launchBrowser, type LaunchedBrowser } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/server';
import { realContent } from '../helpers/content';
import { PHONE, UI_TIMEOUT, botSays, bubbles, fragment, lastCard, press, sendText, suggestedAction, watch, type PageProblems } from '../helpers/webChatPage';

/**
 * "My case" for a user well into her journey, in the real page on a phone (390×844): the card tells
 * her story (calls with their reference numbers, the follow-up, the deadlines), fits in 1.5 screens,
 * ends the turn with "What next?" (no menu straight after it), and the menu still takes her answer.
 */

const content = realContent();
const says = (key: string, vars?: Record<string, string | number>) => fragment(content, key, vars);
const SHOT = path.join(__dirname, '..', '..', 'test-results', 'case-card-phone.png');
/** What the phone shows right after the card: its end, "What next?" and the suggestions. */
const VIEW_SHOT = path.join(__dirname, '..', '..', 'test-results', 'case-card-phone-view.png');
const USER = 'u-case-card-browser-test';
/** 1.5 phone screens at 390×844. */
const MAX_MESSAGE_PX = Math.round(PHONE.height * 1.5);

const STAMP = new Date().toISOString();
const today = STAMP.slice(0, 10);
const daysFromToday = (days: number) => new Date(Date.parse(`${today}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const call = (id: string, days: number, who: string, reference: string, outcome: string) =>
  ({ id, date: daysFromToday(days), who, department: 'Billing', reference, outcome, createdAt: STAMP });

/** A case as the journey leaves it after step 3 and three logged calls. */
function wellUnderway(): Profile {
  const c = caseSchema.parse({
    id: 'case-1', label: 'Mercy General Hospital', createdAt: STAMP, updatedAt: STAMP,
    provider: { name: 'Mercy General Hospital', kind: 'hospital', nonprofit: 'yes' },
    serviceDate: daysFromToday(-80), firstBillDate: daysFromToday(-60), dueDate: daysFromToday(20),
    balanceCents: 240_000, insurance: 'employer', inCollections: 'no', state: 'OH',
    billCheck: {
      checkedAt: STAMP,
      findings: [
        { code: 'balanceAboveEob', severity: 'high', figures: { balanceCents: 240_000, responsibilityCents: 85_000, differenceCents: 155_000 } },
        { code: 'duplicateLines', severity: 'medium', figures: { count: 1, amountCents: 120_000 } },
      ],
    },
    offer: {
      lumpSum: { referenceCents: 85_000, openingCents: 34_000, targetCents: 51_000, ceilingCents: 68_000 },
      plan: { monthlyCents: 15_000, months: 6, lastPaymentCents: 10_000, totalCents: 85_000, overBudget: false, stretched: false },
    },
    calls: [
      call('C1', -30, 'Ana', 'REF-1001', 'waitingItemized'),
      call('C2', -14, 'Dana', 'REF-1002', 'waitingReview'),
      call('C3', -2, 'Sam', 'REF-1003', 'assistanceApplied'),
    ],
    followUps: [{ id: 'F1', kind: 'assistance', due: daysFromToday(19), status: 'open', createdAt: STAMP }],
    progress: { gather: 'done', callPrep: 'done', offer: 'done', rehearsal: 'not_started', followUp: 'in_progress' },
  });
  return { ...emptyProfile(), cases: [c], activeCaseId: c.id, conversations: ['earlier-conversation'] };
}

async function heightOf(locator: Locator): Promise<number> {
  return (await locator.boundingBox())?.height ?? Number.POSITIVE_INFINITY;
}

describeWithBrowser('"My case" in Chromium at phone size', () => {
  let server: TestServer;
  let browser: LaunchedBrowser;
  let page: Page;
  let problems: PageProblems;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser({ viewport: PHONE });
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    problems = watch(page);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  }, 30_000);

  it('tells her story in one message no taller than 1.5 screens, asks "What next?", and the menu still listens', async () => {
    // She has been here before: her case is stored under the user id her browser keeps.
    await server.storage.write({ [`webchat/users/${USER}/`]: { profile: wellUnderway() } });
    await page.addInitScript((id) => (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem('billcoach.userId', id), USER);
    await page.goto(server.baseUrl, { waitUntil: 'domcontentloaded' });
    await botSays(page, says('menu.promptWithCase', { caseLabel: 'Mercy General Hospital', progress: '' }));

    await press(page, content.text('menu.options.myCase.title'));
    const card = await lastCard(page);
    await card.getByText(content.text('card.whatNext')).waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    // Her story: the latest calls with their reference numbers, the follow-up, a deadline.
    for (const piece of ['REF-1002', 'REF-1003', content.text('card.timeline.title'), '2 things']) {
      await card.getByText(piece, { exact: false }).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    }
    expect(await card.getByText('REF-1001').count()).toBe(0);
    // The rest of the timeline is a file to download.
    await page.getByText(content.text('card.timeline.file.name')).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    for (const key of ['changeAnswer', 'deleteCase', 'menu', 'newCase']) {
      await card.locator('button', { hasText: content.text(`card.actions.${key}`) }).waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    }
    await suggestedAction(page, content.text('menu.options.rehearsal.title')).waitFor({ state: 'visible', timeout: UI_TIMEOUT });

    // One message, no menu after it, no taller than 1.5 screens.
    const message = page.locator('.webchat__basic-transcript__activity').last();
    expect(await message.locator('.ac-adaptiveCard').count()).toBe(1);
    expect(await bubbles(page, says('menu.prompt')).count()).toBe(0);
    const height = await heightOf(message);
    process.stdout.write(`"my case" message: ${Math.round(height)} px at ${PHONE.width}×${PHONE.height} (limit ${MAX_MESSAGE_PX})\n`);
    expect(height).toBeLessThanOrEqual(MAX_MESSAGE_PX);
    // The whole message in one picture, on a screen tall enough to hold it.
    fs.mkdirSync(path.dirname(SHOT), { recursive: true });
    await page.setViewportSize({ width: PHONE.width, height: Math.ceil(height) + 300 });
    await message.screenshot({ path: SHOT });
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: VIEW_SHOT });

    // Typing still works: the menu waits behind the card.
    await sendText(page, '4');
    await botSays(page, says('rehearsal.intro'));
    expect([...problems.errors, ...problems.csp]).toEqual([]);
  }, 90_000);
});
