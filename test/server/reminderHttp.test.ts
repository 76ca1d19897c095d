import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DB_FILE_NAME } from '../../src/storage/sqliteSchema';
import { isReminderIndexKey } from '../../src/storage/reminderStore';
import { realContent } from '../helpers/content';
import { DirectLineTestClient, messageTexts } from '../helpers/directLine';
import { BotProcess, kill, spawnBot } from '../helpers/process';

const content = realContent();
const REMINDER_START = content.text('followUp.reminder', { caseLabel: 'X', date: 'Y' }).slice(0, 20);
const ENV = { REMINDER_CHECK_SECONDS: '1', REMINDER_DUE_AFTER_SECONDS: '2' };

describe('follow-up reminders through the local channel, across a restart', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bc-reminder-'));
  let bot: BotProcess | undefined;

  afterAll(async () => {
    if (bot) await kill(bot, 'SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('arrives once in the conversation, and not again after a restart', async () => {
    bot = await spawnBot({ DATA_DIR: dataDir, ...ENV });
    const user = new DirectLineTestClient(bot.baseUrl, 'u-reminder-1');
    await user.start();
    await user.waitForBot();
    await user.say('5');
    await user.say('Log a call', (m) => m.length > 0);
    for (const answer of ['today', 'Dana', 'billing', 'none', "They'll review the bill"]) await user.say(answer, (m) => m.length > 0);
    await user.say('skip');
    await user.say(content.text('followUp.propose.other'), (m) => m.length > 0);
    const scheduled = await user.say('December 15', (m) => m.some((a) => a.attachments?.some((x) => x.contentType === 'text/calendar')));
    expect(messageTexts(scheduled)[0]).toBe(content.text('followUp.scheduled', { date: 'December 15, 2026' }));

    const arrived = await user.waitForBot((m) => messageTexts(m).some((t) => t.startsWith(REMINDER_START)), 15_000);
    expect(messageTexts(arrived).filter((t) => t.startsWith(REMINDER_START))).toHaveLength(1);

    // Let the bot record the delivery (it does so right after the send returns), then kill it hard.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await kill(bot, 'SIGKILL');
    bot = await spawnBot({ DATA_DIR: dataDir, ...ENV });
    await new Promise((resolve) => setTimeout(resolve, 3500));
    expect(bot.output()).not.toMatch(/reminders\.(sent|send_failed)/);
    await kill(bot, 'SIGKILL');
    bot = undefined;

    const db = new Database(path.join(dataDir, DB_FILE_NAME), { readonly: true });
    const rows = (db.prepare('SELECT key, data FROM records').all() as { key: string; data: string }[]).filter((row) => isReminderIndexKey(row.key));
    db.close();
    const reminders = rows.flatMap((row) => (JSON.parse(row.data) as { reminders?: { status: string }[] }).reminders ?? []);
    expect(reminders.map((r) => r.status)).toEqual(['sent']);
  }, 60_000);
});
