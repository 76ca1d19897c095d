import type { Read, ReadDocument } from './billRead';
import { linesTotalCents, type ParsedLine } from './billLines';
import { isIsoDate } from './dates';
import type { EobStatus } from './gatherModel';

/** Below this the reader was unsure of a field: the card marks it "(check this)". */
export const SURE_ENOUGH = 0.8;
/** The most lines one bill keeps (as when typed). */
export const MAX_DRAFT_LINES = 100;

export type LineField = 'date' | 'code' | 'description' | 'units' | 'charge';
export type EobField = 'billed' | 'allowed' | 'planPaid' | 'owed' | 'status';

/** One line as read, to be confirmed: the same fields a typed line has, and which were hard to read. */
export interface DraftLine extends ParsedLine {
  unsure: LineField[];
}

export interface DraftEob {
  billedCents?: number;
  allowedCents?: number;
  planPaidCents?: number;
  patientOwesCents?: number;
  status?: EobStatus;
  unsure: EobField[];
}

/** What was read from a file, in the shape the case stores, until the user confirms it. Plain JSON (kept in dialog state). */
export interface BillDraft {
  kind: ReadDocument['kind'];
  lines: DraftLine[];
  printedTotalCents?: number;
  eob?: DraftEob;
}

const unsure = <T>(read: Read<T> | undefined): boolean => read !== undefined && read.confidence < SURE_ENOUGH;
const wholeCents = (value: number | undefined): number | undefined => (value !== undefined && Number.isSafeInteger(value) && value >= 0 ? value : undefined);

/** What an EOB's printed claim status means for the case: denied, pending, or processed (paid, applied to the deductible…). */
export function eobStatusOf(printed: string | undefined): EobStatus | undefined {
  if (printed === undefined || printed.trim() === '') return undefined;
  if (/\bden(ied|ial)\b|\breject/i.test(printed)) return 'denied';
  if (/\bpend|\bin process|\breview/i.test(printed)) return 'pending';
  return 'processed';
}

function draftLine(line: ReadDocument['lines'][number]): DraftLine | undefined {
  const chargeCents = wholeCents(line.chargeCents.value);
  if (chargeCents === undefined || chargeCents === 0) return undefined;
  const date = line.dateOfService && isIsoDate(line.dateOfService.value) ? line.dateOfService.value : undefined;
  const units = line.units && Number.isInteger(line.units.value) && line.units.value >= 1 && line.units.value <= 999 ? line.units.value : 1;
  const description = line.description?.value.replace(/\s+/g, ' ').trim().slice(0, 120);
  const code = line.code?.value.trim().toUpperCase().slice(0, 20);
  const flagged: [LineField, boolean][] = [
    ['date', unsure(line.dateOfService)], ['code', unsure(line.code)], ['description', unsure(line.description)],
    ['units', unsure(line.units)], ['charge', unsure(line.chargeCents)],
  ];
  return {
    chargeCents, units,
    ...(date ? { date } : {}), ...(code ? { code } : {}), ...(description ? { description } : {}),
    unsure: flagged.filter(([, u]) => u).map(([f]) => f),
  };
}

/** The reader's result as a draft: lines with a charge (at most MAX_DRAFT_LINES), the printed total, the EOB figures. */
export function toDraft(doc: ReadDocument): BillDraft {
  const lines = doc.lines.map(draftLine).filter((l): l is DraftLine => l !== undefined).slice(0, MAX_DRAFT_LINES);
  const printed = wholeCents(doc.printedTotalCents?.value);
  const e = doc.eob;
  const eob: DraftEob | undefined = e && {
    billedCents: wholeCents(e.billedCents?.value),
    allowedCents: wholeCents(e.allowedCents?.value),
    planPaidCents: wholeCents(e.planPaidCents?.value),
    patientOwesCents: wholeCents(e.patientMayOweCents?.value),
    status: eobStatusOf(e.claimStatus?.value),
    unsure: ([['billed', e.billedCents], ['allowed', e.allowedCents], ['planPaid', e.planPaidCents], ['owed', e.patientMayOweCents], ['status', e.claimStatus]] as [EobField, Read<unknown> | undefined][])
      .filter(([, r]) => unsure(r)).map(([f]) => f),
  };
  const hasEob = eob !== undefined && [eob.billedCents, eob.allowedCents, eob.planPaidCents, eob.patientOwesCents, eob.status].some((v) => v !== undefined);
  return { kind: doc.kind, lines, ...(printed === undefined ? {} : { printedTotalCents: printed }), ...(hasEob ? { eob } : {}) };
}

export const draftIsEmpty = (draft: BillDraft): boolean => draft.lines.length === 0 && draft.eob === undefined;

/** The lines' total, and whether it matches the printed total (undefined when none was printed). */
export function draftTotals(draft: BillDraft): { linesTotalCents: number; printedTotalCents?: number; agrees?: boolean } {
  const total = linesTotalCents(draft.lines);
  if (draft.printedTotalCents === undefined) return { linesTotalCents: total };
  return { linesTotalCents: total, printedTotalCents: draft.printedTotalCents, agrees: total === draft.printedTotalCents };
}

/** The draft with line `index` (0-based) replaced (as the user typed it: nothing left to check) or removed. */
export function withLine(draft: BillDraft, index: number, line: ParsedLine | undefined): BillDraft {
  const lines = draft.lines.flatMap((l, i) => (i !== index ? [l] : line ? [{ ...line, unsure: [] }] : []));
  return { ...draft, lines };
}
