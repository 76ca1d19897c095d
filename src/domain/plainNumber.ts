/**
 * A number typed on its own, the way most answers to "how much?" and "how many?" come: `1200`,
 * `1,200.50`, `$85`, `$ 3,000`. These have one reading, so they need no number recognizer (the SDK's
 * is slow to run). Anything else (`about 300`, `two`, `1.2.3`, `-5`, `1e9`) returns undefined
 * and goes to the recognizer, as before.
 */
const PLAIN = /^\s*\$?\s?((?:\d{1,3}(?:,\d{3})+)|\d{1,12})(\.\d{1,6})?\s*$/;

export function plainNumber(text: string): number | undefined {
  const match = PLAIN.exec(text);
  if (!match) return undefined;
  return Number(`${(match[1] ?? '').replace(/,/g, '')}${match[2] ?? ''}`);
}
