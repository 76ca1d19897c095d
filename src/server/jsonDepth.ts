/**
 * The deepest nesting a posted activity may have. Real activities (Adaptive Card values, Teams
 * channelData) stay far below it; a body nested thousands deep parses fine but would overflow the
 * stack of anything that walks it recursively later (JSON.stringify, logging, storage).
 */
export const MAX_JSON_DEPTH = 64;

/** True when parsed JSON nests objects or arrays deeper than `max`. Iterative, so it cannot overflow. */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  const pending: { node: unknown; depth: number }[] = [{ node: value, depth: 1 }];
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    const { node, depth } = item;
    if (typeof node !== 'object' || node === null) continue;
    if (depth > max) return true;
    for (const child of Object.values(node)) pending.push({ node: child, depth: depth + 1 });
  }
  return false;
}
