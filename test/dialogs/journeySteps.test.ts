import { ComponentDialog, Dialog } from 'botbuilder-dialogs';
import { DialogIds, FLOW_VERSION } from '../../dialogs/ids';
import { StepDialog } from '../../dialogs/journey/stepDialog';
import { RootDialog } from '../../dialogs/rootDialog';
import { JOURNEY_STEPS } from '../../src/domain/case';
import { MemoryBotStore } from '../helpers/memoryBotStore';
import { createBotState } from '../../src/bot/botState';
import { ProfileStore } from '../../src/state/profileStore';
import { realContent, realData, realFaq, realScenarios } from '../helpers/content';
import { realMedicare } from '../helpers/botHarness';

/**
 * The five journey steps share one skeleton (StepDialog): they enter with their intro, end with their
 * "done" text, and run a waterfall `<id>.flow`. The waterfalls are resumed by position from stored
 * conversation state, so their shapes are pinned to FLOW_VERSION: a step added or removed fails here
 * until FLOW_VERSION (dialogs/ids.ts) changes, which restarts a user mid-step cleanly with a message.
 */
const PINNED: Record<string, Record<string, string>> = {
  // flow-3: the price check (gather.prices) asks her area and confirms the service (issue 22); the journey steps are unchanged.
  'flow-3': {
    gather: 'gather.flow:7',
    callPrep: 'callPrep.flow:5',
    offer: 'offer.flow:4',
    rehearsal: 'rehearsal.flow:4',
    followUp: 'followUp.flow:3',
  },
};

function rootDialog(): RootDialog {
  const { userState } = createBotState(new MemoryBotStore());
  const reminders = { schedule: async () => ({ dueAt: '' }), cancelCase: async () => undefined };
  return new RootDialog({
    content: realContent(), data: realData(), medicare: realMedicare(), scenarios: realScenarios(), faq: realFaq(), reminders,
    profiles: new ProfileStore(userState.createProperty('profile')), eraseUserData: async () => undefined, now: () => new Date('2026-11-27T15:00:00Z'),
  });
}

const STEP_IDS = { gather: DialogIds.gather, callPrep: DialogIds.callPrep, offer: DialogIds.offer, rehearsal: DialogIds.rehearsal, followUp: DialogIds.followUp } as const;

describe('the five journey steps', () => {
  const root = rootDialog();
  const steps = JOURNEY_STEPS.map((journeyStep) => ({ journeyStep, dialog: root.findDialog(STEP_IDS[journeyStep]) }));

  it('are one step dialog each, for their own journey step', () => {
    for (const { journeyStep, dialog } of steps) {
      expect(dialog).toBeInstanceOf(StepDialog);
      expect((dialog as StepDialog).journeyStep).toBe(journeyStep);
    }
  });

  it('say an intro, an intro for coming back, and a done text that all exist in content', () => {
    const content = realContent();
    const missing = steps.flatMap(({ dialog }) => Object.values((dialog as StepDialog).texts).filter((key) => !content.has(key)));
    expect(missing).toEqual([]);
  });

  it('keep the waterfall shapes this flow version stores (a new shape needs a new FLOW_VERSION)', () => {
    const shapes = Object.fromEntries(steps.map(({ journeyStep, dialog }) => {
      const flow: Dialog | undefined = (dialog as ComponentDialog).findDialog(`${STEP_IDS[journeyStep]}.flow`);
      return [journeyStep, flow?.getVersion()];
    }));
    expect(shapes).toEqual(PINNED[FLOW_VERSION]);
  });
});
