import { MemoryStorage } from 'botbuilder';
import { createHarness, texts } from '../helpers/botHarness';

describe('when something goes wrong', () => {
  it('a failing turn tells the user in plain words, logs no user text, clears the dialog and keeps the case', async () => {
    const storage = new MemoryStorage();
    const h = createHarness({ storage });
    await h.join();
    await h.say('new case');
    await h.say('Mercy General');
    const realWrite = storage.write.bind(storage);
    let failOnce = true;
    storage.write = async (changes) => {
      if (failOnce) {
        failOnce = false;
        throw new Error('disk unavailable for "webchat/users/user-1" 1234');
      }
      return realWrite(changes);
    };
    const failed = texts(await h.say('new case')); // starts a dialog: state changes and the write fails
    expect(failed.at(-1)).toBe(h.content.text('errors.turn'));
    expect(failOnce).toBe(false);
    await h.say('my secret text $4,321');
    const logged = h.logger.lines.join('\n');
    expect(logged).toContain('turn.error');
    expect(logged).not.toMatch(/secret|4,321|4321|user-1|Mercy/);
    expect((await h.profile())?.cases).toHaveLength(1);
    // The next message starts cleanly: welcomed back with the case, then the menu.
    await h.say('delete my data');
    await h.say('no');
    const after = texts(await createHarness({ storage, conversationId: 'conv-9' }).say('menu'));
    expect(after[0]).toContain(h.content.text('welcome.back', { caseLabel: 'Mercy General' }));
    expect(after.at(-1)).toContain('Mercy General');
  });

  it('a user mid-dialog after an update is told and restarted at the menu, not resumed at the wrong step', async () => {
    const storage = new MemoryStorage();
    const h = createHarness({ storage });
    await h.join();
    await h.say('new case');
    const key = 'webchat/conversations/conv-1/';
    const stored = await storage.read([key]);
    const state = stored[key] as Record<string, unknown>;
    await storage.write({ [key]: { ...state, flowVersion: 'flow-0' } });
    const replies = texts(await h.say('Mercy General'));
    expect(replies[0]).toBe(h.content.text('errors.flowUpdated'));
    expect(replies[1]).toBe(h.content.text('menu.prompt'));
  });

  it('a returning user is welcomed back with their case', async () => {
    const storage = new MemoryStorage();
    const first = createHarness({ storage });
    await first.join();
    await first.say('new case');
    await first.say('Mercy General');
    const again = createHarness({ storage, conversationId: 'conv-2' });
    const replies = texts(await again.join());
    expect(replies[0]).toContain(again.content.text('welcome.back', { caseLabel: 'Mercy General' }));
  });
});
