import { realContent } from '../helpers/content';
import { DirectLineTestClient, DlActivity, messageTexts, startsWith } from '../helpers/directLine';
import { useTestServer } from '../helpers/server';

const content = realContent();
const cardsOf = (m: DlActivity[]) => m.flatMap((a) => a.attachments ?? []).filter((x) => x.contentType === 'application/vnd.microsoft.card.adaptive');

describe('step 3 over the local Direct Line channel', () => {
  const server = useTestServer();

  it('goes from the menu to the offer card and the plan card', async () => {
    const user = await DirectLineTestClient.opened(server.baseUrl, 'u-offer-1');
    // The intro and the first question arrive as one message (replyCoalescing.ts).
    expect(messageTexts(await user.say('3 · Offer or payment plan', (m) => m.length >= 1))[0]).toMatch(startsWith(content.text('offer.intro')));
    await user.say('$2,400');
    await user.say('$1,000');
    const end = await user.say('$100', (m) => cardsOf(m).length >= 2 && m.some((a) => a.suggestedActions));
    expect(messageTexts(end)[0]).toContain(content.text('offer.recommend.lumpSumThenPlan'));
    const [offer, plan] = cardsOf(end).map((c) => JSON.stringify(c.content));
    expect(offer).toContain(content.text('offer.lumpSum.title', { caseLabel: content.text('cases.defaultLabel', { number: 1 }) }));
    expect(plan).toContain(content.text('offer.plan.title', { caseLabel: content.text('cases.defaultLabel', { number: 1 }) }));
    expect(end.some((a) => a.attachments?.some((x) => x.name === content.text('offer.file.name')))).toBe(true);
  });
});
