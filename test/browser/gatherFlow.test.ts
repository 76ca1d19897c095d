import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describeWithBrowser } from '../helpers/browser';
import { realContent } from '../helpers/content';
import { PHONE, UI_TIMEOUT, botSays, bubbles, fragment, lastCard, menuOffered, press, sendText, shownPattern, useChatSession } from '../helpers/webChatPage';

/**
 * Step 1 "Gather information" end to end in the real local web chat page at phone width: every question
 * answered the way a person would (pressing the offered button, otherwise typing), one bad answer and
 * its specific re-ask, then the bill check card, the downloadable copy and a clean console.
 */

const content = realContent();
const RESULTS = path.join(__dirname, '..', '..', 'test-results');
const CARD_SHOT = path.join(RESULTS, 'gather-card-phone.png');
const CARD_VIEW_SHOT = path.join(RESULTS, 'gather-card-phone-top.png');
const says = (key: string, vars?: Record<string, string | number>) => fragment(content, key, vars);

/** A bot message to wait for, then the user's answer: press the offered button, or type. */
interface Step {
  /** Content key of the bot message (a question, a re-ask …). */
  ask: string;
  vars?: Record<string, string | number>;
  /** The questionnaire this question belongs to: its bubble starts with that questionnaire's progress line. */
  section?: 'intake' | 'eob';
  /** Press this suggested action … */
  press?: string;
  /** … or type this. */
  type?: string;
}

type Answer = Pick<Step, 'press' | 'type'>;
const intake = (ask: string, answer: Answer): Step => ({ ask: `intake.${ask}.ask`, section: 'intake', ...answer });
const eob = (ask: string, answer: Answer): Step => ({ ask: `eob.${ask}.ask`, section: 'eob', ...answer });
const choice = (key: string): Answer => ({ press: content.text(key) });

const PROVIDER = 'Mercy General Hospital';
const LINE = '3/3/2026, 99284, ER visit, 1, $1,200.00';

/** Data URL → its text. */
function dataUrlText(href: string): string {
  const [head = '', body = ''] = href.split(',', 2);
  return head.endsWith(';base64') ? Buffer.from(body, 'base64').toString('utf8') : decodeURIComponent(body);
}

async function answer(page: Page, step: Step): Promise<void> {
  if (step.press !== undefined) await press(page, step.press);
  else await sendText(page, step.type ?? '');
}

describeWithBrowser('step 1 "Gather information" in Chromium at phone width', () => {
  const chat = useChatSession(PHONE);

  it('a first-time user answers every question and gets the bill check card and its file', async () => {
    const { page } = chat;
    const response = await chat.session.open();
    expect(response?.status()).toBe(200);
    await botSays(page, says('menu.prompt'));
    expect(await bubbles(page, says('welcome.first')).count()).toBeGreaterThan(0);

    await press(page, content.text('menu.options.gather.title'));

    const steps: Step[] = [
      intake('providerName', { type: PROVIDER }),
      intake('providerKind', choice('intake.providerKind.choices.hospital')),
      // A hospital is looked up in CMS's list in her state, asked right then; this one is not in it.
      intake('state', { type: 'Ohio' }),
      { ask: 'intake.hospital.ask', vars: { name: PROVIDER, state: 'Ohio' }, press: content.text('intake.hospital.none') },
      intake('nonprofit', choice('intake.nonprofit.choices.yes')),
      intake('serviceDate', { type: 'March 3, 2026' }),
      intake('firstBillDate', { type: 'April 10, 2026' }),
      // One bad answer: the balance as a word, then the specific re-ask, then the real amount.
      intake('balance', { type: 'lots' }),
      { ask: 'answers.money.unclear', type: '$2,400.50' },
      intake('dueDate', { type: 'December 15, 2026' }),
      intake('insurance', choice('intake.insurance.choices.employer')),
      intake('inCollections', choice('intake.inCollections.choices.no')),
      intake('itemizedBill', choice('intake.itemizedBill.choices.have')),
      eob('eobStatus', choice('eob.eobStatus.choices.processed')),
      eob('owed', { type: '$800' }),
      eob('billed', { type: '$5,000' }),
      eob('allowed', { type: '$3,000' }),
      eob('planPaid', { type: '$2,000' }),
      eob('split', choice('eob.split.choices.yes')),
      eob('deductible', { type: '$500' }),
      eob('copay', { type: '$0' }),
      eob('coinsurance', { type: '$300' }),
      eob('emergency', choice('eob.emergency.choices.yes')),
      eob('outOfNetwork', choice('eob.outOfNetwork.choices.no')),
      { ask: 'lines.offer.ask', ...choice('lines.offer.add') },
      { ask: 'lines.entry.first', type: LINE },
      { ask: 'lines.entry.next', vars: { number: 2 }, type: LINE },
      { ask: 'lines.entry.next', vars: { number: 3 }, ...choice('lines.entry.done') },
      { ask: 'lines.notReceived.ask', vars: { list: '' }, ...choice('lines.notReceived.none') },
      { ask: 'prices.offer.ask', ...choice('prices.offer.skip') },
    ];

    // Each questionnaire counts its questions 1, 2, 3 … ("question N of M"; M may shrink as answers come in).
    const asked = { intake: 0, eob: 0 };
    for (const step of steps) {
      const bubble = await botSays(page, says(step.ask, step.vars));
      if (step.section) {
        const number = ++asked[step.section];
        await expect(bubble.textContent()).resolves.toMatch(shownPattern(content, `${step.section}.progress`, { number, total: /\d+/ }));
      }
      await answer(page, step);
    }

    // The result: the card, the file to keep, the "step 1 is done" message, then the menu again.
    await botSays(page, says('menu.promptWithCase', { caseLabel: PROVIDER, progress: '' }));
    await menuOffered(page, content);
    const card = await lastCard(page);
    const title = says('checkCard.title', { caseLabel: PROVIDER });
    for (const text of [title, says('findings.balanceAboveEob.title'), says('findings.duplicateLines.title')]) {
      await card.getByText(text).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    }
    await expect(card.textContent()).resolves.toContain(title);
    // The card's only button opens its details in place; the menu's buttons follow it.
    expect(await card.getByRole('button').allTextContents()).toEqual([content.text('checkCard.showDetails')]);
    expect(await bubbles(page, says('checkCard.done')).count()).toBeGreaterThan(0);

    // The file: a plain-text copy of the card, named from content, offered as a download link.
    const fileName = content.text('checkCard.download.name');
    expect(await bubbles(page, says('checkCard.download.intro')).count()).toBeGreaterThan(0);
    const download = page.locator('a', { hasText: fileName }).last();
    await download.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    expect(await download.getAttribute('download')).toBe(fileName);
    const href = (await download.getAttribute('href')) ?? '';
    expect(href).toMatch(/^data:text\/plain[;,]/);
    // It has what the card has.
    const file = dataUrlText(href);
    for (const text of [title, says('findings.balanceAboveEob.title'), says('findings.duplicateLines.title')]) expect(file).toContain(text);

    // The card at phone width. It is taller than the phone's transcript, which clips an element
    // screenshot, so the whole card is taken with the viewport made taller (same 390 px width); the
    // phone-sized screenshot shows the top of the card as the user first scrolls to it.
    fs.mkdirSync(RESULTS, { recursive: true });
    await card.scrollIntoViewIfNeeded();
    await card.evaluate((el) => (el as unknown as { scrollIntoView(o: object): void }).scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: CARD_VIEW_SHOT });
    const box = await card.boundingBox();
    expect(box).not.toBeNull();
    expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= PHONE.width).toBe(true);
    // Nothing in the card wider than the card (long texts wrap, FactSets fit).
    const overflowing = await card.evaluate((el) => {
      const root = el as unknown as { getBoundingClientRect(): { right: number }; querySelectorAll(s: string): ArrayLike<{ getBoundingClientRect(): { right: number; width: number }; textContent: string | null }> };
      const right = root.getBoundingClientRect().right;
      return Array.from(root.querySelectorAll('*'))
        .filter((child) => child.getBoundingClientRect().width > 0 && child.getBoundingClientRect().right > right + 1)
        .map((child) => (child.textContent ?? '').slice(0, 60));
    });
    expect(overflowing).toEqual([]);
    await page.setViewportSize({ width: PHONE.width, height: Math.ceil((box?.height ?? 0) + PHONE.height) });
    await card.scrollIntoViewIfNeeded();
    await card.screenshot({ path: CARD_SHOT });
    await page.setViewportSize(PHONE);

    // A clean console all the way through.
    expect(await chat.session.consoleProblems()).toEqual([]);
  }, 90_000);
});
