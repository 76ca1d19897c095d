/**
 * What a reader makes of a printed bill or EOB (issue 24 item 3): the rows of text it sees, and the
 * figures it reads from them, each with how sure it is (0..1). Money is integer cents.
 * src/ingest/types.ts re-exports these for the upload side.
 */

/** One value read from the document, with how sure the reader is (0..1). */
export interface Read<T> {
  value: T;
  confidence: number;
}

export type CodeKind = 'cpt' | 'hcpcs' | 'revenue';

/** One line of an itemized bill as printed. */
export interface ReadBillLine {
  /** YYYY-MM-DD */
  dateOfService?: Read<string>;
  /** The code as printed without modifiers, e.g. '99284', 'J1100', '0450'. */
  code?: Read<string>;
  codeKind?: CodeKind;
  /** Modifiers printed with the code, e.g. ['25'] for '99284-25'. */
  modifiers?: string[];
  description?: Read<string>;
  units?: Read<number>;
  chargeCents: Read<number>;
}

/** The figures of an Explanation of Benefits. */
export interface ReadEob {
  billedCents?: Read<number>;
  allowedCents?: Read<number>;
  planPaidCents?: Read<number>;
  patientMayOweCents?: Read<number>;
  claimStatus?: Read<string>;
}

/** A run of text on one row (a PDF text item, or OCR words close together), with its left and right edge. */
export interface TextCell {
  text: string;
  x: number;
  right: number;
  /** How sure the source is of the text: 1 for a PDF's text layer, the OCR's word confidence otherwise. */
  confidence: number;
}

/** One printed row, its cells left to right; rows come in reading order. */
export interface TextRow {
  page: number;
  cells: TextCell[];
}

export type DocumentKind = 'itemizedBill' | 'eob' | 'unknown';

export interface ReadDocument {
  kind: DocumentKind;
  lines: ReadBillLine[];
  /** The total printed on the bill (Total charges / Amount due …), where one was found. */
  printedTotalCents?: Read<number>;
  /** The sum of the lines' charges. */
  linesTotalCents: number;
  /** Whether the lines add up to the printed total; absent when no total was printed. */
  totalsAgree?: boolean;
  eob?: ReadEob;
  pages: number;
  method: 'pdfText' | 'ocr';
}
