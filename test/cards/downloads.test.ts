import { Activity, Attachment } from 'botbuilder';
import ical, { type VEvent } from 'node-ical';
import { calendarFile, textFile, textFileFromMarkdown } from '../../dialogs/attachments';
import { confirmationLetter, followUpIcs } from '../../dialogs/followUp/followUpTexts';
import { billCheckMarkdown } from '../../src/cards/billCheckMarkdown';
import { buildCallScript } from '../../src/cards/callScript';
import { caseTimelineFile } from '../../src/cards/caseSummaryCard';
import { escapeMarkdown } from '../../src/cards/markdown';
import { lumpSumSheet, planSheet } from '../../src/cards/offerSheets';
import { sheetText } from '../../src/cards/sheet';
import { checkBill } from '../../src/domain/billCheck';
import { Case, caseSchema } from '../../src/domain/case';
import { formatCents } from '../../src/domain/money';
import { planLumpSum } from '../../src/domain/offer';
import { compareCosts, planPayments } from '../../src/domain/paymentPlan';
import fullCase from '../fixtures/fullCase.json';
import { createHarness } from '../helpers/botHarness';
import { realContent, realData } from '../helpers/content';

const content = realContent();
const t = (key: string, vars?: Record<string, string | number>) => content.text(key, vars);
const TODAY = '2026-11-28';
/** What a user might type: every character Markdown cares about. */
const TYPED = '*Dr.* O_Brien_ & Sons [#2] `clinic` \\ <b>';
const c: Case = caseSchema.parse({
  ...fullCase,
  label: TYPED,
  provider: { ...fullCase.provider, name: TYPED },
  calls: fullCase.calls.map((call) => ({ ...call, who: 'Priya *P*', notes: 'Said: __no__ interest, 1. first payment in _May_.', outcome: 'agreementReached' })),
});

function decoded(file: Attachment): string {
  const [head, body] = String(file.contentUrl).split(',');
  expect(head).toMatch(/^data:text\/(plain|calendar);charset=utf-8;base64$/);
  return Buffer.from(body ?? '', 'base64').toString('utf8');
}

/**
 * Nothing in the file is a Markdown mark (Markdown in content would show up as one of these), apart
 * from what the user typed, which is kept exactly as typed.
 */
function expectNoMarkdown(file: string, typed: string[] = [TYPED]): void {
  const text = typed.reduce((rest, words) => rest.split(words).join(' '), file);
  expect(text).not.toMatch(/^\s*#{1,6}\s/m); // headings
  expect(text).not.toMatch(/\*\*|__|~~/); // bold, strikethrough
  expect(text).not.toMatch(/(^|[\s(])_[^\s_][^_\n]*_(?=[\s).,;:!?]|$)/m); // _italic_
  expect(text).not.toMatch(/\\[!-/:-@[-`{-~]/); // escapes
  expect(text).not.toMatch(/\]\(https?:/); // links
}

/** Every line of a content text (its Markdown marks removed) is in the file. */
const plain = (markdown: string) => markdown.replace(/\*\*|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '');

describe('every file the bot sends is clean plain text with nothing lost', () => {
  it('the bill check: title underlined, findings, what to say, sources, documents and leverage', () => {
    const result = checkBill(c, TODAY);
    const file = decoded(textFileFromMarkdown(t('checkCard.download.name'), billCheckMarkdown(content, c, result, TODAY)));
    expectNoMarkdown(file);
    const title = t('checkCard.title', { caseLabel: TYPED });
    expect(file.startsWith(`${title}\n${'='.repeat([...title].length)}\n`)).toBe(true);
    expect(result.findings.length).toBeGreaterThan(0);
    expect(file).toContain(`${t('findings.balanceAboveEob.title')}\n---`);
    expect(file).toContain(formatCents(734916));
    expect(file).toContain(`\n${plain(t('findings.severity.high'))}\n`);
    expect(file).toContain(`\n- ${t('checkCard.documents.itemizedBill')}: `);
    expect(file).toContain(`${t('checkCard.leverageTitle')}\n---`);
  });

  it('the call plan and script: every section, numbered asks, the statement and the disclaimer', () => {
    const script = buildCallScript(content, c, TODAY, escapeMarkdown);
    const file = decoded(textFileFromMarkdown(t('script.file.name'), sheetText(script)));
    expectNoMarkdown(file);
    expect(file).toContain(t('script.title', { caseLabel: TYPED }));
    for (const section of script.sections) expect(file).toContain(`\n${section.title}\n${'-'.repeat([...section.title].length)}\n`);
    expect(file).toMatch(/\n1\. .+\n2\. /);
    expect(file).toContain(`- ${t('script.haveAtHand.items.bill')}`);
    expect(file).toContain(c.hardship?.statement ?? 'a statement');
    expect(file).toContain(plain(t('callPrep.disclaimer')));
  });

  it('the offer sheets: the three numbers, the plan, the comparison and the words to say', () => {
    const strategy = realData().offerStrategy;
    const balance = c.balanceCents ?? 0;
    const input = { balanceCents: balance, cashAvailableCents: 150000 };
    const offer = planLumpSum(input, strategy);
    const plan = planPayments({ balanceCents: balance, monthlyBudgetCents: 15000, maxMonths: strategy.maxMonths });
    const costs = compareCosts(balance, plan.monthlyCents, strategy);
    const markdown = [lumpSumSheet(content, c, offer, input, escapeMarkdown), planSheet(content, c, plan, costs, strategy, 15000, escapeMarkdown)].map(sheetText).join('\n');
    const file = decoded(textFileFromMarkdown(t('offer.file.name'), markdown));
    expectNoMarkdown(file);
    expect(file).toContain(t('offer.lumpSum.title', { caseLabel: TYPED }));
    expect(file).toContain(`- ${t('offer.lumpSum.opening')}: ${formatCents(offer.openingCents)}`);
    expect(file).toContain(`- ${t('offer.plan.monthly')}: ${formatCents(plan.monthlyCents)}`);
    expect(file).toContain(`${t('offer.plan.compareTitle')}\n---`);
    expect(file).toContain(plain(t('offer.disclaimer')));
  });

  it('the "confirming our call" letter: the user\'s words exactly as typed, brackets to fill in kept', () => {
    const letter = confirmationLetter(content, c, escapeMarkdown) ?? '';
    const file = decoded(textFileFromMarkdown(t('followUp.letter.name'), letter));
    expectNoMarkdown(file, [TYPED, 'Priya *P*', 'Said: __no__ interest, 1. first payment in _May_.']);
    expect(file).toContain(`To: patient accounts, ${TYPED}`);
    expect(file).toContain('Priya *P*');
    expect(file).toContain('Said: __no__ interest, 1. first payment in _May_.');
    expect(file).toContain('[Your name]');
    expect(file).toContain('REF-27520');
  });

  it('the itemized bill request (sent in step 1): a heading, the letter with the provider as typed, the source', async () => {
    const h = createHarness();
    await h.seedCase({ provider: { name: TYPED, kind: 'doctor' }, serviceDate: '2026-03-03', firstBillDate: '2026-04-10', balanceCents: 90000, dueDate: '2026-12-31', insurance: 'employer', inCollections: 'no', state: 'OH' });
    await h.join();
    await h.say('1');
    const replies: Partial<Activity>[] = await h.say('No');
    const attachment = replies.flatMap((a) => a.attachments ?? []).find((a) => a.name === t('itemized.file.name'));
    expect(attachment).toBeDefined();
    const file = decoded(attachment as Attachment);
    expectNoMarkdown(file);
    const title = t('itemized.file.title');
    expect(file.startsWith(`${title}\n${'='.repeat(title.length)}\n`)).toBe(true);
    expect(file).toContain(`To: Billing Office, ${TYPED}`);
    expect(file).toContain('March 3, 2026');
    expect(file).toContain(content.sourced('itemized.file.source').text);
  });

  it('the case timeline (the part "my case" leaves out): every call with its reference, as typed', () => {
    const calls = ['REF-1', 'REF-2', 'REF-3', 'REF-4', 'REF-5', 'REF-6'].map((reference, i) => ({ ...c.calls[0], id: `C${i + 1}`, date: `2026-10-0${i + 1}`, reference }));
    const timeline = caseTimelineFile(content, { ...c, calls }, TODAY);
    expect(timeline).toBeDefined();
    const file = decoded(textFile(timeline?.name ?? '', timeline?.text ?? '')); // already plain text (dialogs/cases/caseCardMessage.ts)
    expectNoMarkdown(file, [TYPED, 'Priya *P*']);
    expect(file).toContain(t('card.timeline.file.heading', { caseLabel: TYPED }));
    for (const call of calls) expect(file).toContain(call.reference);
  });

  it('the follow-up calendar: titles and notes in plain words, the case label as typed', () => {
    const ics = followUpIcs(content, c, new Date('2026-11-28T12:00:00Z')) ?? '';
    const events = Object.values(ical.sync.parseICS(decoded(calendarFile(t('followUp.calendar.name'), ics)))).filter((e): e is VEvent => e?.type === 'VEVENT');
    expect(events).toHaveLength(1);
    for (const event of events) {
      const summary = String(event.summary);
      expect(summary).toBe(t('followUp.calendar.title', { caseLabel: TYPED }));
      expectNoMarkdown(String(event.description));
      expect(String(event.description)).toContain(t('followUp.calendar.description'));
    }
  });
});
