import { createHarness, texts, sayAll } from '../helpers/botHarness';

const AGREED = {
  provider: { name: 'Mercy General', kind: 'hospital' }, balanceCents: 240000, firstBillDate: '2026-10-01',
  calls: [{ id: 'C1', date: '2026-11-20', who: 'Dana', outcome: 'agreementReached', createdAt: '2026-11-20T15:00:00.000Z' }],
  progress: { followUp: 'in_progress' },
};

describe('step 5 is done only when the agreement is in writing', () => {
  it('an agreement reads "agreed — get it in writing" until a call logs "I got it in writing"; then "done ✓", with no follow-up to set', async () => {
    const h = createHarness();
    await h.seedCase(AGREED);
    await h.join();
    const before = texts(await h.say('menu')).join('\n');
    expect(before).toContain(h.content.text('menu.status.awaitingWriting'));

    await h.say('5');
    await h.say(h.content.text('followUp.menu.log'));
    await sayAll(h, ['today', 'Dana', 'billing', 'none']);
    await h.say(h.content.text('followUp.call.outcome.choices.confirmedInWriting'));
    const done = texts(await h.say('skip'));
    expect(done.join('\n\n')).toContain(h.content.text('followUp.inWriting'));
    expect(done.join('\n')).not.toContain(h.content.text('followUp.propose.ask', { date: '', days: 0 }).slice(0, 20));

    const saved = await h.activeCase();
    expect(saved?.progress.followUp).toBe('done');
    expect(saved?.calls.at(-1)?.outcome).toBe('confirmedInWriting');
    expect(saved?.followUps).toEqual([]);
    expect(texts(await h.say('menu')).join('\n')).toContain(h.content.text('menu.progressLine', { number: 5, step: h.content.text('menu.stepName.followUp'), status: h.content.text('menu.status.done') }));
  });
});
