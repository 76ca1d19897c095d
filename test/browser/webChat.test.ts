import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describeWithBrowser } from '../helpers/browser';
import { realContent } from '../helpers/content';
import { DESKTOP, PHONE, UI_TIMEOUT, botSays, bubbles, fragment, lastCard, menuOffered, sendBox, sendText, suggestedAction, useChatSession, waitForBubbles } from '../helpers/webChatPage';

/**
 * The real local web chat page in headless Chromium: Microsoft's Web Chat bundle, the page script,
 * the CSP header and the in-process Direct Line stand-in, end to end. One browser profile for the
 * whole file, so the second test is a returning user (same localStorage user id).
 */

const content = realContent();
const SCREENSHOT = path.join(__dirname, '..', '..', 'test-results', 'webchat-phone.png');
const says = (key: string) => fragment(content, key);

/**
 * Waits until the newest bubble is the menu prompt (the bot's turn is over) and returns how many menu
 * prompts are shown, so the next check can wait for one more without racing the current turn.
 */
async function promptsAfterTurn(page: Page): Promise<number> {
  await botSays(page, says('menu.prompt'));
  return bubbles(page, says('menu.prompt')).count();
}

describeWithBrowser('local web chat page in Chromium', () => {
  const chat = useChatSession(PHONE);
  let page: Page;

  beforeEach(() => {
    page = chat.page;
  });

  afterEach(async () => {
    // Every test ends with a clean console: no CSP violations, no unexpected errors.
    expect(await chat.session.consoleProblems()).toEqual([]);
  });

  it('a new user on a phone: welcome, menu, a step, help, the case card and its buttons', async () => {
    const response = await chat.session.open();
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");

    await expect(page.title()).resolves.toBe(content.text('web.title'));
    await page.getByRole('heading', { level: 1, name: content.text('web.title') }).waitFor({ state: 'visible' });
    await page.locator('footer.privacy').getByText(says('web.privacy')).waitFor({ state: 'visible' });

    // Welcome (first visit) and the menu as suggested actions.
    await waitForBubbles(page, says('welcome.first'));
    expect(await bubbles(page, says('welcome.backNoCase')).count()).toBe(0);
    const menuPrompts = await promptsAfterTurn(page);
    await menuOffered(page, content);

    // A question typed at the menu: a sourced answer, then the menu again.
    await sendText(page, 'What is an explanation of benefits?');
    await waitForBubbles(page, 'Source:');
    await waitForBubbles(page, says('menu.prompt'), menuPrompts + 1);
    await suggestedAction(page, content.text('menu.options.gather.title')).waitFor({ state: 'visible', timeout: UI_TIMEOUT });

    // Typed commands: help, then "my case" as an Adaptive Card.
    await sendText(page, 'help');
    await waitForBubbles(page, says('help.text'));

    await sendText(page, 'my case');
    const card = await lastCard(page);
    await card.getByText(content.text('card.title')).first().waitFor({ state: 'visible' });

    // At the menu the card ends the turn ("What next?"): no menu straight after it.
    await card.getByText(content.text('card.whatNext')).waitFor({ state: 'visible' });
    expect(await page.locator('.webchat__basic-transcript__activity').last().locator('.ac-adaptiveCard').count()).toBe(1);
    const before = await bubbles(page, says('menu.prompt')).count();
    // A card button works like typing the command.
    await card.locator('button', { hasText: content.text('card.actions.menu') }).click();
    await waitForBubbles(page, says('menu.prompt'), before + 1);
    await suggestedAction(page, content.text('menu.options.gather.title')).waitFor({ state: 'visible', timeout: UI_TIMEOUT });

    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
  }, 60_000);

  it('a returning user (same browser, a new visit) is welcomed back', async () => {
    // A new visit: the tab's conversation is not kept (a reload of the same tab resumes it, see reload.test.ts).
    await page.evaluate(() => (globalThis as unknown as { sessionStorage: { clear(): void } }).sessionStorage.clear());
    await page.reload({ waitUntil: 'domcontentloaded' });
    await waitForBubbles(page, says('welcome.backNoCase'));
    expect(await bubbles(page, says('welcome.first')).count()).toBe(0);
    await suggestedAction(page, content.text('menu.options.gather.title')).waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  }, 60_000);

  it('fits the screen at phone and desktop width: no horizontal scrolling, send box visible', async () => {
    const layout = () =>
      page.evaluate(() => {
        const d = (globalThis as unknown as {
          document: { scrollingElement: { scrollWidth: number } | null; querySelector(s: string): { getBoundingClientRect(): { left: number; right: number; width: number } } | null };
          innerWidth: number;
        });
        const chatBox = d.document.querySelector('#webchat')?.getBoundingClientRect();
        return { scrollWidth: d.document.scrollingElement?.scrollWidth ?? 0, innerWidth: d.innerWidth, chatLeft: chatBox?.left ?? -1, chatRight: chatBox?.right ?? -1 };
      });
    const input = sendBox(page);

    for (const size of [PHONE, DESKTOP]) {
      await page.setViewportSize(size);
      await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await expect(input.isVisible()).resolves.toBe(true);
      const box = await input.boundingBox();
      expect(box).not.toBeNull();
      // Fully on screen, not below the fold.
      expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(size.height);
      const { scrollWidth, innerWidth, chatLeft, chatRight } = await layout();
      expect(innerWidth).toBe(size.width);
      expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
      expect(chatLeft).toBeGreaterThanOrEqual(0);
      expect(chatRight).toBeLessThanOrEqual(innerWidth);
    }
    await page.setViewportSize(PHONE);
  }, 60_000);
});
