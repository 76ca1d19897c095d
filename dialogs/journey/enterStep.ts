import type { TurnContext } from 'botbuilder';
import { escapeMarkdown } from '../../src/cards/markdown';
import { Case, JourneyStep } from '../../src/domain/case';
import { activeCase, addCase, setStepStatus } from '../../src/domain/profile';
import type { DialogDeps } from '../deps';

/**
 * Entering a journey step: makes sure there is an active case (a new one, named "Bill N", when there is
 * none), marks the step in progress unless it is already done, and says what the step is — `intro` the
 * first time, `introAgain` (with the case's name) after that. Returns the case as it was on entry.
 */
export async function enterStep(context: TurnContext, deps: DialogDeps, step: JourneyStep, texts: { intro: string; introAgain: string }): Promise<Case> {
  const { content, profiles, now } = deps;
  let profile = await profiles.get(context);
  let current = activeCase(profile);
  if (!current) ({ profile, created: current } = addCase(profile, content.text('cases.defaultLabel', { number: profile.cases.length + 1 }), now()));
  const again = current.progress[step] !== 'not_started';
  if (current.progress[step] !== 'done') profile = setStepStatus(profile, current.id, step, 'in_progress', now());
  await profiles.save(context, profile);
  await context.sendActivity(again ? content.text(texts.introAgain, { caseLabel: escapeMarkdown(current.label) }) : content.text(texts.intro));
  return current;
}
