import { AttachmentPrompt, ComponentDialog, DialogTurnResult, PromptValidatorContext, TextPrompt, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { CardFactory, MessageFactory, type Attachment, type TurnContext } from 'botbuilder';
import { billCheckCard } from '../../src/cards/billCheckCard';
import { escapeMarkdown } from '../../src/cards/markdown';
import { READ_CARD_ACTIONS, readBillCard, readCardCommand, describeDraftLine, typedLine, type ReadCardAction } from '../../src/cards/readBillCard';
import { checkBill } from '../../src/domain/billCheck';
import { withLine, type BillDraft } from '../../src/domain/billDraft';
import { parseBillLine, parseLineNumbers } from '../../src/domain/billLines';
import { userToday } from '../../src/domain/calendar';
import { hasCodesToPrice, withMedicarePrices } from '../../src/domain/medicareLines';
import { activeCase } from '../../src/domain/profile';
import type { DialogDeps } from '../deps';
import { localTimestampOf } from '../prompts/localDateTimePrompt';
import { AREA_DIALOG, AreaDialog, areaOf } from './areaDialog';
import { fileInputOf, megabytes, saidOneOf } from './billUploadInput';
import { readSentFile } from './billUploadRead';
import { saveConfirmedDraft } from './billUploadSave';

export const BILL_UPLOAD_DIALOG = 'gather.upload';
const ID = BILL_UPLOAD_DIALOG;
const ASK = `${ID}.ask`;
const DECIDE = `${ID}.decide`;
const LINE = `${ID}.line`;
const FIX = `${ID}.fix`;
const START = `${ID}.start`;
const REVIEW = `${ID}.review`;
const CHANGE = `${ID}.change`;
const CHECK = `${ID}.check`;

export interface BillUploadOptions {
  /**
   * Entered from step 1 (gather): what is confirmed is saved and step 1 goes on (care not received, prices,
   * its own bill check). Otherwise the user is told the file goes into step 1, and the bill check runs here.
   */
  inStep?: boolean;
}
/** What the upload ends with: whether anything was saved to the case. */
export interface BillUploadResult {
  saved: boolean;
}
interface ReviewOptions extends BillUploadOptions { draft: BillDraft }
interface ChangeOptions extends BillUploadOptions { draft: BillDraft; action: 'fix' | 'drop' }

const PHRASES: Record<ReadCardAction, string> = { confirm: 'upload.confirmPhrases', fix: 'upload.fixPhrases', drop: 'upload.dropPhrases', typeInstead: 'upload.typePhrases' };

/**
 * A photo or PDF of the bill or the EOB: read (typing, "Reading page 1 of 2…"), shown as a card, and
 * saved only when the user confirms — after fixing or dropping lines if need be, or typing instead.
 * Saved as if typed, then the bill check runs on it.
 */
export class BillUploadDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(ID);
    this.addDialog(new AttachmentPrompt(ASK, async (p) => this.fileOrTypeInstead(p)));
    this.addDialog(new TextPrompt(DECIDE, async (p) => this.decision(p.context) !== undefined));
    this.addDialog(new TextPrompt(LINE, async (p) => this.validLineNumber(p)));
    this.addDialog(new TextPrompt(FIX, async (p) => this.validLine(p)));
    this.addDialog(new WaterfallDialog(START, [this.askStep.bind(this), this.readStep.bind(this)]));
    this.addDialog(new WaterfallDialog(REVIEW, [this.showStep.bind(this), this.decideStep.bind(this)]));
    this.addDialog(new WaterfallDialog(CHANGE, [this.pickStep.bind(this), this.changeStep.bind(this), this.fixedStep.bind(this)]));
    this.addDialog(new WaterfallDialog(CHECK, [this.areaStep.bind(this), this.checkStep.bind(this)]));
    this.addDialog(new AreaDialog(deps));
    this.initialDialogId = START;
  }

  private t(key: string, vars?: Record<string, string | number>): string {
    return this.deps.content.text(key, vars);
  }

  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (fileInputOf(step.context.activity)) return step.next();
    return step.prompt(ASK, {
      prompt: MessageFactory.suggestedActions([this.t('upload.card.typeInstead')], this.t('upload.ask')),
      retryPrompt: MessageFactory.suggestedActions([this.t('upload.card.typeInstead')], this.t('upload.askRetry')),
    });
  }

  private async readStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const input = fileInputOf(step.context.activity);
    if (!input) return this.typeInstead(step);
    if (input.kind === 'refused') return this.problem(step, input.refusal.reason, { limit: megabytes(input.refusal.maxBytes) });
    const outcome = await readSentFile(step.context, this.deps, input.files);
    if (!outcome.ok) return this.problem(step, outcome.problem, outcome.vars);
    if (!this.inStep(step)) {
      const current = activeCase(await this.deps.profiles.get(step.context));
      const caseLabel = current ? current.label : this.t('cases.defaultLabel', { number: 1 });
      await step.context.sendActivity(this.t('upload.outsideStep', { caseLabel: escapeMarkdown(caseLabel) }));
    }
    const review: ReviewOptions = { draft: outcome.draft, inStep: this.inStep(step) };
    return step.replaceDialog(REVIEW, review);
  }

  private async showStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { draft } = step.options as ReviewOptions;
    const json = readBillCard(this.deps.content, draft, step.context.activity.channelId);
    return step.prompt(DECIDE, {
      prompt: { type: 'message', attachments: [CardFactory.adaptiveCard(json)] },
      retryPrompt: this.t('upload.reviewRetry'),
    });
  }

  private async decideStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { draft } = step.options as ReviewOptions;
    const action = this.decision(step.context);
    if (action === 'confirm') return this.confirm(step, draft);
    if (action === 'fix' || action === 'drop') {
      const change: ChangeOptions = { draft, action, inStep: this.inStep(step) };
      return step.replaceDialog(CHANGE, change);
    }
    return this.typeInstead(step);
  }

  private async pickStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { draft } = step.options as ChangeOptions;
    if (draft.lines.length === 1) return step.next('1');
    const count = draft.lines.length;
    return step.prompt(LINE, { prompt: this.t('upload.pickLine', { count }), retryPrompt: this.t('upload.pickLineRetry', { count }), validations: { count } });
  }

  private async changeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { draft, action } = step.options as ChangeOptions;
    const number = parseLineNumbers(String(step.result), draft.lines.length)?.[0] ?? 1;
    (step.values as { number?: number }).number = number;
    if (action === 'drop') {
      await step.context.sendActivity(this.t('upload.dropped', { number }));
      const review: ReviewOptions = { draft: withLine(draft, number - 1, undefined), inStep: this.inStep(step) };
      return step.replaceDialog(REVIEW, review);
    }
    const line = draft.lines[number - 1];
    return step.prompt(FIX, { prompt: this.t('upload.fixAsk', { number, line: line ? escapeMarkdown(typedLine(line)) : '' }), retryPrompt: this.t('lines.entry.retry') });
  }

  private async fixedStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { draft } = step.options as ChangeOptions;
    const number = (step.values as { number?: number }).number ?? 1;
    const parsed = parseBillLine(String(step.result), this.today(step.context));
    if (!('line' in parsed)) return step.replaceDialog(REVIEW, { draft, inStep: this.inStep(step) } satisfies ReviewOptions);
    const fixed = withLine(draft, number - 1, parsed.line);
    const line = fixed.lines[number - 1];
    if (line) await step.context.sendActivity(this.t('upload.fixed', { number, line: describeDraftLine(this.deps.content, line) }));
    const review: ReviewOptions = { draft: fixed, inStep: this.inStep(step) };
    return step.replaceDialog(REVIEW, review);
  }

  /** Saves what was confirmed as if typed and says so; in step 1, step 1 goes on; elsewhere the bill check runs here. */
  private async confirm(step: WaterfallStepContext, draft: BillDraft): Promise<DialogTurnResult> {
    const { saved, lines } = await saveConfirmedDraft(step.context, this.deps, draft);
    const caseLabel = escapeMarkdown(saved.label);
    const notes = [lines > 0 ? this.t('upload.saved', { count: lines, caseLabel }) : undefined, draft.eob ? this.t('upload.savedEob', { caseLabel }) : undefined];
    await step.context.sendActivity(notes.filter(Boolean).join('\n\n'));
    if (this.inStep(step)) return step.endDialog({ saved: true } satisfies BillUploadResult);
    return step.replaceDialog(CHECK);
  }

  /** Her Medicare area, when a saved line has a code to price (asked only where her state has several). */
  private async areaStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const current = activeCase(await this.deps.profiles.get(step.context));
    if (!current || !hasCodesToPrice(current.billLines)) return step.next();
    return step.beginDialog(AREA_DIALOG);
  }

  /** The bill check on the case as saved, its coded lines priced in her area, as step 1 would show it. */
  private async checkStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { content, profiles, medicare, data, now } = this.deps;
    const area = areaOf(this.deps, step.result);
    const today = this.today(step.context);
    let result: ReturnType<typeof checkBill> | undefined;
    const checked = await profiles.updateActive(step.context, (c) => {
      const priced = area ? withMedicarePrices(c, area, medicare, data.fairPriceMultiples) : c;
      result = checkBill(priced, today);
      return { ...priced, billCheck: { checkedAt: now().toISOString(), findings: result.findings.map((f) => ({ ...f })) } };
    }, now());
    if (checked && result) await step.context.sendActivity({ attachments: [CardFactory.adaptiveCard(billCheckCard(content, checked, result, today))] });
    return step.endDialog({ saved: true } satisfies BillUploadResult);
  }

  private async typeInstead(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await step.context.sendActivity(this.t('upload.typeInstead'));
    return step.endDialog({ saved: false } satisfies BillUploadResult);
  }

  private async problem(step: WaterfallStepContext, problem: string, vars?: Record<string, string>): Promise<DialogTurnResult> {
    await step.context.sendActivity(this.t(`upload.problems.${problem}`, vars));
    return step.endDialog({ saved: false } satisfies BillUploadResult);
  }

  private decision(context: TurnContext): ReadCardAction | undefined {
    return READ_CARD_ACTIONS.find((a) => saidOneOf(context.activity, this.deps.content, PHRASES[a], readCardCommand(a)));
  }

  private async fileOrTypeInstead(p: PromptValidatorContext<Attachment[]>): Promise<boolean> {
    return fileInputOf(p.context.activity) !== undefined || saidOneOf(p.context.activity, this.deps.content, PHRASES.typeInstead, readCardCommand('typeInstead'));
  }

  private async validLineNumber(p: PromptValidatorContext<string>): Promise<boolean> {
    const count = (p.options.validations as { count?: number } | undefined)?.count ?? 0;
    return parseLineNumbers(p.recognized.value ?? '', count)?.length === 1;
  }

  private async validLine(p: PromptValidatorContext<string>): Promise<boolean> {
    const parsed = parseBillLine(p.recognized.value ?? '', this.today(p.context));
    if ('line' in parsed) return true;
    p.options.retryPrompt = MessageFactory.text(this.t(`lines.problems.${parsed.problem}`));
    return false;
  }

  /** Whether this upload was entered from step 1 (kept through the review and change loops). */
  private inStep(step: WaterfallStepContext): boolean {
    return (step.options as BillUploadOptions | undefined)?.inStep === true;
  }

  private today(context: TurnContext): string {
    return userToday(localTimestampOf(context), this.deps.now());
  }
}
