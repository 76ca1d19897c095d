import { createHarness, texts } from '../helpers/botHarness';
import { MemoryBotStore } from '../helpers/memoryBotStore';

describe('when something goes wrong', () => {
  const failingOnce = (storage: MemoryBotStore, method: 'read' | 'write', when: (arg: unknown) => boolean = () => true) => {
    const real = storage[method].bind(storage) as (arg: never) => Promise<never>;
    const state = { failed: false };
    storage[method] = (async (arg: never) => {
      if (!state.failed && when(arg)) {
        state.failed = true;
        throw new Error('disk unavailable for "webchat/users/user-1" 1234');
      }
      return real(arg);
    }) as never;
    return state;
  };

  it('an unexpected error tells the user in plain words, logs no user text, clears the dialog and keeps the case', async () => {
    const storage = new MemoryBotStore();
    const h = createHarness({ storage });
    await h.join();
    await h.say('new case');
    await h.say('Mercy General');
    const failure = failingOnce(storage, 'read', (keys) => Array.isArray(keys) && keys.some((k) => String(k).startsWith('webchat/conversations/')));
    const failed = texts(await h.say('my secret text $4,321'));
    expect(failed.at(-1)).toBe(h.content.text('errors.turn'));
    expect(failure.failed).toBe(true);
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

  it('a save that fails mid-turn is told, keeps nothing half-saved, and the same message works when sent again', async () => {
    const storage = new MemoryBotStore();
    const h = createHarness({ storage });
    await h.join();
    await h.say('new case');
    const before = await storage.read(['webchat/users/user-1', 'webchat/conversations/conv-1/']);
    failingOnce(storage, 'write', (changes) => Object.keys(changes as object).some((k) => k.startsWith('webchat/users/')));
    const failed = texts(await h.say('Mercy General'));
    expect(failed.at(-1)).toBe(h.content.text('errors.storageDown'));
    // Neither the answer nor the step moved on: the stored records are exactly as before the message.
    expect(await storage.read(['webchat/users/user-1', 'webchat/conversations/conv-1/'])).toEqual(before);
    const retried = texts(await h.say('Mercy General'));
    const created = h.content.text('cases.created', { caseLabel: 'Mercy General' });
    expect(retried[0]?.slice(0, created.length)).toBe(created);
    expect((await h.activeCase())?.label).toBe('Mercy General');
  });

  it('when only the dialog position fails to save, the answer is kept and the same question comes again', async () => {
    const storage = new MemoryBotStore();
    const h = createHarness({ storage });
    await h.join();
    await h.say('new case');
    const asked = texts(await h.say('Mercy General'));
    failingOnce(storage, 'write', (changes) => Object.keys(changes as object).some((k) => k.startsWith('webchat/conversations/')));
    const answerTurn = texts(await h.say('menu'));
    expect(answerTurn.at(-1)).toBe(h.content.text('errors.storageDown'));
    expect((await h.activeCase())?.label).toBe('Mercy General');
    // The question came after the "saved" note, in the same message; now it comes again on its own.
    const again = texts(await h.say('menu')).at(-1) ?? '';
    expect(again).toContain('What would you like to do next for **Mercy General**?');
    expect(asked.at(-1)).toBe([h.content.text('cases.created', { caseLabel: 'Mercy General' }), again].join('\n\n'));
  });

  it('a user mid-dialog after an update is told and restarted at the menu, not resumed at the wrong step', async () => {
    const storage = new MemoryBotStore();
    const h = createHarness({ storage });
    await h.join();
    await h.say('new case');
    const key = 'webchat/conversations/conv-1/';
    const stored = await storage.read([key]);
    const state = stored[key] as Record<string, unknown>;
    await storage.write({ [key]: { ...state, flowVersion: 'flow-0' } });
    const replies = texts(await h.say('Mercy General'));
    expect(replies[0]).toBe([h.content.text('errors.flowUpdated'), h.content.text('menu.prompt')].join('\n\n'));
  });

  it('a returning user is welcomed back with their case', async () => {
    const storage = new MemoryBotStore();
    const first = createHarness({ storage });
    await first.join();
    await first.say('new case');
    await first.say('Mercy General');
    const again = createHarness({ storage, conversationId: 'conv-2' });
    const replies = texts(await again.join());
    expect(replies[0]).toContain(again.content.text('welcome.back', { caseLabel: 'Mercy General' }));
    // The note about sending a photo or PDF is for the first visit only.
    expect(replies[0]).not.toContain(again.content.text('welcome.files'));
  });
});
