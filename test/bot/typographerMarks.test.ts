import { Activity, CardFactory, TestAdapter } from 'botbuilder';
import { TypographerMarksMiddleware } from '../../src/bot/typographerMarks';

/** What a channel receives for one turn in which the bot sends `replies`. */
async function sent(channelId: string, replies: Partial<Activity>[]): Promise<Partial<Activity>[]> {
  const out: Partial<Activity>[] = [];
  const adapter = new TestAdapter(async (context) => {
    for (const reply of replies) await context.sendActivity(reply);
  }, { channelId });
  adapter.use(new TypographerMarksMiddleware());
  await adapter.send('hi');
  for (let next = adapter.activeQueue.shift(); next; next = adapter.activeQueue.shift()) out.push(next);
  return out;
}

const card = CardFactory.adaptiveCard({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Under 501(r)' }] });

describe('replies on Web Chat keep "(r)", "(c)" and "(tm)" as written', () => {
  it.each(['webchat', 'directline', 'emulator'])('on %s: message text and card text get the escape Web Chat needs', async (channelId) => {
    const [text, withCard] = await sent(channelId, [{ text: 'IRS 501(r) (2026)' }, { attachments: [card] }]);
    expect(text?.text).toBe('IRS 501\\(r) (2026)');
    expect(JSON.stringify(withCard?.attachments?.[0]?.content)).toContain('Under 501\\\\(r)');
  });

  it('Teams gets its replies untouched (its Markdown has no typographer)', async () => {
    const [text, withCard] = await sent('msteams', [{ text: 'IRS 501(r) (2026)' }, { attachments: [card] }]);
    expect(text?.text).toBe('IRS 501(r) (2026)');
    expect(JSON.stringify(withCard?.attachments?.[0]?.content)).toContain('Under 501(r)');
  });

  it('plain-text replies and files are left alone', async () => {
    const file = { contentType: 'text/plain', name: 'a.txt', contentUrl: 'data:text/plain;base64,KHIp' };
    const [plain, withFile] = await sent('webchat', [{ text: '501(r)', textFormat: 'plain' }, { text: 'Your file', attachments: [file] }]);
    expect(plain?.text).toBe('501(r)');
    expect(withFile?.attachments).toEqual([file]);
  });
});
