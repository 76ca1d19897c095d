/**
 * Which words a rehearsal tip uses for her case (content `rehearsal.tips.<key>`): "point to your EOB" is "point to
 * your Good Faith Estimate" when the estimate is the figure she owes, and "mention a comparable price" says what
 * Medicare pays here when the bill was priced against it (`fairSaying`, the sentence from her bill check).
 */
export function tipKey(move: string, vars: Readonly<Record<string, string>>): string {
  if (move === 'usesComparable' && vars.fairSaying) return 'usesComparableMedicare';
  return praiseKey(move, vars);
}

/** Which words praise a move: "you pointed to your Good Faith Estimate" where the estimate is the figure she owes. */
export function praiseKey(move: string, vars: Readonly<Record<string, string>>): string {
  return move === 'citesEob' && vars.owedBasis === 'goodFaithEstimate' ? 'citesEstimate' : move;
}

/** The figures a tip may name, from the rehearsal's vars. */
export function tipNumbers(vars: Readonly<Record<string, string>>): Record<string, string> {
  return { opening: vars.opening ?? '', monthly: vars.monthly ?? '', owed: vars.owed ?? '', offered: vars.offered ?? vars.opening ?? '', fairSaying: vars.fairSaying ?? '' };
}
