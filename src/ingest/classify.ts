/**
 * What a document is, from its printed rows (issue 24 item 2): an EOB calls itself one ("Explanation of
 * Benefits", "This is not a bill") or prints its figures under their labels; an itemized bill has a header
 * naming its columns and lines with charges. Rows that are neither are not a bill.
 */
import type { ReadDocument, TextRow } from '../domain/billRead';
import { readBillText } from '../domain/billText';
import { readEobText } from '../domain/eobText';

export function classifyRows(rows: TextRow[], pages: number, method: ReadDocument['method']): ReadDocument | undefined {
  const bill = readBillText(rows);
  const eob = readEobText(rows);
  const eobFigures = eob.amountsFound + (eob.eob.claimStatus ? 1 : 0);
  const isEob = (eob.titled && eobFigures >= 1) || (eob.amountsFound >= 2 && !(bill.header && bill.lines.length > 0));
  if (isEob) return { kind: 'eob', lines: [], linesTotalCents: 0, eob: eob.eob, pages, method };
  if (bill.lines.length === 0) return undefined;
  const doc: ReadDocument = { kind: 'itemizedBill', lines: bill.lines, linesTotalCents: bill.linesTotalCents, pages, method };
  if (bill.printedTotalCents) doc.printedTotalCents = bill.printedTotalCents;
  if (bill.totalsAgree !== undefined) doc.totalsAgree = bill.totalsAgree;
  return doc;
}
