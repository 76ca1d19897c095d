/** What a caller can do well on the phone; the role-play listens for these in each answer. */
export const MOVES = [
  'statesAccount', 'stateTheAsk', 'mentionsHardship', 'mentionsAssistance', 'asksItemized',
  'makesOffer', 'usesComparable', 'asksNameReference', 'asksInWriting', 'declinesUnaffordable', 'citesEob',
] as const;
export type Move = (typeof MOVES)[number];
