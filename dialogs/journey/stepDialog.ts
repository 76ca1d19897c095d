import { ComponentDialog, DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { escapeMarkdown } from '../../src/cards/markdown';
import { userToday } from '../../src/domain/calendar';
import { Case, JourneyStep } from '../../src/domain/case';
import { activeCase, addCase, setStepStatus, withStepStatus } from '../../src/domain/profile';
import type { DialogDeps } from '../deps';
import { localTimestampOf } from '../prompts/localDateTimePrompt';

/** The content keys every journey step says: on entering (the first time, and again), and when it is done. */
export interface StepTexts {
  intro: string;
  introAgain: string;
  done: string;
}

export type FlowStep = (step: WaterfallStepContext) => Promise<DialogTurnResult>;

/**
 * One step of the five-step journey (gather, call prep, offer, rehearsal, follow-ups): the skeleton they share.
 * Entering the step makes sure there is an active case, marks the step in progress and says where the user is
 * ("Step 2 of 5 · …", from content); finishing marks it done and says what comes next. The step's own
 * waterfall is `<id>.flow` (a stored contract: its steps are resumed by position, so a change to their number
 * or order needs a new FLOW_VERSION in dialogs/ids.ts).
 */
export abstract class StepDialog extends ComponentDialog {
  /** The waterfall that runs the step, `<dialog id>.flow`. */
  protected readonly flowId: string;

  protected constructor(id: string, protected readonly deps: DialogDeps, readonly journeyStep: JourneyStep, readonly texts: StepTexts) {
    super(id);
    this.flowId = `${id}.flow`;
  }

  /** Adds the step's waterfall (bound to this dialog) and makes it the one the dialog begins with. */
  protected flow(steps: FlowStep[]): void {
    this.addDialog(new WaterfallDialog(this.flowId, steps.map((s) => s.bind(this))));
    this.initialDialogId = this.flowId;
  }

  /**
   * Enters the journey step: an active case (a new one, named "Bill N", when there is none), the step marked in
   * progress unless it is already done, and its intro — `intro` the first time, `introAgain` (with the case's
   * name) after that. Returns the case as it was on entry.
   */
  protected async enter(step: WaterfallStepContext): Promise<Case> {
    const { content, profiles, now } = this.deps;
    let profile = await profiles.get(step.context);
    let current = activeCase(profile);
    if (!current) ({ profile, created: current } = addCase(profile, content.text('cases.defaultLabel', { number: profile.cases.length + 1 }), now()));
    const again = current.progress[this.journeyStep] !== 'not_started';
    if (current.progress[this.journeyStep] !== 'done') profile = setStepStatus(profile, current.id, this.journeyStep, 'in_progress', now());
    await profiles.save(step.context, profile);
    await step.context.sendActivity(again ? content.text(this.texts.introAgain, { caseLabel: escapeMarkdown(current.label) }) : content.text(this.texts.intro));
    return current;
  }

  /** A waterfall step that only enters the journey step and moves on. */
  protected async introStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await this.enter(step);
    return step.next();
  }

  /** The user's today (their local clock when the channel says it, else the server's). */
  protected today(step: WaterfallStepContext): string {
    return userToday(localTimestampOf(step.context), this.deps.now());
  }

  /** The active case as stored now. */
  protected async activeCase(step: WaterfallStepContext): Promise<Case | undefined> {
    return activeCase(await this.deps.profiles.get(step.context));
  }

  /** Applies `change` to the active case and saves it; undefined when there is no case. */
  protected async update(step: WaterfallStepContext, change: (c: Case) => Case): Promise<Case | undefined> {
    return this.deps.profiles.updateActive(step.context, change, this.deps.now());
  }

  /** Saves `change` to the active case with the step marked done; undefined when there is no case. */
  protected async markDone(step: WaterfallStepContext, change: (c: Case) => Case = (c) => c): Promise<Case | undefined> {
    return this.update(step, (c) => withStepStatus(change(c), this.journeyStep, 'done'));
  }

  /** Says the step is done (and what comes next) and ends the dialog. */
  protected async finish(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await step.context.sendActivity(this.deps.content.text(this.texts.done));
    return step.endDialog();
  }
}
