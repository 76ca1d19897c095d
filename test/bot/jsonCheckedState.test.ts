import fc from 'fast-check';
import { ActivityTypes, ConversationState, MemoryStorage, type Storage, type StoreItems, TestAdapter, TurnContext, UserState } from 'botbuilder';
import { JsonCheckedConversationState, JsonCheckedUserState, changeCheckOf } from '../../src/bot/jsonCheckedState';

/** MemoryStorage that counts what it is asked to write. */
class CountingStorage implements Storage {
  readonly inner = new MemoryStorage();
  writes: StoreItems[] = [];
  read(keys: string[]) {
    return this.inner.read(keys);
  }
  write(changes: StoreItems) {
    this.writes.push(JSON.parse(JSON.stringify(changes)) as StoreItems);
    return this.inner.write(changes);
  }
  delete(keys: string[]) {
    return this.inner.delete(keys);
  }
}

const contextFor = (userId = 'u1') =>
  new TurnContext(new TestAdapter(), {
    type: ActivityTypes.Message, channelId: 'test', text: 'hi',
    conversation: { id: 'c1', isGroup: false, conversationType: 'personal', name: '' },
    from: { id: userId, name: '' }, recipient: { id: 'bot', name: '' },
  });

describe('user and conversation state checked by their JSON', () => {
  it('writes a changed state once, and nothing on a turn that changes nothing', async () => {
    const storage = new CountingStorage();
    const state = new JsonCheckedUserState(storage);
    const profile = state.createProperty<{ cases: string[] }>('profile');

    const first = contextFor();
    await profile.set(first, { cases: ['Mercy General'] });
    await state.saveChanges(first);
    await state.saveChanges(first);
    expect(storage.writes).toHaveLength(1);

    const second = contextFor();
    expect(await profile.get(second)).toEqual({ cases: ['Mercy General'] });
    await state.saveChanges(second);
    expect(storage.writes).toHaveLength(1);

    const third = contextFor();
    (await profile.get(third))?.cases.push('Northside Clinic');
    await state.saveChanges(third);
    expect(storage.writes).toHaveLength(2);
    const reread = contextFor();
    expect(await profile.get(reread)).toEqual({ cases: ['Mercy General', 'Northside Clinic'] });
  });

  it('writes when forced, clears to an empty record, and deletes the record', async () => {
    const storage = new CountingStorage();
    const state = new JsonCheckedConversationState(storage);
    const step = state.createProperty<number>('step');
    const context = contextFor();
    await step.set(context, 3);
    await state.saveChanges(context, true);
    await state.saveChanges(context, true);
    expect(storage.writes).toHaveLength(2);

    const clearing = contextFor();
    await state.clear(clearing);
    await state.saveChanges(clearing);
    expect(await step.get(contextFor())).toBeUndefined();

    const deleting = contextFor();
    await step.set(deleting, 5);
    await state.saveChanges(deleting);
    await state.delete(deleting);
    expect(await storage.read(['test/conversations/c1/'])).toEqual({});
  });

  it('ignores the eTag when telling whether the state changed', () => {
    expect(changeCheckOf({ a: 1, eTag: '*' })).toBe(changeCheckOf({ a: 1, eTag: 'abc' }));
    expect(changeCheckOf({ a: 1 })).not.toBe(changeCheckOf({ a: 2 }));
  });

  it('treats a state JSON cannot encode as the SDK does: a cycle gets its hash, a BigInt throws', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(changeCheckOf(cyclic)).toMatch(/^[0-9a-f]{64}$/);
    expect(() => changeCheckOf({ n: 1n })).toThrow(/BigInt/);
  });

  it('writes on exactly the turns the SDK’s own state writes on, for any sequence of changes', async () => {
    type Op = { kind: 'set'; name: string; value: unknown } | { kind: 'delete'; name: string } | { kind: 'touch'; name: string } | { kind: 'save' };
    const value = fc.oneof(fc.integer(), fc.string(), fc.array(fc.integer(), { maxLength: 3 }), fc.record({ x: fc.integer() }));
    const name = fc.constantFrom('profile', 'dialogState', 'flags');
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), name, value }),
      fc.record({ kind: fc.constant('delete' as const), name }),
      fc.record({ kind: fc.constant('touch' as const), name }),
      fc.constant({ kind: 'save' as const }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(op, { maxLength: 6 }), { minLength: 1, maxLength: 6 }), async (turns) => {
        const run = async (make: (s: Storage) => UserState | ConversationState): Promise<StoreItems[]> => {
          const storage = new CountingStorage();
          const state = make(storage);
          for (const ops of turns) {
            const context = contextFor();
            for (const o of ops) {
              const property = state.createProperty<unknown>(o.kind === 'save' ? 'profile' : o.name);
              if (o.kind === 'set') await property.set(context, structuredClone(o.value));
              else if (o.kind === 'delete') await property.delete(context);
              else if (o.kind === 'touch') await property.get(context);
              else await state.saveChanges(context);
            }
            await state.saveChanges(context);
          }
          return storage.writes.map((w) => Object.fromEntries(Object.entries(w).map(([k, v]) => [k, { ...(v as object), eTag: undefined }])));
        };
        expect(await run((s) => new JsonCheckedUserState(s))).toEqual(await run((s) => new UserState(s)));
        expect(await run((s) => new JsonCheckedConversationState(s))).toEqual(await run((s) => new ConversationState(s)));
      }),
      { numRuns: 150 },
    );
  });
});
