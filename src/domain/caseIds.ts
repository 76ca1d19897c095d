import type { Case } from './case';

/**
 * Ids for a case's calls (C), follow-ups (F) and price checks (P) that stay unique for the life of the case:
 * a counter kept in the case. The lists are cut at 100, so an id made from a list's length repeats once it
 * is full, and a follow-up's reminder would then replace another's. A case stored before the counter
 * starts it from the highest number its ids already use.
 */
export type CaseItemPrefix = 'C' | 'F' | 'P';

const numberOf = (id: string): number => {
  const match = /^[CFP](\d+)$/.exec(id);
  return match ? Number(match[1]) : 0;
};

function lastNumber(c: Case): number {
  if (c.lastItemNumber !== undefined) return c.lastItemNumber;
  const ids = [...c.calls, ...c.followUps, ...c.fairPrices].map((item) => numberOf(item.id));
  return Math.max(0, ...ids);
}

/** The next id and the case that has used it up (save that case with the new item). */
export function nextItemId(c: Case, prefix: CaseItemPrefix): { id: string; case: Case } {
  const number = lastNumber(c) + 1;
  return { id: `${prefix}${number}`, case: { ...c, lastItemNumber: number } };
}
