import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ContentError, ContentStore } from '../../src/content/contentStore';
import { loadMedicareData, localityNameKey, MEDICARE_FILES } from '../../src/content/medicareData';
import { isRestOfState } from '../../src/domain/localities';
import { realContent, realFigures } from '../helpers/content';

const ROOT = path.join(__dirname, '..', '..');
const DATA_DIR = path.join(ROOT, 'content', 'data');
const SHIPPED = path.join(DATA_DIR, 'medicare');

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** A temp data folder holding a copy of the shipped medicare files, one of them changed by `edit` (its text in, its text out). */
function brokenCopy(file: string, edit: (text: string) => string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bc-medicare-'));
  dirs.push(dir);
  fs.mkdirSync(path.join(dir, 'medicare'));
  for (const name of Object.values(MEDICARE_FILES)) fs.copyFileSync(path.join(SHIPPED, name), path.join(dir, 'medicare', name));
  const target = path.join(dir, 'medicare', file);
  fs.writeFileSync(target, edit(fs.readFileSync(target, 'utf8')));
  return dir;
}

/** The line (1-based) of the shipped file that holds `"<key>":` in the given section. */
function lineOf(file: string, key: string): number {
  const lines = fs.readFileSync(path.join(SHIPPED, file), 'utf8').split('\n');
  return lines.findIndex((l) => l.startsWith(`    "${key}":`)) + 1;
}

const loadError = (dataDir: string, content: ContentStore = realContent()): string => {
  try {
    loadMedicareData(dataDir, content);
  } catch (err) {
    if (err instanceof ContentError) return err.message;
    throw err;
  }
  throw new Error('expected a ContentError');
};

describe('the Medicare tables in content/data/medicare', () => {
  const tables = loadMedicareData(DATA_DIR, realContent());

  it('load with their source, release and year', () => {
    expect(tables.pfs).toMatchObject({ label: 'Medicare Physician Fee Schedule 2026 (July release)', year: 2026, release: 'RVU26C', conversionFactor: 334_009 });
    expect(tables.clfs).toMatchObject({ year: 2026, release: 'CLFS 2026 Q2' });
    expect(tables.pfs.rows.size).toBeGreaterThan(10_000);
    expect(tables.pfs.unpriced.size).toBeGreaterThan(8_000);
    expect(tables.clfs.rates.size).toBeGreaterThan(1_000);
    expect(tables.localities.byId.size).toBe(109);
  });

  it('give every locality in gpci.json a plain name, and each state with several exactly one "Rest of <state>"', () => {
    const gpci = JSON.parse(fs.readFileSync(path.join(SHIPPED, 'gpci.json'), 'utf8')) as { localities: Record<string, [string, string, string, string]> };
    const content = realContent();
    for (const [id, [state, number, , cmsName]] of Object.entries(gpci.localities)) {
      const locality = tables.localities.byId.get(id);
      expect(locality?.plainName).toMatch(/\S/);
      expect(locality?.plainName).not.toBe(cmsName);
      const several = (tables.localities.byState.get(state)?.length ?? 0) > 1;
      if (several) expect(locality?.plainName).toBe(content.text(localityNameKey(state, number)));
    }
    for (const list of tables.localities.byState.values()) {
      if (list.length < 2) continue;
      const rest = list.filter(isRestOfState);
      expect(rest).toHaveLength(1);
      expect(rest[0]?.plainName).toMatch(/^Rest of /);
      expect(list.at(-1)).toBe(rest[0]);
    }
  });

  it('read a row when it is looked up: the NA flags become the two settings', () => {
    expect(tables.pfs.rows.get('73721')).toEqual({ status: 'A', pctc: '1', work: 132, nonFacilityPe: 471, facilityPe: 471, mp: 9, naNonFacility: false, naFacility: true });
    expect(tables.pfs.rows.get('99284')).toMatchObject({ naNonFacility: true, naFacility: false });
    expect(tables.pfs.rows.get('toString')).toBeUndefined();
    expect(tables.pfs.unpriced.get('00100')).toBe('J');
    expect(tables.clfs.rates.get('85025')).toBe(777);
  });
});

describe('a malformed Medicare file stops startup, naming the file and the row', () => {
  it('a work RVU that is not a whole number: the file, the code, its line and the column', () => {
    const dir = brokenCopy('pfs-rvu.json', (t) => t.replace('"99213": ["A","0",130,', '"99213": ["A","0","1.30",'));
    expect(loadError(dir)).toBe(`medicare/pfs-rvu.json: line ${lineOf('pfs-rvu.json', '99213')} (rows "99213"): work: expected a whole number, 0 or more, found "1.30"`);
  });

  it('a status that the fee schedule does not pay from RVUs, in the priced rows', () => {
    const dir = brokenCopy('pfs-rvu.json', (t) => t.replace('"99284": ["A",', '"99284": ["X",'));
    expect(loadError(dir)).toMatch(/^medicare\/pfs-rvu\.json: line \d+ \(rows "99284"\): status: expected one of "A", "R", "T", found "X"$/);
  });

  it('a row with a value missing', () => {
    const dir = brokenCopy('pfs-rvu.json', (t) => t.replace('"73721-26": ["A","1",132,49,49,7,""]', '"73721-26": ["A","1",132,49,49,7]'));
    expect(loadError(dir)).toMatch(/^medicare\/pfs-rvu\.json: line \d+ \(rows "73721-26"\): expected 7 values/);
  });

  it('a locality whose key is not its state and number', () => {
    const dir = brokenCopy('gpci.json', (t) => t.replace('"OH-00": ["OH","00"', '"OH-00": ["OH","01"'));
    expect(loadError(dir)).toBe(`medicare/gpci.json: line ${lineOf('gpci.json', 'OH-00')} (localities "OH-00"): the key must be its state and locality number (OH-01)`);
  });

  it('a lab rate below zero', () => {
    const dir = brokenCopy('clfs.json', (t) => t.replace('"85025": 777', '"85025": -777'));
    expect(loadError(dir)).toBe(`medicare/clfs.json: line ${lineOf('clfs.json', '85025')} (rates "85025"): expected a whole number, 0 or more`);
  });

  it('a header field missing, a file that is not JSON, a file missing', () => {
    expect(loadError(brokenCopy('pfs-rvu.json', (t) => t.replace(/\n {2}"conversionFactor": \d+,/, '')))).toMatch(/^medicare\/pfs-rvu\.json: conversionFactor: /);
    expect(loadError(brokenCopy('pfs-rvu.json', (t) => t.replace('"columns": ["status","pctc"', '"columns": ["pctc","status"')))).toMatch(/^medicare\/pfs-rvu\.json: columns: expected the columns status, pctc, work/);
    expect(loadError(brokenCopy('gpci.json', (t) => t.slice(0, -5)))).toMatch(/^medicare\/gpci\.json: not valid JSON/);
    const dir = brokenCopy('clfs.json', (t) => t);
    fs.rmSync(path.join(dir, 'medicare', 'clfs.json'));
    expect(loadError(dir)).toMatch(/^medicare\/clfs\.json: missing from /);
  });

  it('a locality of a state with several and no plain name in localities.yaml, or a name for no locality', () => {
    const contentCopy = (edit: (yaml: string) => string): ContentStore => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bc-content-'));
      dirs.push(dir);
      fs.cpSync(path.join(ROOT, 'content', 'en'), dir, { recursive: true });
      const file = path.join(dir, 'localities.yaml');
      fs.writeFileSync(file, edit(fs.readFileSync(file, 'utf8')));
      return ContentStore.load(dir, realFigures());
    };
    expect(loadError(DATA_DIR, contentCopy((y) => y.replace(/\n {2}l04: New York City — Queens/, '')))).toBe(
      'localities.yaml: no plain name for NY-04 (QUEENS) of medicare/gpci.json: add NY.l04',
    );
    expect(loadError(DATA_DIR, contentCopy((y) => y.replace('  l99: Rest of Texas', '  l99: Rest of Texas\n  l42: Midland')))).toBe(
      'localities.yaml: TX.l42: no such locality in medicare/gpci.json',
    );
  });
});
