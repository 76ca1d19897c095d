import type { Page } from 'playwright-core';
import { describeWithBrowser } from '../helpers/browser';
import { realContent } from '../helpers/content';
import { PHONE, botSays, bubbles, fragment, press, sendText, useChatSession, waitForBubbles } from '../helpers/webChatPage';

/**
 * Reloading the local page in the middle of step 1: the conversation so far is shown again and the
 * open question is asked again; the answer continues the journey. When the conversation is gone
 * (expired, or the server forgot it), a fresh one starts with "welcome back".
 */

const content = realContent();
const says = (key: string, vars?: Record<string, string | number>) => fragment(content, key, vars);
const PROVIDER = 'Mercy General Hospital';

async function reload(page: Page): Promise<void> {
  await page.reload({ waitUntil: 'domcontentloaded' });
}

describeWithBrowser('reloading the local web chat page', () => {
  const chat = useChatSession(PHONE);

  /** Chromium logs the refused refresh of an expired token; that one is expected when a conversation is gone. */
  const REFUSED_REFRESH = /status of 403 .*\/v3\/directline\/tokens\/refresh/;

  afterEach(async () => {
    expect((await chat.session.consoleProblems()).filter((p) => !REFUSED_REFRESH.test(p))).toEqual([]);
  });

  it('shows the conversation so far, asks the open question again, and the answer carries on', async () => {
    const { page } = chat;
    await chat.session.open();
    await botSays(page, says('menu.prompt'));
    await press(page, content.text('menu.options.gather.title'));
    await botSays(page, says('intake.providerName.ask'));
    await sendText(page, PROVIDER);
    await botSays(page, says('intake.providerKind.ask'));
    await press(page, content.text('intake.providerKind.choices.hospital'));
    // A hospital is looked up in CMS's list: her state is asked right then.
    await botSays(page, says('intake.state.ask'));

    await reload(page);

    // The open question comes again, after the conversation so far.
    await botSays(page, says('intake.state.ask'));
    await waitForBubbles(page, says('welcome.resumed'));
    for (const key of ['welcome.first', 'intake.providerName.ask', 'intake.providerKind.ask']) {
      await waitForBubbles(page, says(key));
    }
    await waitForBubbles(page, PROVIDER);
    await waitForBubbles(page, content.text('intake.providerKind.choices.hospital'));
    // It is the same conversation: no second welcome, no "welcome back".
    expect(await bubbles(page, says('welcome.first')).count()).toBeLessThanOrEqual(2); // Web Chat may keep a screen-reader copy
    expect(await bubbles(page, says('welcome.back', { caseLabel: PROVIDER })).count()).toBe(0);
    // The resumed question still takes the answer, and the journey goes on.
    const before = await bubbles(page).count();
    await sendText(page, 'Ohio');
    await botSays(page, says('intake.hospital.ask', { name: PROVIDER, state: 'Ohio' }));
    await press(page, content.text('intake.hospital.none'));
    await press(page, content.text('intake.nonprofit.choices.yes'));
    await botSays(page, says('intake.serviceDate.ask'));
    expect(await bubbles(page).count()).toBeGreaterThan(before);
  }, 90_000);

  it('a conversation the server no longer holds starts afresh, with "welcome back" and the case kept', async () => {
    const { page } = chat;
    // As after a restart or the idle timeout: the tab's saved token is refused.
    await page.evaluate(() => {
      const storage = (globalThis as unknown as { sessionStorage: { getItem(k: string): string | null; setItem(k: string, v: string): void } }).sessionStorage;
      const saved = JSON.parse(storage.getItem('billcoach.conversation') ?? '{}') as Record<string, unknown>;
      storage.setItem('billcoach.conversation', JSON.stringify({ ...saved, token: 'expired-token' }));
    });
    await reload(page);
    await botSays(page, says('menu.promptWithCase', { caseLabel: PROVIDER, progress: '' }));
    await waitForBubbles(page, says('welcome.back', { caseLabel: PROVIDER }));
    expect(await bubbles(page, says('intake.providerName.ask')).count()).toBe(0);
    expect(await bubbles(page, says('welcome.resumed')).count()).toBe(0);
    // The fresh conversation is saved for the next reload.
    await reload(page);
    await waitForBubbles(page, says('welcome.resumed'));
    await botSays(page, says('menu.promptWithCase', { caseLabel: PROVIDER, progress: '' }));
  }, 90_000);
});
