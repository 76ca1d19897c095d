/**
 * What the reader gives back for an uploaded bill or EOB (issue 24 items 2 and 3).
 * The contract between the reader (src/ingest/readDocument.ts) and the upload/confirmation side.
 * Every figure read carries how sure the reader is (0..1); money is integer cents.
 */

import type { ReadDocument } from '../domain/billRead';

export type { Read, ReadBillLine, ReadEob, CodeKind, DocumentKind, ReadDocument } from '../domain/billRead';

export type ReadFailureKind =
  | 'unsupportedType'
  | 'tooLarge'
  | 'passwordProtected'
  | 'damaged'
  | 'blank'
  | 'notABill'
  | 'timeout'
  /** The reader is reading another file (one OCR at a time); try again when it is done. */
  | 'busy';

export type ReadFailure = { kind: ReadFailureKind };

export interface ReadProgress {
  page: number;
  pages: number;
}

export interface ReadOptions {
  /** Told as each page starts (for an image: page 1 of 1). */
  onProgress?: (p: ReadProgress) => void;
  /** The read ends with { kind: 'timeout' } after this long, its worker ended. */
  timeoutMs: number;
  /** Ends the read early, answered as a timeout. */
  signal?: AbortSignal;
}

export function isReadFailure(r: ReadDocument | ReadFailure): r is ReadFailure {
  return !('lines' in r);
}
