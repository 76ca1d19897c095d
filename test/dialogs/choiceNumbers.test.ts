import { createHarness, Harness, texts } from '../helpers/botHarness';

const BEFORE_COLLECTIONS = {
  provider: { name: 'Mercy', kind: 'doctor' }, serviceDate: '2026-09-01', firstBillDate: '2026-10-01',
  balanceCents: 90000, dueDate: '2026-12-31', insurance: 'employer',
};

async function atCollectionsQuestion(): Promise<Harness> {
  const h = createHarness();
  await h.seedCase(BEFORE_COLLECTIONS);
  await h.join();
  const asked = texts(await h.say('1'));
  expect(asked.join('\n')).toContain(h.content.text('intake.inCollections.ask').slice(0, 20));
  return h;
}

describe('a number picks a button only when it is the whole answer', () => {
  it.each(['<script>alert(1)</script>', 'I got 2 letters about it', 'call me at 1 pm'])(
    'a number inside other words (%s) is not taken as a pick: the question comes again and nothing is saved',
    async (answer) => {
      const h = await atCollectionsQuestion();
      expect(texts(await h.say(answer)).join('\n')).toContain(h.content.text('intake.inCollections.retry').slice(0, 20));
      expect((await h.activeCase())?.inCollections).toBeUndefined();
    },
  );

  it.each([['2', 'no'], ['(1)', 'yes'], ['#3', 'unsure'], ['2.', 'no']])('"%s" picks that button', async (answer, saved) => {
    const h = await atCollectionsQuestion();
    await h.say(answer);
    expect((await h.activeCase())?.inCollections).toBe(saved);
  });

  it('a number past the last button is re-asked', async () => {
    const h = await atCollectionsQuestion();
    expect(texts(await h.say('9')).join('\n')).toContain(h.content.text('intake.inCollections.retry').slice(0, 20));
  });
});
