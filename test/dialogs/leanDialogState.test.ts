import { createHarness, texts } from '../helpers/botHarness';
import { MemoryBotStore } from '../helpers/memoryBotStore';

/**
 * The dialog state is hashed, written and read back on every turn: the words a prompt reads answers with
 * (synonyms, whole-answer phrases) come from content when the answer arrives and are not stored with it.
 */
const BEFORE_INSURANCE = { provider: { name: 'Mercy', kind: 'doctor' }, serviceDate: '2026-09-01', firstBillDate: '2026-10-01', balanceCents: 240000, dueDate: '2026-12-20' };

async function storedConversation(storage: MemoryBotStore): Promise<string> {
  const key = storage.keys().find((k) => k.includes('/conversations/'));
  if (!key) throw new Error('no conversation state stored');
  return JSON.stringify((await storage.read([key]))[key]);
}

describe('the stored dialog state holds the buttons, not the words behind them', () => {
  it('the menu waits with its buttons only, and "check my bill" (a synonym) still starts step 1', async () => {
    const storage = new MemoryBotStore();
    const h = createHarness({ storage });
    await h.join();
    const stored = await storedConversation(storage);
    expect(stored).toContain(h.content.text('menu.options.gather.title'));
    expect(stored).not.toContain('"synonyms"');
    expect(stored).not.toContain('check my bill');
    expect(texts(await h.say('check my bill')).join('\n')).toContain(h.content.text('intake.providerName.ask').slice(0, 40));
  });

  it('the insurance question stores its buttons and the question id; "through my job" and "i don\'t have insurance" still answer it', async () => {
    const storage = new MemoryBotStore();
    const h = createHarness({ storage });
    await h.seedCase(BEFORE_INSURANCE);
    await h.join();
    await h.say('1');
    const stored = await storedConversation(storage);
    expect(stored).toContain(h.content.text('intake.insurance.choices.employer'));
    expect(stored).toContain('"question":"insurance"');
    expect(stored).not.toContain('"synonyms"');
    expect(stored).not.toContain('"phrases"');
    expect(stored).not.toContain('obamacare');
    await h.say('through my job');
    expect((await h.activeCase())?.insurance).toBe('employer');
    await h.say('back');
    await h.say("i don't have insurance");
    expect((await h.activeCase())?.insurance).toBe('uninsured');
  });

  it('a household of "just me" (a whole-answer phrase of a count) is still 1', async () => {
    const h = createHarness();
    await h.seedCase({ provider: { name: 'Mercy General', kind: 'hospital', nonprofit: 'yes' }, firstBillDate: '2026-10-01', balanceCents: 240000, state: 'OH', insurance: 'employer' });
    await h.join();
    await h.say('2');
    await h.say('just me');
    expect((await h.activeCase())?.assistance?.householdSize).toBe(1);
  });
});
