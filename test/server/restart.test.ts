import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { realContent } from '../helpers/content';
import { DirectLineTestClient, messageTexts, startsWith } from '../helpers/directLine';
import { BotProcess, kill, logLine, spawnBot } from '../helpers/process';

const content = realContent();

describe('a real bot process on durable sqlite storage', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bc-restart-'));
  let bot: BotProcess | undefined;

  afterAll(async () => {
    if (bot) await kill(bot, 'SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('is healthy quickly, loses nothing on SIGKILL, and the same user continues with their case after a restart', async () => {
    bot = await spawnBot({ DATA_DIR: dataDir, STORAGE: 'sqlite' });
    expect((await fetch(`${bot.baseUrl}/healthz`)).status).toBe(200);
    // The build's one-file bundle and V8 code cache are what start runs (npm run bench measures the time).
    expect(await logLine(bot, 'server.ready')).toMatchObject({ bundle: 'used', codeCache: 'used' });

    const first = new DirectLineTestClient(bot.baseUrl, 'u-restart-1');
    await first.start();
    await first.waitForBot();
    await first.say('new case', (m) => m.length > 0);
    expect(messageTexts(await first.say('Mercy General'))[0]).toMatch(startsWith(content.text('cases.created', { caseLabel: 'Mercy General' })));

    expect(await kill(bot, 'SIGKILL')).toBeNull();

    bot = await spawnBot({ DATA_DIR: dataDir, STORAGE: 'sqlite' });
    const again = new DirectLineTestClient(bot.baseUrl, 'u-restart-1');
    await again.start();
    const welcome = messageTexts(await again.waitForBot());
    expect(welcome[0]).toContain(content.text('welcome.back', { caseLabel: 'Mercy General' }));
    expect(welcome.at(-1)).toContain('Mercy General');
    await kill(bot, 'SIGKILL');
    bot = undefined;
  });

  it('stops cleanly on SIGTERM', async () => {
    bot = await spawnBot({ DATA_DIR: dataDir, STORAGE: 'sqlite' });
    expect(await kill(bot, 'SIGTERM')).toBe(0);
    bot = undefined;
  });

  it('also runs from the compiled modules with BUNDLE=off (for debugging with the original files)', async () => {
    bot = await spawnBot({ DATA_DIR: dataDir, STORAGE: 'sqlite', BUNDLE: 'off' });
    expect(await logLine(bot, 'server.ready')).toMatchObject({ bundle: 'off', codeCache: 'absent' });
    expect((await fetch(`${bot.baseUrl}/healthz`)).status).toBe(200);
    expect(await kill(bot, 'SIGTERM')).toBe(0);
    bot = undefined;
  });

  it('refuses to start with bad settings, naming every bad key on its own line', async () => {
    await expect(spawnBot({ DATA_DIR: dataDir, PORT: 'abc', STORAGE: 'floppy', DATA_RETENTION_DAYS: '-1' })).rejects.toThrow(
      /PORT: expected a port number[\s\S]*STORAGE: expected one of memory, sqlite[\s\S]*DATA_RETENTION_DAYS: expected a whole number of days/,
    );
  });
});
