import { realContent } from '../helpers/content';
import { DirectLineTestClient, DlActivity, hasCard, messageTexts, startsWith } from '../helpers/directLine';
import { useTestServer } from '../helpers/server';

const content = realContent();

describe('step 2 over the local Direct Line channel', () => {
  const server = useTestServer();

  it('goes from the menu to the call script card and its file', async () => {
    const user = await DirectLineTestClient.opened(server.baseUrl, 'u-callprep-1');
    // The intro and the first question arrive as one message (replyCoalescing.ts).
    expect(messageTexts(await user.say('2 · Prepare the call'))[0]).toMatch(startsWith(content.text('callPrep.intro')));
    for (const answer of ['2', '$2,500', 'Per month', 'Ohio']) await user.say(answer);
    // The result is a short card; the next question follows as its own message.
    const replies = await user.say('Yes', (m) => m.some((a) => a.suggestedActions !== undefined));
    const result = JSON.stringify(replies.flatMap((a) => a.attachments ?? []).find((x) => x.contentType === 'application/vnd.microsoft.card.adaptive')?.content);
    expect(result).toContain(JSON.stringify(content.text('callPrep.result.likelyFree', { percent: 138, year: 2026, guideline: '$21,640', size: 2 })));
    expect(messageTexts(replies).at(-1)).toMatch(startsWith(content.text('hardship.reasons.ask', { list: '' }).split('\n')[0] ?? ''));
    await user.say('skip');
    await user.say('skip');
    const hasFile = (m: DlActivity[]) => m.some((a) => a.attachments?.some((x) => x.name === content.text('script.file.name')));
    const end = await user.say('Use this', (m) => hasCard(m) && hasFile(m));
    const card = JSON.stringify(end.flatMap((a) => a.attachments ?? []).find((x) => x.contentType === 'application/vnd.microsoft.card.adaptive')?.content);
    expect(card).toContain(content.text('script.script.title'));
    expect(card).toContain('"version":"1.5"');
    expect(messageTexts(end)).toContain(content.text('script.file.intro'));
  });
});
