import path from 'node:path';
import { loadHospitalData } from '../../src/content/hospitalData';
import { HospitalFinder, editDistance } from '../../src/domain/hospitalMatch';

const finder = new HospitalFinder(loadHospitalData(path.join(__dirname, '..', '..', 'content', 'data', 'hospitals')));

// What people type for 30 real hospitals of CMS's list: short forms, lower case, words missing or swapped, a typo.
const TYPED: ReadonlyArray<[typed: string, state: string, ccn: string]> = [
  ['mercy general', 'CA', '050017'],
  ['Riverside Med Ctr', 'IL', '140186'],
  ['cleveland clinic', 'OH', '360180'],
  ['mass general hosp', 'MA', '220071'],
  ['johns hopkins hospital', 'MD', '210009'],
  ['Advent Health Orlando', 'FL', '100007'],
  ['houston methodist', 'TX', '450358'],
  ['new york presbyterian', 'NY', '330101'],
  ['hosp of univ of pennsylvania', 'PA', '390111'],
  ['indiana univ health', 'IN', '150056'],
  ['ucsf medical center', 'CA', '050454'],
  ['univ of michigan health system', 'MI', '230046'],
  ['vanderbilt univ med ctr', 'TN', '440039'],
  ['barnes jewish', 'MO', '260032'],
  ['gundersen lutheran', 'WI', '520087'],
  ['nc baptist hospital', 'NC', '340047'],
  ['university of alabama hospital', 'AL', '010033'],
  ['univ of virginia medical center', 'VA', '490009'],
  ['mayo clinic hospital', 'AZ', '030103'],
  ['university of colorado hospital', 'CO', '060024'],
  ['mayo clinic rochester', 'MN', '240010'],
  ['emory university hospital', 'GA', '110010'],
  ['univ of mississippi med center', 'MS', '250001'],
  ['ochsner medical center', 'LA', '190036'],
  ['cooper univ hosp', 'NJ', '310014'],
  ['norton hospital', 'KY', '180088'],
  ['cedars sinai', 'CA', '050625'],
  ['nyu langone', 'NY', '330214'],
  ['integris baptist med ctr', 'OK', '370028'],
  ['vanderbilt univeristy medical center', 'TN', '440039'],
];

describe('finding the hospital from the name the user typed', () => {
  const hits = TYPED.filter(([typed, state, ccn]) => finder.find(typed, state).some((c) => c.hospital.ccn === ccn));

  it('puts the right hospital in the top 3 for at least 28 of 30 names typed the way people type them', () => {
    const misses = TYPED.filter((t) => !hits.includes(t)).map(([typed, state]) => `${typed} (${state})`);
    expect(misses.length).toBeLessThanOrEqual(2);
    expect(hits.length).toBeGreaterThanOrEqual(28);
  });

  it.each([
    ['st marys hosp', 'WI', 'ST MARYS HOSPITAL MEDICAL CTR'],
    ['saint marys hospital', 'WI', 'ST MARYS HOSPITAL MEDICAL CTR'],
  ])('reads "St." and "Saint" alike: %s', (typed, state, name) => {
    expect(finder.find(typed, state).map((c) => c.hospital.name)).toContain(name);
  });

  it.each([
    ["dr smith's office", 'OH'],
    ['quest diagnostics', 'NJ'],
    ['Smith Family Practice', 'TX'],
    ['LabCorp', 'NC'],
    ['asdkjh qwe zzz', 'TX'],
    ['Clearview Imaging', 'OH'],
  ])('offers no hospital for a practice, a lab or gibberish: %s', (typed, state) => {
    expect(finder.find(typed, state)).toEqual([]);
  });

  it('searches only the state given', () => {
    expect(finder.find('mercy general', 'NV').map((c) => c.hospital.ccn)).not.toContain('050017');
  });

  it('counts one swapped or wrong letter as one edit', () => {
    expect(editDistance('univeristy', 'university', 2)).toBe(1);
    expect(editDistance('hopkins', 'hopkims', 1)).toBe(1);
    expect(editDistance('mercy', 'xyzzy', 2)).toBe(3);
  });
});
