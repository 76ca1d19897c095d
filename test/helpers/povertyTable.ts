import type { PovertyTable } from '../../src/domain/povertyGuidelines';

/** The 2026 HHS poverty guidelines as published (whole dollars), for tests that must not depend on the data file. */
export const TABLE_2026: PovertyTable = {
  years: [{
    year: 2026,
    contiguous: { firstPerson: 15_960, eachAdditional: 5_680 },
    alaska: { firstPerson: 19_950, eachAdditional: 7_100 },
    hawaii: { firstPerson: 18_360, eachAdditional: 6_530 },
    source: 'HHS/ASPE poverty guidelines, 91 FR 1797',
  }],
};
