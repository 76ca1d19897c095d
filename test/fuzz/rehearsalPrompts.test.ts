import type { ContentStore } from '../../src/content/contentStore';
import type { Case } from '../../src/domain/case';
import type { PromptSpec } from './promptFuzz';
import { fuzzPrompts } from './promptFuzz';
import { texts } from './questionSpecs';
import { STRONG, WITH_OFFER } from '../helpers/rehearsalFixtures';

/** Step 4: picking who to call, every turn of the role-play, and what next after the report. */
const START = ['4', 'Hospital billing office'];
const NUMBERS = (c: ContentStore) => c.text('rehearsal.yourNumbers', { opening: '$960', target: '$1,000', ceiling: '$1,000' });
const PRAISED = (c: ContentStore) => c.text('rehearsal.coach.good', { praise: '' });
/** A random answer can read as card details or an amount she can't pay: then the coach warns instead of praising. */
const WARNED = (c: ContentStore) => c.text('rehearsal.coach.warn', { warning: '' });

const turn = (index: number): PromptSpec => ({
  name: `rehearsal.rolePlay turn ${index + 1} of ${STRONG.length}`,
  seed: WITH_OFFER,
  path: [...START, ...STRONG.slice(0, index)],
  valid: STRONG[index] ?? '',
  next: (c) => (index + 1 < STRONG.length ? c.text('rehearsal.progress', { number: index + 2, total: STRONG.length }) : c.text('rehearsal.report.ask')),
  ...(index + 1 === STRONG.length ? { final: (c: Case) => c.progress.rehearsal, expected: 'done' } : {}),
  reasks: texts('rehearsal.problems.empty', 'rehearsal.problems.tooLong'),
  onward: (c) => [PRAISED(c), WARNED(c)],
});

fuzzPrompts([
  {
    name: 'rehearsal.pick', seed: WITH_OFFER, path: ['4'], valid: 'Hospital billing office', next: NUMBERS,
    reasks: texts('rehearsal.pick.retry'), onward: (c) => [NUMBERS(c)],
  },
  ...STRONG.map((_answer, index) => turn(index)),
  {
    name: 'rehearsal.next', seed: WITH_OFFER, path: [...START, ...STRONG], valid: 'Back to the menu', next: (c) => c.text('rehearsal.done'),
    final: (c) => c.rehearsals.length, expected: 1,
    reasks: texts('rehearsal.report.retry'), onward: (c) => [c.text('rehearsal.done'), NUMBERS(c)],
  },
]);
