import { ActivityTypes, CardFactory, MessageFactory, TestAdapter, type Activity, type TurnContext } from 'botbuilder';
import { DialogContextError, DialogSet, type DialogState, WaterfallDialog } from 'botbuilder-dialogs';
import { ConversationState, MemoryStorage } from 'botbuilder';
import { LONG_MESSAGE, MAX_MERGED_BYTES, SHORT_LEAD, MAX_MERGED_CARDS, ReplyCoalescingMiddleware, coalesce, flushReplies, isCardsOnly, isPlainText, readingLength } from '../../src/bot/replyCoalescing';
import { ReplyNotDeliveredError, underlyingError } from '../../src/bot/turnErrors';

const text = (t: string): Partial<Activity> => MessageFactory.text(t);
const question = (t: string): Partial<Activity> => MessageFactory.suggestedActions(['Yes', 'No'], t);
const card = (): Partial<Activity> => MessageFactory.attachment(CardFactory.heroCard('A card'));
const namedCard = (title: string): Partial<Activity> => MessageFactory.attachment(CardFactory.heroCard(title));
/** An Adaptive Card showing `shown` and, behind a "Show details" button, `hidden`. */
const adaptive = (shown: string, hidden = ''): Partial<Activity> =>
  MessageFactory.attachment(
    CardFactory.adaptiveCard({
      type: 'AdaptiveCard', version: '1.5',
      body: [{ type: 'TextBlock', text: shown, wrap: true }],
      ...(hidden ? { actions: [{ type: 'Action.ShowCard', title: 'Show details', card: { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: hidden, wrap: true }] } }] } : {}),
    }),
  );
const fileMessage = (): Partial<Activity> => ({ type: ActivityTypes.Message, text: 'Save it:', attachments: [{ contentType: 'text/plain', name: 'plan.txt', contentUrl: 'data:text/plain;base64,eA==' }] });

describe('merging a turn’s plain-text replies', () => {
  it('leads a run of notes into the question after them, paragraphs apart, keeping the question’s buttons', () => {
    const merged = coalesce([text('Saved.'), text('Step 1 is done.'), question('What next?')]);
    expect(merged).toHaveLength(1);
    expect(merged[0]?.text).toBe('Saved.\n\nStep 1 is done.\n\nWhat next?');
    expect(merged[0]?.suggestedActions?.actions.map((a) => a.title)).toEqual(['Yes', 'No']);
  });

  it('puts the notes before a card in the card\'s message, text first; what follows the card starts a new message', () => {
    const merged = coalesce([text('First,'), text('then'), card(), text('after the card'), question('Next?')]);
    expect(merged.map((a) => a.text)).toEqual(['First,\n\nthen', 'after the card\n\nNext?']);
    expect(merged[0]?.attachments).toHaveLength(1);
    expect(merged[1]?.attachments).toBeUndefined();
  });

  it('sends cards that follow each other as one message, in their order', () => {
    const [one, two] = [namedCard('Pay $1,200 now'), namedCard('Or $100 a month')];
    const merged = coalesce([text('Two ways to pay:'), one, two, fileMessage(), question('Done?')]);
    expect(merged.map((a) => [a.text, (a.attachments ?? []).map((x) => x.contentType === 'text/plain' ? 'file' : (x.content as { title: string }).title)])).toEqual([
      ['Two ways to pay:', ['Pay $1,200 now', 'Or $100 a month']],
      ['Save it:', ['file']],
      ['Done?', []],
    ]);
    expect(coalesce([one, two])).toEqual([{ ...one, attachments: [...(one.attachments ?? []), ...(two.attachments ?? [])] }]);
  });

  it('never merges a file, a card with buttons or a carousel, and never puts a card before a text', () => {
    const withButtons = { ...card(), suggestedActions: { actions: [], to: [] } };
    const carousel = { ...card(), attachmentLayout: 'carousel' as const };
    for (const special of [fileMessage(), withButtons, carousel]) expect(isCardsOnly(special)).toBe(false);
    expect(coalesce([card(), fileMessage(), withButtons, carousel, card()])).toHaveLength(5);
    expect(coalesce([card(), text('after')]).map((a) => a.text)).toEqual([undefined, 'after']);
  });

  it(`keeps at most ${MAX_MERGED_CARDS} cards and ${MAX_MERGED_BYTES} bytes in one message, losing none`, () => {
    const many = Array.from({ length: MAX_MERGED_CARDS + 2 }, (_, i) => namedCard(`Card ${i}`));
    const merged = coalesce(many);
    expect(merged.map((a) => a.attachments?.length)).toEqual([MAX_MERGED_CARDS, 2]);
    // Big in bytes (a long image address), short to read.
    const big = () => MessageFactory.attachment(CardFactory.heroCard('x', [`https://example.com/${'x'.repeat(MAX_MERGED_BYTES * 0.6)}`]));
    expect(coalesce([text('Big ones:'), big(), big()]).map((a) => [a.text, a.attachments?.length])).toEqual([['Big ones:', 1], [undefined, 1]]);
  });

  it('passes events, typing and messages with a value, channel data, speech or another text format unchanged', () => {
    const special: Partial<Activity>[] = [
      { type: ActivityTypes.Event, name: 'billcoach/dataDeleted' },
      { type: ActivityTypes.Typing },
      { type: ActivityTypes.Message, text: 'with value', value: { command: 'menu' } },
      { type: ActivityTypes.Message, text: 'for Teams', channelData: { notification: { alert: true } } },
      { type: ActivityTypes.Message, text: 'spoken', speak: 'spoken' },
      { type: ActivityTypes.Message, text: '<b>xml</b>', textFormat: 'xml' },
    ];
    for (const activity of special) expect(isPlainText(activity)).toBe(false);
    expect(coalesce([text('a'), ...special, text('b')]).map((a) => a.text ?? a.type)).toEqual(['a', 'event', 'typing', 'with value', 'for Teams', 'spoken', '<b>xml</b>', 'b']);
  });

  it(`splits a run longer than ${LONG_MESSAGE} characters into several messages, losing nothing`, () => {
    const long = 'x'.repeat(600);
    const run = [text(`1${long}`), text(`2${long}`), text(`3${long}`), question('Next?')];
    const merged = coalesce(run);
    expect(merged.length).toBeGreaterThan(1);
    for (const a of merged) expect(a.text?.length).toBeLessThanOrEqual(LONG_MESSAGE);
    expect(merged.map((a) => a.text).join('\n\n')).toBe(run.map((a) => a.text).join('\n\n'));
  });

  it('never glues the next question onto a long result: the question comes as its own message, with its buttons', () => {
    const result = text(`**Financial assistance looks promising.** ${'Federal rules help you. '.repeat(30)}`);
    expect(result.text?.length).toBeGreaterThan(SHORT_LEAD);
    const merged = coalesce([result, question('Which of these apply?')]);
    expect(merged.map((a) => a.text)).toEqual([result.text, 'Which of these apply?']);
    expect(merged[1]?.suggestedActions?.actions.map((a) => a.title)).toEqual(['Yes', 'No']);
    // A short note still leads into it.
    expect(coalesce([text('Saved.'), question('Which of these apply?')]).map((a) => a.text)).toEqual(['Saved.\n\nWhich of these apply?']);
  });

  it('sends two long cards, or a note and a long card, as separate messages; short ones still travel together', () => {
    const long = () => adaptive('A long plan. '.repeat(110));
    expect(coalesce([text('Your plan:'), long(), long()]).map((a) => [a.text, a.attachments?.length])).toEqual([
      ['Your plan:', undefined],
      [undefined, 1],
      [undefined, 1],
    ]);
    expect(coalesce([text('Two ways to pay:'), adaptive('Pay $300 now'), adaptive('Or $75 a month')]).map((a) => a.attachments?.length)).toEqual([2]);
  });

  it('counts what a card shows at first: details behind a "Show details" button do not make it long', () => {
    const folded = adaptive('Open at $210, aim for $300.', 'How I worked it out. '.repeat(200));
    expect(readingLength(folded)).toBeLessThan(200);
    expect(readingLength(adaptive('How I worked it out. '.repeat(200)))).toBeGreaterThan(LONG_MESSAGE);
    expect(coalesce([text('My suggestion: offer a lump sum.'), folded]).map((a) => [a.text, a.attachments?.length])).toEqual([['My suggestion: offer a lump sum.', 1]]);
  });

  it('leaves a lone message and an empty list as they are', () => {
    expect(coalesce([])).toEqual([]);
    expect(coalesce([question('Only this?')])).toEqual([question('Only this?')]);
  });
});

describe('the reply-merging middleware in a turn', () => {
  const adapterWith = (logic: (context: TurnContext) => Promise<void>) => {
    const adapter = new TestAdapter(logic);
    adapter.use(new ReplyCoalescingMiddleware());
    return adapter;
  };

  it('sends notes and the next question as one activity', async () => {
    const adapter = adapterWith(async (context) => {
      await context.sendActivity('Saved.');
      await context.sendActivity('Step 1 of 5 is done.');
      await context.sendActivity(MessageFactory.suggestedActions(['1', '2'], 'What next?'));
    });
    await adapter.send('go').assertReply((a) => expect(a.text).toBe('Saved.\n\nStep 1 of 5 is done.\n\nWhat next?')).startTest();
    expect(adapter.activeQueue).toHaveLength(0);
  });

  it('holds cards sent one by one until something else comes, then sends them with the note before them', async () => {
    const adapter = adapterWith(async (context) => {
      await context.sendActivity('Here are your two options.');
      await context.sendActivity(namedCard('Pay now'));
      await context.sendActivity(namedCard('Pay monthly'));
      expect(adapter.activeQueue).toHaveLength(0);
      await context.sendActivity(fileMessage());
      await context.sendActivity(MessageFactory.suggestedActions(['Menu'], 'Anything else?'));
    });
    await adapter
      .send('go')
      .assertReply((a) => {
        expect(a.text).toBe('Here are your two options.');
        expect(a.attachments?.map((x) => (x.content as { title: string }).title)).toEqual(['Pay now', 'Pay monthly']);
      })
      .assertReply((a) => expect(a.attachments?.[0]?.name).toBe('plan.txt'))
      .assertReply('Anything else?')
      .startTest();
  });

  it('sends the notes that end a turn when the turn ends, or when the bot flushes them before saving', async () => {
    const flushedFirst: string[] = [];
    const adapter = adapterWith(async (context) => {
      await context.sendActivity('One.');
      await context.sendActivity('Two.');
      await flushReplies(context);
      flushedFirst.push(...adapter.activeQueue.map((a) => a.text ?? ''));
      await context.sendActivity('Three.');
    });
    await adapter.send('go').assertReply('One.\n\nTwo.').assertReply('Three.').startTest();
    expect(flushedFirst).toEqual(['One.\n\nTwo.']);
  });

  it('lets a typing indicator through at once without releasing the notes it holds', async () => {
    const adapter = adapterWith(async (context) => {
      await context.sendActivity('Working on it.');
      await context.sendActivity({ type: ActivityTypes.Typing });
      await context.sendActivity(MessageFactory.suggestedActions(['OK'], 'Done?'));
    });
    await adapter
      .send('go')
      .assertReply((a) => expect(a.type).toBe(ActivityTypes.Typing))
      .assertReply((a) => expect(a.text).toBe('Working on it.\n\nDone?'))
      .startTest();
  });

  it('drops what a failed turn held, and still delivers the error reply', async () => {
    const adapter = adapterWith(async (context) => {
      await context.sendActivity('Half of a step.');
      throw new Error('storage down');
    });
    adapter.onTurnError = async (context) => {
      await context.sendActivity('Sorry, something went wrong.');
    };
    await adapter.send('go').assertReply('Sorry, something went wrong.').startTest();
    expect(adapter.activeQueue).toHaveLength(0);
  });
});

describe('errors thrown inside a dialog', () => {
  it('are judged by what our code threw, not by the dialogs’ wrapper', async () => {
    const state = new ConversationState(new MemoryStorage());
    const dialogs = new DialogSet(state.createProperty<DialogState>('dialogState')).add(
      new WaterfallDialog('fails', [async () => { throw new ReplyNotDeliveredError(new Error('ECONNREFUSED')); }]),
    );
    let caught: unknown;
    const adapter = new TestAdapter(async (context) => {
      const dc = await dialogs.createContext(context);
      try {
        await dc.beginDialog('fails');
      } catch (err) {
        caught = err;
      }
    });
    await adapter.send('hi').startTest();
    expect(caught).toBeInstanceOf(DialogContextError);
    expect(underlyingError(caught)).toBeInstanceOf(ReplyNotDeliveredError);
    const plain = new Error('plain');
    expect(underlyingError(plain)).toBe(plain);
    expect(underlyingError('not an error')).toBe('not an error');
  });
});
