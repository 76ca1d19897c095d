import { randomUUID } from 'node:crypto';
import { ActionTypes, MessageFactory } from 'botbuilder';
import { ComponentDialog, DialogTurnResult, FoundChoice, PromptValidatorContext, TextPrompt, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { escapeMarkdown } from '../../src/cards/markdown';
import { parseBillLine, parseLineNumbers } from '../../src/domain/billLines';
import { userToday } from '../../src/domain/calendar';
import { formatIsoDate } from '../../src/domain/dates';
import { BillLine } from '../../src/domain/gatherModel';
import { hasCodesToPrice, withMedicarePrices } from '../../src/domain/medicareLines';
import { formatCents } from '../../src/domain/money';
import { activeCase } from '../../src/domain/profile';
import { choiceStyle } from '../choiceStyle';
import { normalizeUtterance } from '../commands';
import type { DialogDeps } from '../deps';
import { localTimestampOf } from '../prompts/localDateTimePrompt';
import { WholeNumberChoicePrompt } from '../prompts/wholeNumberChoicePrompt';
import { AREA_DIALOG, AreaDialog, areaOf } from './areaDialog';
import { BILL_UPLOAD_DIALOG, BillUploadDialog, type BillUploadOptions, type BillUploadResult } from './billUploadDialog';
import type { TakesFiles } from './billUploadEntry';
import { fileInputOf } from './billUploadInput';

const ID = 'gather.lines';
const OFFER = `${ID}.offer`;
const ENTRY = `${ID}.entry`;
const MISSING = `${ID}.notReceived`;
const START = `${ID}.start`;
const LOOP = `${ID}.loop`;
const CHECK = `${ID}.check`;
const PRICE = `${ID}.price`;
const MAX_LINES = 100;
/** The offer's and the entry's prompts take a photo or PDF of the bill themselves (no upload is started on top). */
const TAKES_FILES: TakesFiles = { takesFiles: true };
const IN_STEP: BillUploadOptions = { inStep: true };

/**
 * Optional: the user types the bill's lines, one message each, or sends a photo or PDF of the bill to read and
 * confirm; then she marks care she did not receive. Then the coded lines are priced against Medicare in her area
 * (asked once where her state has several), for the bill check.
 */
export class BillLinesDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(ID);
    this.addDialog(new WholeNumberChoicePrompt(OFFER, async (p) => p.recognized.succeeded || fileInputOf(p.context.activity) !== undefined));
    this.addDialog(new TextPrompt(ENTRY, (p) => this.validLine(p)));
    this.addDialog(new TextPrompt(MISSING, (p) => this.validNumbers(p)));
    this.addDialog(new WaterfallDialog(START, [this.offerStep.bind(this), this.startStep.bind(this), this.uploadedStep.bind(this)]));
    this.addDialog(new WaterfallDialog(LOOP, [this.entryStep.bind(this), this.addStep.bind(this), this.uploadedStep.bind(this)]));
    this.addDialog(new WaterfallDialog(CHECK, [this.askMissingStep.bind(this), this.saveMissingStep.bind(this)]));
    this.addDialog(new WaterfallDialog(PRICE, [this.areaStep.bind(this), this.priceStep.bind(this)]));
    this.addDialog(new AreaDialog(deps));
    this.addDialog(new BillUploadDialog(deps));
    this.initialDialogId = START;
  }

  private t(key: string, vars?: Record<string, string | number>): string {
    return this.deps.content.text(key, vars);
  }

  private async lines(step: WaterfallStepContext): Promise<BillLine[]> {
    return activeCase(await this.deps.profiles.get(step.context))?.billLines ?? [];
  }

  private async offerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const current = activeCase(await this.deps.profiles.get(step.context));
    const count = current?.billLines.length ?? 0;
    // Lines come from the itemized bill: without one there is nothing to type in yet.
    if (count === 0 && current?.documents.itemizedBill !== 'have') return step.endDialog();
    const choice = (value: string) => ({ value, action: { type: ActionTypes.ImBack, title: this.t(`lines.offer.${value}`), value: this.t(`lines.offer.${value}`) } });
    return step.prompt(OFFER, {
      prompt: count ? this.t('lines.offer.askMore', { count }) : this.t('lines.offer.ask'),
      retryPrompt: this.t('lines.offer.retry'),
      choices: [choice('add'), choice('upload'), choice('skip')],
      style: choiceStyle(step.context),
      validations: TAKES_FILES,
    });
  }

  private async startStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const picked = (step.result as FoundChoice | undefined)?.value;
    if (fileInputOf(step.context.activity) || picked === 'upload') return step.beginDialog(BILL_UPLOAD_DIALOG, IN_STEP);
    if (picked !== 'add') return step.replaceDialog(PRICE);
    return step.replaceDialog(LOOP);
  }

  /** After a photo or PDF: what she confirmed is in the case, so on to care not received; otherwise she types the lines. */
  private async uploadedStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const saved = (step.result as BillUploadResult | undefined)?.saved === true;
    return step.replaceDialog(saved ? CHECK : LOOP);
  }

  private async entryStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const count = (await this.lines(step)).length;
    if (count >= MAX_LINES) {
      await step.context.sendActivity(this.t('lines.full', { max: MAX_LINES }));
      return step.replaceDialog(CHECK);
    }
    const ask = count === 0 ? this.t('lines.entry.first') : this.t('lines.entry.next', { number: count + 1 });
    return step.prompt(ENTRY, { prompt: MessageFactory.suggestedActions([this.t('lines.entry.done')], ask), retryPrompt: this.t('lines.entry.retry'), validations: TAKES_FILES });
  }

  private async addStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (fileInputOf(step.context.activity)) return step.beginDialog(BILL_UPLOAD_DIALOG, IN_STEP);
    const text = String(step.result);
    if (this.isDone(text)) return step.replaceDialog(CHECK);
    const parsed = parseBillLine(text, this.today(step));
    if (!('line' in parsed)) return step.replaceDialog(LOOP);
    const { profiles, now } = this.deps;
    const line: BillLine = { id: `L-${randomUUID().slice(0, 8)}`, ...parsed.line };
    const updated = await profiles.updateActive(step.context, (c) => ({ ...c, billLines: [...c.billLines, line] }), now());
    if (!updated) return step.endDialog();
    await step.context.sendActivity(this.t('lines.added', { number: updated.billLines.length, line: this.describe(line) }));
    return step.replaceDialog(LOOP);
  }

  private async askMissingStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const lines = await this.lines(step);
    if (lines.length === 0) return step.endDialog();
    const list = lines.map((l, i) => `${i + 1}. ${this.describe(l)}`).join('  \n');
    return step.prompt(MISSING, {
      prompt: MessageFactory.suggestedActions([this.t('lines.notReceived.none')], this.t('lines.notReceived.ask', { list })),
      retryPrompt: this.t('lines.notReceived.retry', { count: lines.length }),
    });
  }

  private async saveMissingStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const said = String(step.result);
    await this.deps.profiles.updateActive(step.context, (c) => {
      const picked = new Set(this.isNone(said) ? [] : (parseLineNumbers(said, c.billLines.length) ?? []));
      return { ...c, billLines: c.billLines.map((l, i) => ({ ...l, notReceived: picked.has(i + 1) || undefined })) };
    }, this.deps.now());
    return step.replaceDialog(PRICE);
  }

  /** Her area, when a line has a code to price (asked only where her state has several). */
  private async areaStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (!hasCodesToPrice(await this.lines(step))) return step.endDialog();
    return step.beginDialog(AREA_DIALOG);
  }

  /** The coded lines priced against Medicare, kept on the case (case.medicare) for the bill check, the script and the offer. */
  private async priceStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const area = areaOf(this.deps, step.result);
    if (!area) return step.endDialog();
    const { medicare, data, profiles, now } = this.deps;
    const updated = await profiles.updateActive(step.context, (c) => withMedicarePrices(c, area, medicare, data.fairPriceMultiples), now());
    if (updated?.medicare?.lines.some((l) => l.medicareCents !== undefined)) await step.context.sendActivity(this.t('prices.medicare.intro'));
    return step.endDialog();
  }

  private describe(line: BillLine): string {
    const parts = [line.date ? formatIsoDate(line.date) : undefined, line.code, line.description ? escapeMarkdown(line.description) : undefined];
    const units = line.units > 1 ? this.t('lines.units', { units: line.units }) : undefined;
    return [...parts, units, formatCents(line.chargeCents)].filter(Boolean).join(' · ');
  }

  private async validLine(p: PromptValidatorContext<string>): Promise<boolean> {
    if (fileInputOf(p.context.activity)) return true;
    const text = p.recognized.value ?? '';
    if (this.isDone(text)) return true;
    const parsed = parseBillLine(text, this.today(p));
    if ('line' in parsed) return true;
    p.options.retryPrompt = MessageFactory.suggestedActions([this.t('lines.entry.done')], this.t(`lines.problems.${parsed.problem}`));
    return false;
  }

  private async validNumbers(p: PromptValidatorContext<string>): Promise<boolean> {
    const text = p.recognized.value ?? '';
    const count = (activeCase(await this.deps.profiles.get(p.context))?.billLines ?? []).length;
    return this.isNone(text) || parseLineNumbers(text, count) !== undefined;
  }

  private today(holder: { context: WaterfallStepContext['context'] }): string {
    return userToday(localTimestampOf(holder.context), this.deps.now());
  }

  private isDone(text: string): boolean {
    return this.deps.content.list('lines.donePhrases').some((p) => normalizeUtterance(p) === normalizeUtterance(text));
  }

  private isNone(text: string): boolean {
    return this.deps.content.list('lines.nonePhrases').some((p) => normalizeUtterance(p) === normalizeUtterance(text));
  }
}
