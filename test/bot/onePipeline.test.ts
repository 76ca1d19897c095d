import { ActivityTypes } from 'botbuilder';
import { createAdapter } from '../../src/bot/adapter';
import { ReadingNow } from '../../src/bot/attachmentFetcher';
import { createBotState } from '../../src/bot/botState';
import { TURN_PIPELINE } from '../../src/bot/pipeline';
import { createMemoryLogger } from '../../src/logger';
import { createHarness, texts } from '../helpers/botHarness';
import { realContent } from '../helpers/content';
import { MemoryBotStore } from '../helpers/memoryBotStore';

/**
 * Issue 21 (item 4): one pipeline. Production's adapter and the tests' harness install the same middleware, in
 * the same order, through installTurnPipeline, so a dialog test sees the messages a user sees.
 */
describe('one turn pipeline for production and tests', () => {
  it('the CloudAdapter and the harness install the same middleware in the same order', () => {
    const storage = new MemoryBotStore();
    const { conversationState } = createBotState(storage);
    const production = createAdapter({
      config: { auth: { MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: 'MultiTenant', MicrosoftAppTenantId: '' } },
      logger: createMemoryLogger(), content: realContent(), conversationState, leases: storage, reading: new ReadingNow(),
    });
    const harness = createHarness();
    expect(production.pipeline.installed).toEqual(TURN_PIPELINE);
    expect(harness.pipeline.installed).toEqual(production.pipeline.installed);
    production.close();
    harness.pipeline.close();
  });

  it('a dialog test gets the replies merged as a user does: the step intro and its first question in one message', async () => {
    const h = createHarness();
    await h.join();
    const replies = await h.say('3');
    expect(texts(replies)).toHaveLength(1);
    expect(texts(replies)[0]).toContain(h.content.text('offer.intro'));
    expect(texts(replies)[0]).toContain(h.content.text('offer.balance.ask'));
    h.pipeline.close();
  });

  it('a repeated activity id is answered once, as the production dedupe does', async () => {
    const h = createHarness();
    await h.join();
    const first = await h.say({ type: ActivityTypes.Message, text: 'menu', id: 'same-id' });
    const again = await h.say({ type: ActivityTypes.Message, text: 'menu', id: 'same-id' });
    expect(texts(first).length).toBeGreaterThan(0);
    expect(again).toEqual([]);
    h.pipeline.close();
  });
});
