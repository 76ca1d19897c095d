import { ActionTypes, Activity } from 'botbuilder';
import { nextItemId } from '../../src/domain/caseIds';
import type { Case } from '../../src/domain/case';
import { Choice, ComponentDialog, DialogTurnResult, FoundChoice, TextPrompt, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { escapeMarkdown } from '../../src/cards/markdown';
import { comparePrice } from '../../src/domain/fairPrice';
import { FairPrice, PRICE_SOURCES, PriceSource } from '../../src/domain/gatherModel';
import { centsFromRecognized, formatCents } from '../../src/domain/money';
import { activeCase, updateCase } from '../../src/domain/profile';
import { readBillCode } from '../../src/domain/serviceSearch';
import { choiceStyle } from '../choiceStyle';
import type { DialogDeps } from '../deps';
import { isSkipPhrase } from '../prompts/skipPhrase';
import { answerPrompts, withSkipButton } from '../questionnaire/answerPrompts';
import { WholeNumberChoicePrompt } from '../prompts/wholeNumberChoicePrompt';
import { AREA_DIALOG, AreaDialog } from './areaDialog';
import { medicareWithService, noOwnPrice, ownPricePrompt, PriceDraft, readService, sayMedicarePrice } from './fairPriceMedicare';

const ID = 'gather.prices';
const CHOICE = `${ID}.choice`;
const SERVICE = `${ID}.service`;
const OWN_PRICE = `${ID}.ownPrice`;
const FLOW = `${ID}.flow`;
const OTHER = 'other';
const NONE = 'none';

/**
 * Optional: compare one charge with a fair price. With a billing code (the bill line's, typed, or confirmed from
 * the candidates a few words find), the coach says what Medicare pays for it in her area and the fair price to
 * ask; she may still give a price she found herself (the hospital's cash price, FAIR Health), which wins. Without
 * a figure it says where to look, and with no comparable price it says so and never guesses.
 */
export class FairPriceDialog extends ComponentDialog {
  private readonly money: string;

  constructor(private readonly deps: DialogDeps) {
    super(ID);
    const prompts = answerPrompts(ID, deps.content, deps.now);
    this.money = prompts.id('money');
    prompts.dialogs.forEach((d) => this.addDialog(d));
    this.addDialog(new WholeNumberChoicePrompt(CHOICE));
    this.addDialog(new TextPrompt(SERVICE, async (p) => (p.recognized.value ?? '').trim().length > 0 && (p.recognized.value ?? '').length <= 120));
    this.addDialog(new AreaDialog(deps));
    this.addDialog(ownPricePrompt(OWN_PRICE, deps));
    this.addDialog(
      new WaterfallDialog(FLOW, [
        this.offerStep, this.pickStep, this.serviceStep, this.confirmStep, this.chargeStep, this.areaStep, this.whereStep, this.comparableStep,
        this.sourceStep, this.saveStep,
      ].map((s) => s.bind(this))),
    );
    this.initialDialogId = FLOW;
  }

  private t(key: string, vars?: Record<string, string | number>): string {
    return this.deps.content.text(key, vars);
  }

  private choices(values: readonly string[], titleOf: (v: string) => string): Choice[] {
    return values.map((value) => ({ value, action: { type: ActionTypes.ImBack, title: titleOf(value).slice(0, 100), value: titleOf(value).slice(0, 100) } }));
  }

  private draft(step: WaterfallStepContext): PriceDraft {
    return step.values as PriceDraft;
  }

  private async offerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.prompt(CHOICE, {
      prompt: this.t('prices.offer.ask'), retryPrompt: this.t('prices.offer.retry'), style: choiceStyle(step.context),
      // "No thanks", "not sure"… skip it, as "not sure" skips any question in step 1.
      choices: this.choices(['check', 'skip'], (v) => this.t(`prices.offer.${v}`))
        .map((c) => (c.value === 'skip' ? { ...c, synonyms: [...this.deps.content.list('prices.offer.skipWords'), ...this.deps.content.list('cases.notSure')] } : c)),
    });
  }

  private async pickStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if ((step.result as FoundChoice).value !== 'check') return step.endDialog();
    const lines = activeCase(await this.deps.profiles.get(step.context))?.billLines ?? [];
    if (lines.length === 0) return step.next({ value: OTHER });
    const titles = new Map(lines.map((l, i) => [l.id, `${i + 1}. ${[l.code, l.description].filter(Boolean).join(' ') || this.t('prices.line')} ${formatCents(l.chargeCents)}`]));
    return step.prompt(CHOICE, {
      prompt: this.t('prices.pick.ask'), retryPrompt: this.t('prices.pick.retry'), style: choiceStyle(step.context),
      choices: this.choices([...titles.keys(), OTHER], (v) => titles.get(v) ?? this.t('prices.pick.other')),
    });
  }

  private async serviceStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const picked = (step.result as FoundChoice).value;
    const line = (activeCase(await this.deps.profiles.get(step.context))?.billLines ?? []).find((l) => l.id === picked);
    if (line) {
      const code = line.code ? readBillCode(line.code) : undefined;
      Object.assign(this.draft(step), { lineId: line.id, chargeCents: line.chargeCents, service: [line.code, line.description].filter(Boolean).join(' ') || this.t('prices.line'), ...(code ? { code } : {}) });
      return step.next();
    }
    return step.prompt(SERVICE, { prompt: this.t('prices.service.ask'), retryPrompt: this.t('prices.service.retry') });
  }

  /** What she typed: a code is taken as read off the bill; a few words get our plain names to pick from. */
  private async confirmStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const draft = this.draft(step);
    if (draft.lineId !== undefined) return step.next();
    draft.service = String(step.result).trim();
    const { code, candidates } = readService(this.deps, draft.service);
    if (code) draft.code = code;
    if (!candidates) return step.next();
    const labels = new Map(candidates.map((c) => [c.code, `${c.label ?? ''} (${c.code})`]));
    return step.prompt(CHOICE, {
      prompt: this.t('prices.confirm.ask'), retryPrompt: this.t('prices.confirm.retry'), style: choiceStyle(step.context),
      choices: this.choices([...labels.keys(), NONE], (v) => labels.get(v) ?? this.t('prices.confirm.none')),
    });
  }

  private async chargeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const draft = this.draft(step);
    const confirmed = (step.result as FoundChoice | undefined)?.value;
    if (draft.lineId === undefined && confirmed !== undefined && confirmed !== NONE) draft.code = { code: confirmed };
    if (draft.chargeCents !== undefined) return step.next();
    return step.prompt(this.money, { prompt: this.t('prices.charge.ask'), retryPrompt: this.t('prices.charge.retry'), validations: { skippable: false, kind: 'money' } });
  }

  /** Her Medicare area, when there is a code to price (asked once where her state has several). */
  private async areaStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const draft = this.draft(step);
    draft.chargeCents ??= centsFromRecognized(step.result) ?? 0;
    return draft.code ? step.beginDialog(AREA_DIALOG) : step.next();
  }

  private async whereStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const draft = this.draft(step);
    const { content } = this.deps;
    // With a Medicare figure she may still give a price she found herself; without one, where to look.
    if (await sayMedicarePrice(step.context, this.deps, draft, step.result)) {
      return step.prompt(OWN_PRICE, { prompt: withSkipButton(this.t('prices.offerAfterMedicare.ask'), true, content), retryPrompt: withSkipButton(this.t('prices.comparable.retry'), true, content) });
    }
    await step.context.sendActivity(this.t('prices.where', { service: escapeMarkdown(draft.service ?? ''), charge: formatCents(draft.chargeCents ?? 0) }));
    const sources = PRICE_SOURCES.filter((s) => s !== 'other').map((s) => content.sourced(`prices.sources.${s}`));
    await step.context.sendActivity(sources.map((s) => `- ${s.text}`).join('\n'));
    const ask: Partial<Activity> = withSkipButton(this.t('prices.comparable.ask'), true, content);
    return step.prompt(this.money, { prompt: ask, retryPrompt: withSkipButton(this.t('prices.comparable.retry'), true, content), validations: { skippable: true, kind: 'money' } });
  }

  private async comparableStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const draft = this.draft(step);
    const raw = step.context.activity.text ?? '';
    if (step.result === undefined || isSkipPhrase(raw, this.deps.content) || (draft.medicare !== undefined && noOwnPrice(raw, this.deps))) {
      await this.record(step, undefined);
      await step.context.sendActivity(this.t(draft.medicare?.medicareCents !== undefined ? 'prices.medicare.kept' : 'prices.noComparable'));
      return step.endDialog();
    }
    draft.comparableCents = centsFromRecognized(step.result) ?? 0;
    return step.prompt(CHOICE, {
      prompt: this.t('prices.source.ask'), retryPrompt: this.t('prices.source.retry'), style: choiceStyle(step.context),
      choices: this.choices(PRICE_SOURCES, (v) => this.t(`prices.source.choices.${v}`)),
    });
  }

  private async sourceStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const draft = this.draft(step);
    const source = (step.result as FoundChoice).value as PriceSource;
    await this.record(step, source);
    const { overCents, overPercent, targetCents } = comparePrice(draft.chargeCents ?? 0, draft.comparableCents ?? 0);
    const key = overCents > 0 ? 'prices.result.above' : 'prices.result.notAbove';
    await step.context.sendActivity(this.t(key, { over: formatCents(overCents), percent: overPercent, target: formatCents(targetCents), charge: formatCents(draft.chargeCents ?? 0) }));
    return step.prompt(CHOICE, {
      prompt: this.t('prices.again.ask'), retryPrompt: this.t('prices.again.retry'), style: choiceStyle(step.context),
      choices: this.choices(['again', 'done'], (v) => this.t(`prices.again.${v}`)),
    });
  }

  private async saveStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if ((step.result as FoundChoice).value === 'again') return step.replaceDialog(FLOW);
    return step.endDialog();
  }

  private async record(step: WaterfallStepContext, source: PriceSource | undefined): Promise<void> {
    const draft = this.draft(step);
    const { profiles, now } = this.deps;
    const profile = await profiles.get(step.context);
    const current = activeCase(profile);
    if (!current || draft.chargeCents === undefined) return;
    const chargeCents = draft.chargeCents;
    const withEntry = (c: Case): Case => {
      const next = nextItemId(c, 'P');
      const entry: FairPrice = {
        id: next.id, service: (draft.service || this.t('prices.line')).slice(0, 120), lineId: draft.lineId,
        chargeCents, comparableCents: source ? draft.comparableCents : undefined, source, recordedAt: now().toISOString(),
      };
      const medicare = medicareWithService(this.deps, c, draft, source !== undefined);
      return { ...next.case, fairPrices: [...c.fairPrices, entry].slice(-50), ...(medicare ? { medicare } : {}) };
    };
    await profiles.save(step.context, updateCase(profile, current.id, withEntry, now()));
  }
}
