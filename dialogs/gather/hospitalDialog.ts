import { ActionTypes } from 'botbuilder';
import { Choice, ComponentDialog, DialogTurnResult, FoundChoice, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { escapeMarkdown } from '../../src/cards/markdown';
import type { Case } from '../../src/domain/case';
import { type CaseHospital, hospitalAddress, hospitalName, hospitalPlace, toCaseHospital } from '../../src/domain/hospital';
import { HOSPITAL_PICK, needsHospitalPick, withHospital, withoutHospital } from '../../src/domain/hospitalCase';
import { activeCase } from '../../src/domain/profile';
import { US_STATES } from '../../src/domain/usStates';
import { choiceStyle } from '../choiceStyle';
import type { DialogDeps } from '../deps';
import { isBackPhrase } from '../prompts/skipPhrase';
import { WholeNumberChoicePrompt } from '../prompts/wholeNumberChoicePrompt';

export const HOSPITAL_DIALOG = 'gather.hospital';
const PICK = `${HOSPITAL_DIALOG}.pick`;
const FLOW = `${HOSPITAL_DIALOG}.flow`;
const NONE = 'none';
/** Buttons offered at most: the best few, then "None of these". */
const MOST_OFFERED = 3;

/** What a flow passes: `change` looks again even when a hospital is picked or was declined ("my case" → change it). */
export interface HospitalPickOptions {
  change?: boolean;
  /** What she typed instead of pressing a button: searched in place of the provider's name. */
  query?: string;
}

interface Values {
  offered: CaseHospital[];
  change: boolean;
  /** A hospital was picked before: "None of these" clears it. */
  had: boolean;
  /** What was searched for these buttons (a name she typed instead of a button). */
  query?: string;
}

/**
 * Finds her hospital in CMS's list (issue 23): when she named a hospital and her state is known, the best few
 * matches are offered as buttons ("Mercy Hospital — Springfield, OH") with "None of these". A pick is kept in
 * the case with CMS's ownership as her nonprofit answer (and says so); a name typed instead is looked up again;
 * "none of these" or no match goes on as before. Clinics, labs and practices are not in the list: it says so once.
 */
export class HospitalPickDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(HOSPITAL_DIALOG);
    // Any words are an answer here: a name typed instead of a button is searched again.
    this.addDialog(new WholeNumberChoicePrompt(PICK, async (p) => p.recognized.succeeded || (p.context.activity.text ?? '').trim().length > 1));
    this.addDialog(new WaterfallDialog(FLOW, [this.askStep.bind(this), this.pickedStep.bind(this)]));
    this.initialDialogId = FLOW;
  }

  private async save(step: WaterfallStepContext, update: (c: Case) => Case): Promise<Case | undefined> {
    return this.deps.profiles.updateActive(step.context, update, this.deps.now());
  }

  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { content, profiles, hospitals } = this.deps;
    const options = (step.options ?? {}) as HospitalPickOptions;
    const current = activeCase(await profiles.get(step.context));
    if (!current || !hospitals) return step.endDialog();
    const t = (key: string, vars?: Record<string, string>) => content.text(`intake.hospital.${key}`, vars);
    // A clinic, lab or practice: not in CMS's list. Said once (remembered as the pick's skip), then on as before.
    if (current.provider.kind !== undefined && current.provider.kind !== 'hospital' && current.provider.name !== undefined) {
      if (current.skippedQuestions.includes(HOSPITAL_PICK)) return step.endDialog();
      await step.context.sendActivity(t('notHospital'));
      await this.save(step, (c) => ({ ...c, skippedQuestions: [...c.skippedQuestions, HOSPITAL_PICK] }));
      return step.endDialog();
    }
    const change = options.change === true;
    if (change && current.provider.kind === 'hospital' && current.state === undefined) {
      await step.context.sendActivity(t('noState'));
      return step.endDialog({ picked: false, changed: [] });
    }
    if (current.provider.kind !== 'hospital' || current.provider.name === undefined || current.state === undefined) return step.endDialog();
    if (!change && !needsHospitalPick(current)) return step.endDialog();
    const typed = options.query ?? current.provider.name;
    const vars = { name: escapeMarkdown(typed), state: US_STATES[current.state] ?? current.state };
    const offered = hospitals.find(typed, current.state, MOST_OFFERED).map((m) => toCaseHospital(m.hospital));
    if (offered.length === 0) {
      await step.context.sendActivity(t(change && current.hospital ? 'notFoundKept' : 'notFound', vars));
      if (!change || !current.hospital) await this.save(step, (c) => withoutHospital(c, true));
      return step.endDialog({ picked: false, changed: [] });
    }
    Object.assign(step.values, { offered, change, had: current.hospital !== undefined, query: options.query } satisfies Values);
    const button = (value: string, title: string, synonyms: string[] = []): Choice => ({ value, synonyms, action: { type: ActionTypes.ImBack, title: title.slice(0, 100), value: title.slice(0, 100) } });
    const choices = [
      ...offered.map((h) => button(h.ccn, t('button', { name: hospitalName(h), place: hospitalPlace(h) }))),
      button(NONE, t('none'), [...content.list('intake.hospital.noneWords'), ...content.list('cases.notSure')]),
    ];
    return step.prompt(PICK, { prompt: t('ask', vars), retryPrompt: t('retry'), choices, style: choiceStyle(step.context) });
  }

  private async pickedStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { content } = this.deps;
    const { offered, change, had } = step.values as Values;
    const t = (key: string, vars?: Record<string, string>) => content.text(`intake.hospital.${key}`, vars);
    const found = step.result as FoundChoice | undefined;
    if (!found) {
      const said = step.context.activity.text ?? '';
      // "Back" is not a hospital's name: the same buttons again.
      if (isBackPhrase(said, content)) return step.replaceDialog(FLOW, { change, query: (step.values as Values).query } satisfies HospitalPickOptions);
      // Words instead of a button: the name as she types it now is looked up (nothing she typed is lost).
      const query = said.trim().slice(0, 120);
      return step.replaceDialog(FLOW, { change, query } satisfies HospitalPickOptions);
    }
    const hospital = offered.find((h) => h.ccn === found.value);
    if (!hospital) {
      await this.save(step, (c) => withoutHospital(c, true));
      await step.context.sendActivity(t(had ? 'cleared' : 'noneSaid'));
      return step.endDialog({ picked: false, changed: had ? [HOSPITAL_PICK] : [] });
    }
    await this.save(step, (c) => withHospital(c, hospital));
    const vars = { name: hospitalName(hospital), address: hospitalAddress(hospital), phone: hospital.phone };
    await step.context.sendActivity([t('found', vars), content.text(`intake.hospital.ownership.${hospital.category}`)].join('\n\n'));
    // `changed`: what "change an answer" reports as changed (the hospital is an answer of the bill's part).
    return step.endDialog({ picked: true, changed: [HOSPITAL_PICK] });
  }
}
