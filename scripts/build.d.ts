/** Types for scripts/build.js (used by test/scripts/buildStamp.test.ts). */
export interface Inputs {
  hash: string;
  count: number;
}
export function inputsHash(root: string): Inputs;
export function staleReason(root: string, inputs: Inputs): string | undefined;
export function writeStamp(root: string, inputs: Inputs): void;
