import { Activity } from 'botbuilder';
import { buttons, createHarness, lastPrompt, texts } from '../helpers/botHarness';

const card = (replies: Partial<Activity>[]) => replies.find((a) => a.attachments?.length)?.attachments?.[0];

describe('commands that work anywhere, even in the middle of a question', () => {
  it('help answers and then asks the same question again', async () => {
    const h = createHarness();
    await h.join();
    await h.say('new case'); // now waiting for the provider's name
    const replies = texts(await h.say('Help'));
    // The help and the same question, in one message.
    expect(replies).toEqual([[h.content.text('help.text'), h.content.text('cases.askLabel')].join('\n\n')]);
    // The pending question still takes the answer.
    const created = h.content.text('cases.created', { caseLabel: 'St. Luke’s Clinic' });
    expect(texts(await h.say('St. Luke’s Clinic'))[0]?.slice(0, created.length)).toBe(created);
  });

  it('menu leaves a half-answered question and shows the menu', async () => {
    const h = createHarness();
    await h.join();
    await h.say('new case');
    expect(texts(await h.say('menu'))).toEqual([h.content.text('menu.prompt')]);
  });

  it('start over says the case is kept and shows the menu', async () => {
    const h = createHarness();
    await h.join();
    await h.say('new case');
    await h.say('Mercy General');
    const replies = texts(await h.say('start over!'));
    const startOver = h.content.text('help.startOver');
    // Said, then the menu for the kept case, in one message.
    expect(replies[0]?.slice(0, startOver.length)).toBe(startOver);
    expect(replies[0]?.slice(startOver.length)).toContain('What would you like to do next for **Mercy General**?');
    expect((await h.profile())?.cases).toHaveLength(1);
  });

  it('my case in the middle of a question shows an Adaptive Card 1.5 with the case, then the same question again', async () => {
    const h = createHarness();
    await h.join();
    await h.say('new case');
    await h.say('Mercy General');
    await h.say('1'); // step 1: its first question is open
    const help = h.content.text('help.text');
    const helpTurn = texts(await h.say('help'));
    // The help leads the open question in one message; after the card, the question comes on its own.
    expect(helpTurn).toHaveLength(1);
    expect(helpTurn[0]?.slice(0, help.length)).toBe(help);
    const open = helpTurn[0]?.slice(help.length + '\n\n'.length);
    expect(open).toContain(h.content.text('intake.providerKind.ask'));
    const replies = await h.say('my case');
    const attachment = card(replies);
    expect(attachment?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const json = JSON.stringify(attachment?.content);
    expect(attachment?.content.version).toBe('1.5');
    expect(json).toContain('Mercy General');
    expect(json).toContain(h.content.text('card.notEntered'));
    expect(json).not.toContain(h.content.text('card.whatNext'));
    expect(texts(replies).at(-1)).toBe(open);
  });

  it('my case without a case says how to start one', async () => {
    const h = createHarness();
    await h.join();
    const json = JSON.stringify(card(await h.say('my case'))?.content);
    expect(json).toContain(JSON.stringify(h.content.text('card.none')).slice(1, -1));
  });

  it('a card button press (value with a command, no text) works like typing it', async () => {
    const h = createHarness();
    await h.join();
    const replies = texts(await h.say({ value: { command: 'help' } }));
    expect(replies[0]).toBe([h.content.text('help.text'), h.content.text('menu.prompt')].join('\n\n'));
  });

  it('a long sentence that contains a command word is not taken as the command', async () => {
    const h = createHarness();
    await h.join();
    // At the menu a sentence is something to answer (issue 18): the closest questions, never the help text.
    const replies = texts(await h.say('I need help with my hospital bill from March'));
    expect(replies).not.toContain(h.content.text('help.text'));
    expect(replies).toEqual([h.content.text('ask.suggestions')]);
  });
});

describe('several bills', () => {
  it('new case accepts "not sure" and names the case for the user', async () => {
    const h = createHarness();
    await h.join();
    await h.say('new case');
    const replies = texts(await h.say("I don't know"));
    const created = h.content.text('cases.created', { caseLabel: h.content.text('cases.defaultLabel', { number: 1 }) });
    expect(replies[0]?.slice(0, created.length)).toBe(created);
    expect((await h.profile())?.cases[0]?.provider.name).toBeUndefined();
  });

  it.each([['   '], ['!!!'], ['x'.repeat(121)]])('re-asks a name that is blank, only symbols or too long (%#)', async (bad) => {
    const h = createHarness();
    await h.join();
    await h.say('new case');
    expect(texts(await h.say(bad))).toEqual([h.content.text('cases.askLabelRetry')]);
    expect((await h.profile())?.cases ?? []).toHaveLength(0);
  });

  it('switch case lists the bills with their balances and changes the active one', async () => {
    const h = createHarness();
    await h.join();
    await h.say('new case');
    await h.say('Mercy General');
    await h.say('new case');
    await h.say('City Imaging');
    const pick = await h.say('switch case');
    expect(buttons(lastPrompt(pick))).toEqual([
      h.content.text('cases.choiceLabel', { caseLabel: 'Mercy General', balance: h.content.text('cases.noBalance') }),
      h.content.text('cases.choiceLabel', { caseLabel: 'City Imaging', balance: h.content.text('cases.noBalance') }),
      h.content.text('cases.newCaseOption'),
    ]);
    const replies = texts(await h.say('1'));
    const switched = h.content.text('cases.switched', { caseLabel: 'Mercy General' });
    expect(replies[0]?.slice(0, switched.length)).toBe(switched);
    const profile = await h.profile();
    expect(profile?.activeCaseId).toBe(profile?.cases[0]?.id);
  });

  it('switch case with one case says so', async () => {
    const h = createHarness();
    await h.join();
    await h.say('new case');
    await h.say('Mercy General');
    const none = h.content.text('cases.switchNone', { caseLabel: 'Mercy General' });
    expect(texts(await h.say('switch case'))[0]?.slice(0, none.length)).toBe(none);
  });
});
