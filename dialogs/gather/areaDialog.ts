import { ActionTypes } from 'botbuilder';
import { Choice, ComponentDialog, DialogTurnResult, FoundChoice, ListStyle, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { areaQuestion, defaultLocality } from '../../src/domain/localities';
import type { MedicareArea } from '../../src/domain/medicareLines';
import { activeCase } from '../../src/domain/profile';
import { US_STATES } from '../../src/domain/usStates';
import { choiceStyle } from '../choiceStyle';
import type { DialogDeps } from '../deps';
import { WholeNumberChoicePrompt } from '../prompts/wholeNumberChoicePrompt';

export const AREA_DIALOG = 'gather.area';
const PICK = `${AREA_DIALOG}.pick`;
const FLOW = `${AREA_DIALOG}.flow`;
const NOT_SURE = 'notSure';
/** More areas than this are listed as numbered lines (California has 29): a row of buttons that long is unreadable. */
const MOST_BUTTONS = 6;

/** What the area dialog ends with: a locality id ("NY-01") and whether she said "not sure". */
export interface AreaAnswer {
  localityId: string;
  notSure: boolean;
}

/** Her area as the domain prices it, from the dialog's answer; undefined when there was none. */
export function areaOf(deps: DialogDeps, answer: unknown): MedicareArea | undefined {
  const { localityId, notSure } = (answer ?? {}) as Partial<AreaAnswer>;
  const locality = localityId === undefined ? undefined : deps.medicare.localities.byId.get(localityId);
  return locality ? { locality, notSure: notSure === true } : undefined;
}

/**
 * Which Medicare area she was treated in, for the fee schedules' figures. Her case's state decides: one locality
 * (most states) is used without asking; a state with several is asked once, in plain words, with "Not sure" (the
 * rest of the state, said so). Ends with an AreaAnswer, or nothing when her state is not known or not priced.
 */
export class AreaDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(AREA_DIALOG);
    // Part of an area's name picks it ("Los Angeles", "Queens"): the names are long and she types what she calls it.
    const pick = new WholeNumberChoicePrompt(PICK);
    pick.recognizerOptions = { allowPartialMatches: true };
    this.addDialog(pick);
    this.addDialog(new WaterfallDialog(FLOW, [this.askStep.bind(this), this.pickedStep.bind(this)]));
    this.initialDialogId = FLOW;
  }

  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { content, medicare, profiles } = this.deps;
    const current = activeCase(await profiles.get(step.context));
    const question = areaQuestion(medicare.localities, current?.state, current?.medicare);
    if (question.kind === 'none') return step.endDialog();
    if (question.kind === 'known') return step.endDialog({ localityId: question.locality.id, notSure: question.notSure } satisfies AreaAnswer);
    const button = (value: string, title: string, synonyms: string[] = []): Choice => ({ value, synonyms, action: { type: ActionTypes.ImBack, title: title.slice(0, 100), value: title.slice(0, 100) } });
    const choices = [
      ...question.options.map((l) => button(l.id, l.plainName)),
      button(NOT_SURE, content.text('prices.locality.notSureButton'), content.list('cases.notSure')),
    ];
    const state = current?.state ?? '';
    return step.prompt(PICK, {
      prompt: content.text('prices.locality.ask', { state: US_STATES[state] ?? state }),
      retryPrompt: content.text('prices.locality.retry'),
      choices,
      style: choices.length > MOST_BUTTONS + 1 ? ListStyle.list : choiceStyle(step.context),
    });
  }

  private async pickedStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { content, medicare, profiles } = this.deps;
    const picked = (step.result as FoundChoice).value;
    if (picked !== NOT_SURE) return step.endDialog({ localityId: picked, notSure: false } satisfies AreaAnswer);
    const state = activeCase(await profiles.get(step.context))?.state ?? '';
    const fallback = defaultLocality(medicare.localities, state);
    if (!fallback) return step.endDialog();
    await step.context.sendActivity(content.text('prices.locality.notSure', { place: fallback.locality.plainName }));
    return step.endDialog({ localityId: fallback.locality.id, notSure: true } satisfies AreaAnswer);
  }
}
