import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadHospitalData } from '../../src/content/hospitalData';

const ROOT = path.join(__dirname, '..', '..');
const SCRIPT = path.join(ROOT, 'scripts', 'data-hospitals.js');
const FIXTURES = path.join(__dirname, '..', 'fixtures', 'hospitals');
const { buildHospitalsCsv } = require(SCRIPT) as { buildHospitalsCsv(text: string): string };

/**
 * `npm run data:hospitals -- <csv>` rebuilds content/data/hospitals/hospitals.csv. From a small excerpt (nine
 * hospitals out of CCN order: a name and an address with commas, a VA CCN ending in a letter, tribal, physician-owned
 * and government hospitals), in the shared pack's layout and in CMS's own (BOM, CRLF, every field quoted, extra
 * columns), it writes exactly the shipped file's rows for those hospitals, byte for byte.
 */
describe('the hospital importer (scripts/data-hospitals.js)', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bc-hospitals-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const expected = fs.readFileSync(path.join(FIXTURES, 'expected.csv'));

  it.each(['pack-excerpt.csv', 'cms-excerpt.csv'])('rebuilds the shipped rows byte for byte from %s, as the npm script runs it', (input) => {
    const out = path.join(dir, 'hospitals.csv');
    execFileSync(process.execPath, [SCRIPT, path.join(FIXTURES, input), '--out', out], { stdio: 'pipe' });
    expect(fs.readFileSync(out).equals(expected)).toBe(true);
    // The built file loads the way the bot loads it at startup.
    const loaded = loadHospitalData(dir);
    expect(loaded.map((h) => h.ccn)).toEqual(['010001', '010090', '01014F', '011304', '020018', '360066', '360070', '450024', '450029']);
    expect(loaded.find((h) => h.ccn === '450024')?.category).toBe('proprietary'); // physician-owned: for-profit
  });

  it('gives the same bytes every time (deterministic)', () => {
    const text = fs.readFileSync(path.join(FIXTURES, 'pack-excerpt.csv'), 'utf8');
    expect(buildHospitalsCsv(text)).toBe(buildHospitalsCsv(text));
  });

  it('every built row is the shipped file\'s row unchanged', () => {
    const shipped = new Set(fs.readFileSync(path.join(ROOT, 'content', 'data', 'hospitals', 'hospitals.csv'), 'utf8').split('\n'));
    const built = buildHospitalsCsv(fs.readFileSync(path.join(FIXTURES, 'cms-excerpt.csv'), 'utf8')).trimEnd().split('\n');
    expect(built.every((line) => shipped.has(line))).toBe(true);
  });

  it('a row with a missing field stops it, naming the row, and writes nothing', () => {
    const broken = fs.readFileSync(path.join(FIXTURES, 'pack-excerpt.csv'), 'utf8').split('\n');
    broken[3] = (broken[3] ?? '').split(',').slice(0, -1).join(',');
    const input = path.join(dir, 'broken.csv');
    fs.writeFileSync(input, broken.join('\n'));
    const out = path.join(dir, 'out.csv');
    expect(() => execFileSync(process.execPath, [SCRIPT, input, '--out', out], { stdio: 'pipe' })).toThrow(/row 4: \d+ fields, the header has 12/);
    expect(fs.existsSync(out)).toBe(false);
  });
});
