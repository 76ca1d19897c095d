import type { Activity } from 'botbuilder';
import { RESUMED_EVENT } from '../../src/channelEvents';
import { buttons, createHarness, lastPrompt, texts } from '../helpers/botHarness';

/** The first `lead.length` characters of a message: a note that now leads the question after it in one message. */
const head = (text: string | undefined, lead: string) => text?.slice(0, lead.length);
/** The last `end.length` characters of a message: the question a message ends with. */
const tail = (text: string | undefined, end: string) => text?.slice(-end.length);

describe('a new user opening the chat', () => {
  it('is welcomed once, told it is general information, and shown the journey menu', async () => {
    const h = createHarness();
    const replies = await h.join();
    // The welcome leads the menu, in one message.
    expect(texts(replies)).toHaveLength(1);
    const [welcome] = texts(replies);
    expect(welcome).toContain(h.content.text('welcome.first'));
    expect(welcome).toContain(h.content.text('welcome.disclaimer'));
    // Issue 24's privacy note: a photo or PDF can be sent, it is read here and deleted, only confirmed figures kept.
    expect(welcome).toContain(h.content.text('welcome.files'));
    expect(tail(welcome, `\n\n${h.content.text('menu.prompt')}`)).toBe(`\n\n${h.content.text('menu.prompt')}`);
    expect(buttons(lastPrompt(replies))).toEqual([
      h.content.text('menu.options.gather.title'),
      h.content.text('menu.options.callPrep.title'),
      h.content.text('menu.options.offer.title'),
      h.content.text('menu.options.rehearsal.title'),
      h.content.text('menu.options.followUp.title'),
      h.content.text('menu.options.ask.title'),
      h.content.text('menu.options.myCase.title'),
    ]);
    // A repeated conversationUpdate does not welcome twice.
    expect(texts(await h.join())).toEqual([]);
  });

  it('is welcomed even when the channel sends no conversationUpdate first (the first message)', async () => {
    const h = createHarness();
    const replies = texts(await h.say('hi'));
    expect(replies).toHaveLength(1);
    expect(replies[0]).toContain(h.content.text('welcome.first'));
    expect(tail(replies[0], `\n\n${h.content.text('menu.prompt')}`)).toBe(`\n\n${h.content.text('menu.prompt')}`);
  });
});

describe('the main menu', () => {
  it.each([
    ['a button title', 'menu.options.gather.title', 'checkCard.intro'],
    ['a typed number', '2', 'callPrep.intro'],
    ['a synonym', 'payment plan', 'offer.intro'],
    ['a step number in words', 'step 4', 'rehearsal.intro'],
    ['a different case', 'ROLE PLAY', 'rehearsal.intro'],
    ['step 5', '5', 'followUp.intro'],
    ['the question option', 'Ask a question', 'ask.intro'],
  ])('routes %s to its step', async (_label, said, expectedKey) => {
    const h = createHarness();
    await h.join();
    const input = said.startsWith('menu.') ? h.content.text(said) : said;
    // The step's intro leads its first question.
    const intro = h.content.text(expectedKey);
    expect(head(texts(await h.say(input))[0], intro)).toBe(intro);
  });

  it('re-asks once, clearly, when the answer is not on the menu, and keeps the buttons', async () => {
    const h = createHarness();
    await h.join();
    const replies = await h.say('purple elephant');
    expect(texts(replies)).toEqual([h.content.text('menu.retry')]);
    expect(buttons(lastPrompt(replies))).toHaveLength(7);
  });

  it('shows the active case and its progress on every step of the menu', async () => {
    const h = createHarness();
    await h.join();
    await h.say('new case');
    const replies = texts(await h.say('Mercy General'));
    const created = h.content.text('cases.created', { caseLabel: 'Mercy General' });
    // "Saved", then the menu for the case, in one message.
    expect(replies).toHaveLength(1);
    expect(head(replies[0], created)).toBe(created);
    const menu = replies[0]?.slice(created.length) ?? '';
    expect(menu).toContain('**Mercy General**');
    expect(menu).toContain(
      h.content.text('menu.progressLine', { number: 1, step: h.content.text('menu.stepName.gather'), status: h.content.text('menu.status.not_started') }),
    );
  });
});

describe('"My case" picked at the menu', () => {
  const cardOf = (replies: Partial<Activity>[]) => replies.flatMap((a) => a.attachments ?? []).find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive');

  it.each([
    ['typed as the command', 'my case'],
    ['pressed (the button sends its title)', 'menu.options.myCase.title'],
    ['typed as its number', '7'],
    ['typed as a synonym', 'summary'],
  ])('%s: the card ends the turn, asks "What next?" and suggests the next step, no menu after it', async (_label, said) => {
    const h = createHarness();
    await h.seedCase({ progress: { gather: 'done' } });
    await h.join();
    const replies = await h.say(said.startsWith('menu.') ? h.content.text(said) : said);
    expect(replies).toHaveLength(1);
    const [message] = replies;
    expect(message?.text ?? '').toBe('');
    expect(JSON.stringify(cardOf(replies)?.content)).toContain(h.content.text('card.whatNext'));
    expect(buttons(message)).toEqual([
      h.content.text('menu.options.callPrep.title'),
      h.content.text('menu.options.ask.title'),
      h.content.text('card.actions.menu'),
    ]);
  });

  it('the menu still takes the answer after the card: a suggestion, a typed number, or "menu"', async () => {
    const h = createHarness();
    await h.seedCase({ progress: { gather: 'done' } });
    await h.join();
    await h.say('my case');
    const callPrep = h.content.text('callPrep.intro');
    expect(head(texts(await h.say(h.content.text('menu.options.callPrep.title')))[0], callPrep)).toBe(callPrep);

    await h.say('menu');
    await h.say('my case');
    const followUp = h.content.text('followUp.intro');
    expect(head(texts(await h.say('5'))[0], followUp)).toBe(followUp);

    await h.say('menu');
    await h.say('my case');
    expect(texts(await h.say(h.content.text('card.actions.menu')))[0]).toContain('**Mercy General**');
  });

  it('help or a bad answer after the card brings the menu back (the card is not sent again)', async () => {
    const h = createHarness();
    await h.join();
    await h.say('my case');
    const help = await h.say('help');
    expect(texts(help)).toEqual([[h.content.text('help.text'), h.content.text('menu.prompt')].join('\n\n')]);
    expect(cardOf(help)).toBeUndefined();
    await h.say('my case');
    expect(texts(await h.say('purple elephant'))).toEqual([h.content.text('menu.retry')]);
  });

  it('without a case, it suggests step 1', async () => {
    const h = createHarness();
    await h.join();
    const replies = await h.say('my case');
    expect(buttons(replies.at(-1))[0]).toBe(h.content.text('menu.options.gather.title'));
  });

  it('in Teams the card\'s own buttons are the way on: no suggested actions, no menu card after it', async () => {
    const h = createHarness({ channelId: 'msteams' });
    await h.join();
    const replies = await h.say('my case');
    expect(replies).toHaveLength(1);
    expect(replies[0]?.suggestedActions).toBeUndefined();
    expect(replies[0]?.attachments?.map((a) => a.contentType)).toEqual(['application/vnd.microsoft.card.adaptive']);
  });
});

describe('the page reloaded: the conversation resumes', () => {
  const resumed = { type: 'event', name: RESUMED_EVENT } as const;

  it('says so and asks the open question again; the answer continues the journey', async () => {
    const h = createHarness();
    await h.join();
    await h.say('new case'); // waiting for the bill's name
    const replies = texts(await h.say(resumed)).join('\n\n');
    expect(replies.indexOf(h.content.text('welcome.resumed'))).toBe(0);
    expect(replies).toContain(h.content.text('cases.askLabel'));
    expect(replies).not.toContain(h.content.text('welcome.first'));
    const created = h.content.text('cases.created', { caseLabel: 'Mercy General' });
    expect(head(texts(await h.say('Mercy General'))[0], created)).toBe(created);
  });

  it('at the menu, shows the menu again (also after the case card, where the menu waited silently)', async () => {
    const h = createHarness();
    await h.join();
    expect(texts(await h.say(resumed)).join('\n\n')).toContain(h.content.text('menu.prompt'));
    await h.say('my case');
    const again = await h.say(resumed);
    expect(texts(again).join('\n\n')).toContain(h.content.text('menu.prompt'));
    expect(buttons(lastPrompt(again))).toHaveLength(7);
  });

  it('a conversation the bot never greeted gets the welcome, as a first visit', async () => {
    const h = createHarness();
    const replies = texts(await h.say(resumed));
    expect(replies[0]).toContain(h.content.text('welcome.first'));
    expect(tail(replies.at(-1), `\n\n${h.content.text('menu.prompt')}`)).toBe(`\n\n${h.content.text('menu.prompt')}`);
  });
});
