import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { realContent } from '../helpers/content';
import { DirectLineTestClient, hasCard, messageTexts, startsWith } from '../helpers/directLine';
import { BotProcess, kill, spawnBot } from '../helpers/process';

const content = realContent();

describe('step 1 over the local Direct Line channel, with a restart in the middle', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bc-gather-'));
  let bot: BotProcess | undefined;

  afterAll(async () => {
    if (bot) await kill(bot, 'SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('resumes intake with the answers already given, then reaches the bill-check card', async () => {
    bot = await spawnBot({ DATA_DIR: dataDir });
    const user = await DirectLineTestClient.opened(bot.baseUrl, 'u-gather-1');
    expect(messageTexts(await user.say('1'))[0]).toMatch(startsWith(content.text('checkCard.intro')));
    await user.say('Mercy General Hospital');
    await user.say("Doctor's office");
    await user.say('March 3, 2026');

    await kill(bot, 'SIGKILL');
    bot = await spawnBot({ DATA_DIR: dataDir });

    const again = new DirectLineTestClient(bot.baseUrl, 'u-gather-1');
    await again.start();
    expect(messageTexts(await again.waitForBot())[0]).toContain(content.text('welcome.back', { caseLabel: 'Mercy General Hospital' }));
    const resumed = messageTexts(await again.say('1'));
    // One message: the note and the next question (replyCoalescing.ts).
    expect(resumed).toHaveLength(1);
    expect(resumed[0]).toMatch(startsWith(content.text('checkCard.introAgain', { caseLabel: 'Mercy General Hospital' })));
    expect(resumed[0]).toContain(content.text('intake.firstBillDate.ask'));

    for (const answer of ['April 10, 2026', '$1,250', 'not sure', 'None / self-pay', 'No', 'Ohio', 'Yes, I have it', 'Yes', '$700', 'Skip']) {
      await again.say(answer);
    }
    const end = await again.say('Skip', hasCard);
    const card = end.flatMap((a) => a.attachments ?? []).find((x) => x.contentType === 'application/vnd.microsoft.card.adaptive');
    const json = JSON.stringify(card?.content);
    expect(json).toContain('Bill check: Mercy General Hospital');
    expect(json).toContain(content.text('findings.goodFaithEstimateExceeded.title'));
    await kill(bot, 'SIGKILL');
    bot = undefined;
  });
});
