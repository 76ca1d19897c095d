import type { Activity } from 'botbuilder';
import { escapeMarkdown } from '../../src/cards/markdown';
import { createHarness, Harness } from '../helpers/botHarness';
import { converse, lastText, messageTexts } from './turnChecks';

/** Bugs the fuzz tests found, each pinned with the input that showed it. */
const CASE = { provider: { name: 'Mercy General', kind: 'doctor' } };
/** Digits, words and dates: the shape that made the date recognizer take minutes. */
const LONG_DATEISH = 'a1 $2, March 3 😀 '.repeat(120).slice(0, 2000);

async function started(fields: Record<string, unknown>, path: string[]): Promise<Harness> {
  const h = createHarness();
  await h.seedCase(fields);
  await h.join();
  await converse(h, path);
  return h;
}

const fileText = (replies: Partial<Activity>[]) => {
  const file = replies.flatMap((a) => a.attachments ?? []).find((a) => a.contentType === 'text/plain');
  return Buffer.from(String(file?.contentUrl).split(',')[1] ?? '', 'base64').toString('utf8');
};

describe('bad input regressions', () => {
  it('a 2,000-character answer at a date question is re-asked at once (it used to keep the turn busy for minutes)', async () => {
    const h = await started(CASE, ['1']);
    expect(messageTexts(await h.say(LONG_DATEISH))).toEqual([h.content.text('answers.date.unclear')]);
    await h.say('I think it was March 3, 2026');
    expect((await h.activeCase())?.serviceDate).toBe('2026-03-03');
  }, 5000);

  it('the same at the follow-up date', async () => {
    const h = await started(CASE, ['5', 'Log a call', 'today', 'Dana', 'billing', 'none', "They'll review the bill", 'skip', 'Pick another date']);
    expect(messageTexts(await h.say(LONG_DATEISH))).toEqual([h.content.text('followUp.propose.unclear')]);
  }, 5000);

  it.each([['<img src=x onerror=alert(1)>'], ['give me 1 minute'], ['1'], ['1,2,3']])(
    '"delete my data" is not confirmed by a stray number: %s',
    async (answer) => {
      const h = await started(CASE, ['delete my data']);
      expect(messageTexts(await h.say(answer))).toEqual([h.content.text('deleteData.confirmRetry')]);
      expect((await h.profile())?.cases).toHaveLength(1);
      expect(messageTexts(await h.say('yes'))).toEqual([h.content.text('deleteData.done')]);
      expect(await h.profile()).toBeUndefined();
    },
  );

  it('the confirming letter shown in the chat escapes what the user typed; the file keeps it as typed', async () => {
    const h = await started(CASE, ['5', 'Log a call', 'today', '**Dana**', '<b>billing</b>', '[REF](javascript:alert(1))', 'We agreed on something', '# $1,000 by December 10']);
    const replies = await converse(h, ['Pick another date', 'December 15']);
    const shown = messageTexts(replies).find((t) => t.startsWith(h.content.text('followUp.letter.intro'))) ?? '';
    for (const typed of ['**Dana**', '<b>billing</b>', '[REF](javascript:alert(1))', '# $1,000 by December 10']) {
      expect(shown).toContain(escapeMarkdown(typed));
      expect(fileText(replies)).toContain(typed);
    }
    expect(shown).not.toContain('**Dana**');
  });

  it('an unclosed right-to-left override in a case name is kept in the case but never reaches a message', async () => {
    const h = await started({}, ['new case', 'Mercy \u202Eevil']);
    expect((await h.activeCase())?.label).toBe('Mercy \u202Eevil');
    const menu = lastText(await h.say('menu'));
    expect(menu).toContain('Mercy evil');
    expect(menu).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  });
});
