import { Activity } from 'botbuilder';
import { createHarness, texts } from '../helpers/botHarness';
import { realFaq } from '../helpers/content';
import { faqReply } from '../../dialogs/ask/faqReply';
import { personalChatLink } from '../../src/bot/sharedConversation';

const mention = (text: string): Partial<Activity> => ({
  text: `<at>Bill Coach</at> ${text}`,
  entities: [{ type: 'mention', text: '<at>Bill Coach</at>', mentioned: { id: 'bill-coach', name: 'Bill Coach' } }],
});

describe('in Microsoft Teams', () => {
  it('a personal chat gets the welcome and the menu as a card with buttons (Teams renders hero cards, not suggested actions)', async () => {
    const h = createHarness({ channelId: 'msteams' });
    const replies = await h.join();
    expect(texts(replies)[0]).toContain(h.content.text('welcome.first'));
    const menu = replies.at(-1);
    expect(menu?.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.hero');
  });

  it('card buttons in Teams are messageBack actions carrying the command', async () => {
    const h = createHarness({ channelId: 'msteams' });
    await h.join();
    const card = (await h.say('my case')).flatMap((a) => a.attachments ?? []).find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive');
    const actions = (card?.content as { actions: { data: { msteams: { type: string; value: { command: string } } } }[] }).actions;
    const action = actions.find((a) => a.data.msteams.value.command === 'menu');
    expect(action?.data.msteams).toMatchObject({ type: 'messageBack', value: { command: 'menu' } });
    const menu = (await h.say({ text: 'menu', value: { command: 'menu' } })).flatMap((a) => a.attachments ?? []);
    expect((menu[0]?.content as { text?: string }).text).toBe(h.content.text('menu.prompt'));
  });

  it.each([['groupChat'], ['channel']] as const)('in a %s it stays silent unless mentioned', async (conversationType) => {
    const h = createHarness({ channelId: 'msteams', conversationType });
    expect(await h.say('what is an EOB?')).toEqual([]);
  });

  it.each([['groupChat'], ['channel']] as const)('in a %s a mentioned general question gets its vetted answer, with the mention removed', async (conversationType) => {
    const h = createHarness({ channelId: 'msteams', conversationType });
    const entry = realFaq().forTerm('eob');
    if (!entry) throw new Error('the FAQ must explain "eob"');
    expect(texts(await h.say(mention('What is an explanation of benefits?')))).toEqual([faqReply(h.content, entry)]);
  });

  it('in a shared chat, personal figures never appear: steps and "my case" lead to a personal chat, nothing is stored', async () => {
    const h = createHarness({ channelId: 'msteams', conversationType: 'groupChat' });
    const link = personalChatLink('bill-coach');
    expect(texts(await h.say(mention('my case')))).toEqual([h.content.text('welcome.shared.private', { link })]);
    expect(texts(await h.say(mention('1')))).toEqual([h.content.text('welcome.shared.private', { link })]);
    expect(texts(await h.say(mention('help')))).toEqual([h.content.text('welcome.shared.help', { link })]);
    expect(h.storedKeys()).toEqual([]);
  });

  it('added to a team, it says hello once and points to a personal chat', async () => {
    const h = createHarness({ channelId: 'msteams', conversationType: 'channel' });
    const replies = await h.adapter.receiveActivity({ type: 'conversationUpdate', membersAdded: [{ id: 'bill-coach', name: 'Bill Coach' }] }).then(() => h.adapter.activeQueue.splice(0));
    expect(texts(replies)).toEqual([h.content.text('welcome.shared.hello', { link: personalChatLink('bill-coach') })]);
  });
});
