import type { Page } from 'playwright-core';
import type { Profile } from '../../src/domain/case';
import { launchBrowser, type LaunchedBrowser } from './browser';
import { startTestServer, type TestServer } from './server';
import { PHONE, watch, type PageProblems } from './webChatPage';

export interface ReturningUserSession {
  server: TestServer;
  browser: LaunchedBrowser;
  page: Page;
  problems: PageProblems;
  close(): Promise<void>;
}

/**
 * The real bot and its page in Chromium for a user who has been here before: `profile` is stored under
 * the user id her browser keeps, and the page is opened (the welcome back is on its way).
 */
export async function openAsReturningUser(userId: string, profile: Profile, viewport = PHONE): Promise<ReturningUserSession> {
  const server = await startTestServer();
  let browser: LaunchedBrowser | undefined;
  try {
    browser = await launchBrowser({ viewport });
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    const problems = watch(page);
    await server.storage.write({ [`webchat/users/${userId}/`]: { profile } });
    await page.addInitScript((id) => (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem('billcoach.userId', id), userId);
    await page.goto(server.baseUrl, { waitUntil: 'domcontentloaded' });
    const opened = browser;
    return {
      server, browser: opened, page, problems,
      async close() {
        try {
          await opened.close();
        } finally {
          await server.close();
        }
      },
    };
  } catch (err) {
    await browser?.close();
    await server.close();
    throw err;
  }
}
