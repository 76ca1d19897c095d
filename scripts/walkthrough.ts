/**
 * npm run walkthrough [persona …]
 *
 * Walks a persona through the real web chat page (the bot in this process on 127.0.0.1, sqlite in a
 * temp folder, Debian's Chromium at 390×844) and writes what she sees to walkthrough/<persona>/:
 * transcript.md (every message in order, each bot message's rendered height) and screenshots (the
 * screen at the end of each step, the tallest message of each step, every message taller than 1.5
 * screens). Personas: see test/helpers/personas.ts (default: maria and james, typing naturally).
 */
import fs from 'node:fs';
import path from 'node:path';
import { ContentStore } from '../src/content/contentStore';
import { dataFigures } from '../src/content/dataFigures';
import { loadDataFiles } from '../src/content/dataFiles';
import { JourneyDriver, MAX_MESSAGE_PX, botMessages, type BotMessage, type StepRecord } from '../test/helpers/journeyDriver';
import { PERSONAS, type PersonaId } from '../test/helpers/personas';
import { tallest, transcriptMarkdown, type StepShots } from '../test/helpers/transcript';
import { PHONE, startChatSession } from '../test/helpers/webChatPage';
import { projectRoot } from '../src/projectRoot';

const OUT = path.join(projectRoot(), 'walkthrough');

/** The whole message, however tall: the viewport is made taller (same width) and the message scrolled to its top. */
async function shootMessage(page: import('playwright-core').Page, message: BotMessage, file: string): Promise<void> {
  await page.setViewportSize({ width: PHONE.width, height: Math.max(PHONE.height, message.heightPx + 400) });
  try {
    await page.waitForTimeout(300);
    await message.locator.evaluate((el) => (el as unknown as { scrollIntoView(o: object): void }).scrollIntoView({ block: 'center' }));
    await page.waitForTimeout(300);
    await message.locator.screenshot({ path: file });
  } finally {
    await page.setViewportSize(PHONE);
  }
}

async function walk(id: PersonaId): Promise<{ over: number; reasks: number; incomplete: string[]; registered: boolean }> {
  const persona = PERSONAS[id]();
  const dir = path.join(OUT, persona.id);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const content = ContentStore.load(path.join(projectRoot(), 'content', 'en'), dataFigures(loadDataFiles(path.join(projectRoot(), 'content', 'data'))));
  const session = await startChatSession(PHONE);
  try {
    const { page } = session;
    await session.open();
    const driver = new JourneyDriver(page, content);
    const welcome = await driver.welcome();
    const shots: StepShots[] = [];
    let index = 0;
    const records: StepRecord[] = await driver.drive(persona, {
      afterStep: async (record) => {
        index++;
        const prefix = `${String(index).padStart(2, '0')}-${record.step.id}`;
        const shot: StepShots = { messages: new Map() };
        const screen = `${prefix}-screen.png`;
        await page.screenshot({ path: path.join(dir, screen) });
        shot.screen = screen;
        const bots = record.entries.filter((e): e is BotMessage => e.from === 'bot');
        const top = tallest(record);
        const wanted = bots.filter((m) => m === top || m.heightPx > MAX_MESSAGE_PX);
        for (const [i, message] of wanted.entries()) {
          const file = `${prefix}-message-${i + 1}-${message.heightPx}px.png`;
          await shootMessage(page, message, path.join(dir, file));
          shot.messages.set(message, file);
        }
        shots.push(shot);
        process.stdout.write(`  ${record.step.title}: ${record.completed ? 'done' : 'NOT DONE'}, tallest ${top?.heightPx ?? 0} px, ${bots.length} messages\n`);
      },
    });
    fs.writeFileSync(path.join(dir, 'transcript.md'), transcriptMarkdown(persona, welcome, records, shots, new Date()));
    const problems = await session.consoleProblems();
    if (problems.length) fs.writeFileSync(path.join(dir, 'console-problems.txt'), `${problems.join('\n')}\n`);
    const all = botMessages(records);
    const registered = (await page.locator('body').innerText()).includes('®');
    return {
      over: all.filter((m) => m.heightPx > MAX_MESSAGE_PX).length,
      reasks: records.reduce((n, r) => n + r.reasks, 0),
      incomplete: records.filter((r) => !r.completed).map((r) => r.step.title),
      registered,
    };
  } finally {
    await session.close();
  }
}

async function main(): Promise<void> {
  const asked = process.argv.slice(2);
  const ids = (asked.length ? asked : ['maria', 'james']) as PersonaId[];
  const unknown = ids.filter((id) => !(id in PERSONAS));
  if (unknown.length) throw new Error(`Unknown persona ${unknown.join(', ')}; known: ${Object.keys(PERSONAS).join(', ')}`);
  for (const id of ids) {
    process.stdout.write(`Walking ${id} …\n`);
    const r = await walk(id);
    process.stdout.write(
      `  → walkthrough/${PERSONAS[id]().id}/transcript.md: ${r.over} message(s) over ${MAX_MESSAGE_PX} px, ${r.reasks} re-ask(s)` +
        `${r.incomplete.length ? `, not finished: ${r.incomplete.join(', ')}` : ''}${r.registered ? ', "®" on the page' : ''}\n`,
    );
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
