import path from 'node:path';
import type { Page } from 'playwright-core';
import { loadFaq } from '../../src/content/faqFiles';
import { caseSchema, emptyProfile, type Profile } from '../../src/domain/case';
import { describeWithBrowser } from '../helpers/browser';
import { realContent } from '../helpers/content';
import { openAsReturningUser, type ReturningUserSession } from '../helpers/returningUser';
import { UI_TIMEOUT, botSays, bubbles, fragment, lastCard, press, sendText } from '../helpers/webChatPage';

/**
 * Web Chat's Markdown (markdown-it with its typographer) would show "(r)", "(c)" and "(tm)" as ®, © and ™:
 * "section 501(r)" read "section 501®" in answers and their sources, and a name typed with "(R)" changed
 * in a card. In the real page on a phone (390×844), none of those marks appears, and nothing shows a stray
 * backslash either.
 */

const content = realContent();
const USER = 'u-registered-mark-browser-test';
/** What she typed as the hospital's name: the card must show it exactly. */
const TYPED_NAME = 'Mercy (R) Health (c) Center';
const STAMP = new Date().toISOString();

const nonprofitAnswer = (() => {
  const entry = loadFaq(path.join(__dirname, '..', '..', 'content', 'en', 'faq')).find((e) => e.terms?.includes('501(r)'));
  if (!entry) throw new Error('the FAQ has no entry about 501(r)');
  return entry;
})();

function withCase(): Profile {
  const c = caseSchema.parse({
    id: 'case-1', label: TYPED_NAME, createdAt: STAMP, updatedAt: STAMP,
    provider: { name: TYPED_NAME, kind: 'hospital', nonprofit: 'yes' },
    balanceCents: 240_000, insurance: 'employer', inCollections: 'no', state: 'OH',
  });
  return { ...emptyProfile(), cases: [c], activeCaseId: c.id, conversations: ['earlier-conversation'] };
}

/** Everything the page shows in its transcript. */
const transcript = (page: Page) => page.locator('.webchat__basic-transcript').innerText();

describeWithBrowser('"501(r)" reads "501(r)" in the real page on a phone', () => {
  let session: ReturningUserSession;
  let page: Page;

  beforeAll(async () => {
    session = await openAsReturningUser(USER, withCase());
    page = session.page;
    await botSays(page, fragment(content, 'menu.promptWithCase', { caseLabel: TYPED_NAME, progress: '' }).split('(')[0] ?? '');
  }, 60_000);

  afterAll(async () => {
    await session?.close();
  }, 30_000);

  it('an answer about nonprofit hospitals and its source say "501(r)", never "501®"', async () => {
    await sendText(page, nonprofitAnswer.question);
    // The answer may be followed by the menu's question in a message of its own: find the answer itself.
    const answer = bubbles(page, 'Financial Assistance Policy').last();
    await answer.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    const shown = await answer.innerText();
    expect(nonprofitAnswer.answer).toContain('501(r)');
    expect(shown).toContain('section 501(r)');
    expect(shown).toContain(`Source: ${nonprofitAnswer.source}`);
    expect(shown).not.toMatch(/[®©™]|\\\(/);
  }, 60_000);

  it('a card shows the name she typed with "(R)" and "(c)" exactly as typed', async () => {
    await press(page, content.text('menu.options.myCase.title'));
    const card = await lastCard(page);
    await card.getByText(TYPED_NAME, { exact: false }).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    const shown = await card.innerText();
    expect(shown).toContain(TYPED_NAME);
    expect(shown).not.toMatch(/[®©™]|\\\(/);
  }, 60_000);

  it('no ®, © or ™ anywhere in the conversation, no stray backslash, and a clean console', async () => {
    const all = await transcript(page);
    expect(all).toContain('501(r)');
    expect(all).not.toMatch(/[®©™]/);
    expect(all).not.toContain('\\(');
    expect(await bubbles(page).count()).toBeGreaterThan(2);
    expect([...session.problems.errors, ...session.problems.csp]).toEqual([]);
  });
});
