import { serviceCatalog } from '../../src/content/serviceCatalog';
import { readBillCode, searchServices, searchWords, serviceLabel } from '../../src/domain/serviceSearch';
import { realContent } from '../helpers/content';

const catalog = serviceCatalog(realContent());
const codes = (typed: string) => searchServices(typed, catalog).map((c) => c.code);

describe('finding the service from a code on the bill', () => {
  it.each([
    ['99284', { code: '99284' }],
    ['73721-26', { code: '73721', modifier: '26' }],
    ['73721 TC', { code: '73721', modifier: 'TC' }],
    ['73721TC', { code: '73721', modifier: 'TC' }],
    ['CPT 99213', { code: '99213' }],
    ['j1885', { code: 'J1885' }],
    ['73721-59-26 MRI knee', { code: '73721', modifier: '26' }],
    ['99214-25', { code: '99214' }],
  ])('"%s" reads as %j', (typed, expected) => {
    expect(readBillCode(typed)).toEqual(expected);
  });

  it('no code in plain words, a year or a short number', () => {
    expect(readBillCode('knee MRI')).toBeUndefined();
    expect(readBillCode('level 4')).toBeUndefined();
    expect(readBillCode('A1c test')).toBeUndefined();
  });

  it('a typed code comes back first with our plain name, and its modifier', () => {
    expect(searchServices('99284', catalog)).toEqual([{ code: '99284', label: 'Emergency room visit, level 4 of 5 (serious problem)', match: 'code', score: expect.any(Number) }]);
    expect(searchServices('73721 TC', catalog)[0]).toMatchObject({ code: '73721', modifier: 'TC', label: expect.stringContaining('MRI of a leg joint') });
  });

  it('a code we have no plain name for still comes back, to look up by its code', () => {
    expect(searchServices('27447', catalog)).toEqual([{ code: '27447', match: 'code', score: expect.any(Number) }]);
  });

  it('an anesthesia code gets the plain name of its block', () => {
    expect(serviceLabel(catalog, '01400')).toMatch(/Anesthesia/);
    expect(serviceLabel(catalog, '02000')).toBeUndefined();
    expect(serviceLabel(catalog, '0001U')).toBeUndefined();
  });
});

describe('finding the service from a few words', () => {
  it('"knee MRI" finds the leg-joint MRI first', () => {
    expect(codes('knee MRI')[0]).toBe('73721');
  });

  it('"er visit level 4" finds the level 4 ER visit first, with its neighbours to pick from', () => {
    const found = codes('er visit level 4');
    expect(found[0]).toBe('99284');
    expect(found).toContain('99283');
  });

  it('"ER visit, level four" and "E.R. visit level 4" mean the same', () => {
    expect(codes('ER visit, level four')[0]).toBe('99284');
    expect(codes('E.R. visit level 4')[0]).toBe('99284');
  });

  it('"blood test" offers the common blood tests, the blood count first', () => {
    const found = codes('blood test');
    expect(found[0]).toBe('85025');
    expect(found.length).toBeGreaterThan(1);
    expect(found.length).toBeLessThanOrEqual(5);
  });

  it.each([
    ['chest x-ray', '71045'],
    ['Chest X ray two views', '71046'],
    ['CT scan of the head', '70450'],
    ['cholesterol', '80061'],
    ['thyroid', '84443'],
    ['strep test', '87880'],
    ['flu test', '87804'],
    ['urine test', '81001'],
    ['a1c', '83036'],
    ['EKG', '93000'],
    ['mammogram', '77067'],
    ['iv drip of a drug', '96365'],
    ['zofran', 'J2405'],
    ['blood draw', '36415'],
    ['ultrasound belly', '76700'],
    ['ultra pelvis', '76856'],
    ['brain MRI with contrast', '70552'],
  ])('"%s" → %s first', (typed, code) => {
    expect(codes(typed)[0]).toBe(code);
  });

  it('words that match nothing give nothing, never a guess', () => {
    expect(searchServices('purple elephant', catalog)).toEqual([]);
    expect(searchServices('   ', catalog)).toEqual([]);
  });

  it('reads the words people type the way the catalogue does', () => {
    expect(searchWords('X-rays of the tests')).toEqual(['xray', 'test']);
  });
});

describe('the plain names we ship', () => {
  it('cover the common visits, labs, imaging, infusions, ECG and drugs, each code once', () => {
    const all = catalog.services.map((s) => s.code);
    for (const code of ['99202', '99205', '99211', '99215', '99281', '99285', '99291', '85025', '80048', '80053', '80061', '84443', '81001', '81003', '83036',
      '71045', '71046', '70450', '74176', '74177', '74178', '73721', '70551', '70552', '70553', '76700', '76856', '77067', '96365', '96374', '93000', '36415', 'J1885']) {
      expect(all).toContain(code);
    }
    expect(new Set(all).size).toBe(all.length);
  });

  it('every entry has search words', () => {
    expect(catalog.services.filter((s) => s.words.length === 0)).toEqual([]);
  });
});
