import { ConversationState, MemoryStorage } from 'botbuilder';
import { DialogSet, DialogState, TextPrompt } from 'botbuilder-dialogs';
import { CONFIGURATION_KEY, SharedDialogMemoryConfiguration } from '../../src/bot/dialogMemoryConfig';
import { aTurn } from '../helpers/turnContext';

const turn = (text = 'hi') => aTurn(text);

describe('the dialogs’ memory configuration, built once per process', () => {
  const state = new ConversationState(new MemoryStorage());
  const dialogs = new DialogSet(state.createProperty<DialogState>('dialogState')).add(new TextPrompt('text'));

  it('is where botbuilder-dialogs keeps it in the turn state (the key this relies on)', async () => {
    const context = turn('hello');
    const dc = await dialogs.createContext(context);
    expect(context.turnState.get(CONFIGURATION_KEY)).toBe(dc.state.configuration);
    expect(dc.state.configuration.memoryScopes.length).toBeGreaterThan(5);
  });

  it('hands the first turn’s configuration to later turns, whose memory still reads their own turn', async () => {
    const shared = new SharedDialogMemoryConfiguration();
    const first = turn('first message');
    shared.provide(first);
    const dc1 = await dialogs.createContext(first);
    shared.keep(first);
    const second = turn('second message');
    shared.provide(second);
    const dc2 = await dialogs.createContext(second);
    shared.keep(second);
    expect(dc2.state.configuration).toBe(dc1.state.configuration);
    expect(dc1.state.getValue('turn.activity.text')).toBe('first message');
    expect(dc2.state.getValue('turn.activity.text')).toBe('second message');
    dc2.state.setValue('turn.note', 'only this turn');
    expect(dc1.state.getValue('turn.note')).toBeUndefined();
  });
});
