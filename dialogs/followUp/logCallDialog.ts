import { ActionTypes } from 'botbuilder';
import { referenceWords } from '../../src/content/phrases';
import { nextItemId } from '../../src/domain/caseIds';
import { ComponentDialog, DateTimeResolution, DialogTurnResult, FoundChoice, PromptValidatorContext, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { escapeMarkdown } from '../../src/cards/markdown';
import { pickDate, userToday } from '../../src/domain/calendar';
import { Case } from '../../src/domain/case';
import { callReference } from '../../src/domain/caseStory';
import { formatIsoDate } from '../../src/domain/dates';
import { followUpDateProblem, proposeFollowUp } from '../../src/domain/followUp';
import { activeCase, setStepStatus, updateCase, withStepStatus } from '../../src/domain/profile';
import { calendarFile } from '../attachments';
import { choiceStyle } from '../choiceStyle';
import type { DialogDeps } from '../deps';
import { LocalDateTimePrompt, localTimestampOf } from '../prompts/localDateTimePrompt';
import { QuestionnaireDialog } from '../questionnaire/questionnaireDialog';
import { CALL_QUESTIONS, clearCallSkips } from './callQuestions';
import { followUpIcs } from './followUpTexts';
import { WholeNumberChoicePrompt } from '../prompts/wholeNumberChoicePrompt';

export const LOG_CALL = 'followUp.logCall';
const QUESTIONS = `${LOG_CALL}.questions`;
const FLOW = `${LOG_CALL}.flow`;
const CONFIRM = `${LOG_CALL}.confirm`;
const DATE = `${LOG_CALL}.date`;

/** Logs one call, proposes the next follow-up (the user can change it), sets a reminder and a calendar file. */
export class LogCallDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(LOG_CALL);
    this.addDialog(new QuestionnaireDialog(QUESTIONS, CALL_QUESTIONS, 'followUp', deps));
    this.addDialog(new WholeNumberChoicePrompt(CONFIRM));
    this.addDialog(new LocalDateTimePrompt(DATE, (p) => this.validDate(p), deps.now));
    this.addDialog(new WaterfallDialog(FLOW, [this.askStep, this.proposeStep, this.dateStep, this.scheduleStep].map((s) => s.bind(this))));
    this.initialDialogId = FLOW;
  }

  private today(holder: { context: WaterfallStepContext['context'] }): string {
    return userToday(localTimestampOf(holder.context), this.deps.now());
  }

  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.beginDialog(QUESTIONS);
  }

  private async proposeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { content, profiles, now } = this.deps;
    const profile = await profiles.get(step.context);
    const current = activeCase(profile);
    const draft = current?.callDraft;
    if (!current || !draft?.date || !draft.outcome) return step.endDialog();
    const numbered = nextItemId(current, 'C');
    const call = { ...draft, date: draft.date, outcome: draft.outcome, id: numbered.id, createdAt: now().toISOString() };
    const reference = callReference(call, referenceWords(content));
    const logged = (c: Case): Case => clearCallSkips({ ...c, lastItemNumber: numbered.case.lastItemNumber, calls: [...c.calls, call].slice(-100) });
    await profiles.save(step.context, setStepStatus(updateCase(profile, current.id, logged, now()), current.id, 'followUp', 'in_progress', now()));
    await step.context.sendActivity(
      content.text('followUp.saved', {
        date: formatIsoDate(call.date),
        who: call.who ? content.text('followUp.savedWho', { who: escapeMarkdown(call.who) }) : '',
        reference: reference ? content.text('followUp.savedReference', { reference: escapeMarkdown(reference) }) : '',
      }),
    );
    // The agreement in writing is the end of the road: step 5 is done, and no follow-up is needed.
    if (call.outcome === 'confirmedInWriting') {
      await profiles.updateActive(step.context, (c) => withStepStatus(c, 'followUp', 'done'), now());
      await step.context.sendActivity(content.text('followUp.inWriting'));
      return step.endDialog(call.outcome);
    }
    const earlier = current.followUps.filter((f) => f.kind === 'assistance').length;
    const proposal = proposeFollowUp(call.outcome, call.date, this.today(step), earlier);
    Object.assign(step.values, { due: proposal.due, kind: proposal.kind });
    const choices = [
      { value: 'yes', title: content.text('followUp.propose.yes', { date: formatIsoDate(proposal.due) }) },
      { value: 'other', title: content.text('followUp.propose.other') },
    ].map(({ value, title }) => ({ value, action: { type: ActionTypes.ImBack, title, value: title } }));
    return step.prompt(CONFIRM, {
      prompt: content.text('followUp.propose.ask', { date: formatIsoDate(proposal.due), days: proposal.days }),
      retryPrompt: content.text('followUp.propose.retry'),
      choices,
      style: choiceStyle(step.context),
    });
  }

  private async dateStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if ((step.result as FoundChoice).value === 'yes') return step.next();
    const { content } = this.deps;
    return step.prompt(DATE, { prompt: content.text('followUp.propose.askDate'), retryPrompt: content.text('followUp.propose.unclear') });
  }

  private async scheduleStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { content, profiles, now, reminders } = this.deps;
    const values = step.values as { due: string; kind: 'itemizedBill' | 'review' | 'assistance' | 'other' };
    if (Array.isArray(step.result)) {
      const picked = pickDate(step.result as DateTimeResolution[], this.today(step), 'any');
      if ('date' in picked) values.due = picked.date;
    }
    const current = activeCase(await profiles.get(step.context));
    if (!current) return step.endDialog();
    const numbered = nextItemId(current, 'F');
    const followUp = { id: numbered.id, kind: values.kind, due: values.due, status: 'open' as const, createdAt: now().toISOString() };
    const withFollowUp = (c: Case): Case => ({ ...c, lastItemNumber: numbered.case.lastItemNumber, followUps: [...c.followUps, followUp].slice(-100) });
    const updated = (await profiles.updateActive(step.context, withFollowUp, now())) ?? current;
    await reminders.schedule(step.context, { followUpId: `${current.id}-${followUp.id}`, date: followUp.due, vars: { caseLabel: escapeMarkdown(current.label), date: formatIsoDate(followUp.due) } });
    const ics = followUpIcs(content, updated, now());
    await step.context.sendActivity({
      text: content.text('followUp.scheduled', { date: formatIsoDate(followUp.due) }),
      attachments: ics ? [calendarFile(content.text('followUp.calendar.name'), ics)] : [],
    });
    return step.endDialog(updated.calls.at(-1)?.outcome);
  }

  private async validDate(p: PromptValidatorContext<DateTimeResolution[]>): Promise<boolean> {
    const { content } = this.deps;
    const fail = (key: string) => {
      p.options.retryPrompt = content.text(`followUp.propose.${key}`);
      return false;
    };
    if (!p.recognized.succeeded || !p.recognized.value) return fail('unclear');
    const today = this.today(p);
    const picked = pickDate(p.recognized.value, today, 'any');
    if (!('date' in picked)) return fail('unclear');
    const problem = followUpDateProblem(picked.date, today);
    return problem ? fail(problem) : true;
  }
}
