import { createHarness, sayAll } from '../helpers/botHarness';

const NOW = '2026-11-27T15:00:00.000Z';
const FULL = {
  provider: { name: 'Mercy General', kind: 'hospital' }, balanceCents: 240000, firstBillDate: '2026-10-01',
  // A case at the 100-item cap: ids made from the list's length would repeat from here on.
  followUps: Array.from({ length: 100 }, (_, i) => ({ id: `F${i + 1}`, kind: 'other', due: '2026-11-01', status: 'done', createdAt: NOW })),
  calls: Array.from({ length: 100 }, (_, i) => ({ id: `C${i + 101}`, date: '2026-10-15', outcome: 'other', createdAt: NOW })),
};

describe('a case past the 100-item cap still gets new ids, so no reminder replaces another', () => {
  it('the next call and follow-up are numbered after every id the case holds', async () => {
    const h = createHarness();
    await h.seedCase(FULL);
    await h.join();
    await h.say('5');
    await h.say(h.content.text('followUp.menu.log'));
    await sayAll(h, ['today', 'Dana', 'billing', 'none', h.content.text('followUp.call.outcome.choices.waitingReview'), 'skip']);
    await h.say('1'); // the proposed date
    const saved = await h.activeCase();
    expect(saved?.calls.at(-1)?.id).toBe('C201');
    expect(saved?.followUps.at(-1)?.id).toBe('F202');
    expect(saved?.followUps).toHaveLength(100);
    expect((await h.reminderStore.all()).map((r) => r.id)).toEqual([`webchat/user-1|case-1-F202`]);
  });
});
