import type { ReadDocument, ReadFailure, ReadOptions } from './types';

export type { ReadDocument, ReadFailure, ReadOptions } from './types';

/** The reader's entry point: sniffs the bytes (never trusting contentType alone) and reads a PDF or an image. */
export async function readDocument(
  bytes: Uint8Array,
  contentType: string,
  opts: ReadOptions,
): Promise<ReadDocument | ReadFailure> {
  // Placeholder while the readers land: the signature is the contract.
  void bytes;
  void contentType;
  void opts;
  return { kind: 'unsupportedType' };
}
