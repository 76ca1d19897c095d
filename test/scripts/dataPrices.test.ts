import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const SCRIPT = path.join(ROOT, 'scripts', 'data-prices.js');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'medicare');
const SHIPPED = path.join(ROOT, 'content', 'data', 'medicare');
const FILES = ['pfs-rvu.json', 'gpci.json', 'clfs.json'];
/**
 * Excerpts of CMS's 2026 files in the data pack's layout (a few rows each, copied unchanged): priced codes with
 * 26/TC rows and NA flags, a 53 row (dropped), R and T statuses, unpriced J/C/X codes, five New York localities,
 * lab rates with QW twins and an L (contractor-priced) row.
 */
const RAW = ['rvu-2026-jul.csv', 'gpci-2026.csv', 'clfs-2026-q2.csv', 'rvu-2026-jul-na-flags.csv'].map((f) => path.join(FIXTURES, 'raw', f));

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
const tempDir = (): string => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bc-prices-'));
  dirs.push(dir);
  return dir;
};

/** `npm run data:prices -- <files> --out <dir>`, as an operator runs it. */
const runImporter = (files: readonly string[], out: string) => spawnSync(process.execPath, [SCRIPT, ...files, '--out', out], { encoding: 'utf8' });

/** The table rows of a built file: its lines of one entry each, without the comma that separates them. */
const entryLines = (text: string): string[] => text.split('\n').filter((l) => /^ {4}"/.test(l)).map((l) => l.replace(/,$/, ''));

describe('npm run data:prices rebuilds the price tables from CMS files', () => {
  it('byte for byte from the fixture excerpts (the files checked in under test/fixtures/medicare/expected)', () => {
    const out = tempDir();
    const run = runImporter(RAW, out);
    expect(run.status).toBe(0);
    for (const file of FILES) {
      expect(fs.readFileSync(path.join(out, file)).equals(fs.readFileSync(path.join(FIXTURES, 'expected', file)))).toBe(true);
    }
    // It prints each file's sha256 for PROVENANCE.md.
    expect(run.stdout).toContain(`${path.join(out, 'pfs-rvu.json')} (1169 bytes)`);
  });

  it('the same inputs give the same bytes, run after run', () => {
    const [first, second] = [tempDir(), tempDir()];
    execFileSync(process.execPath, [SCRIPT, ...RAW, '--out', first]);
    execFileSync(process.execPath, [SCRIPT, ...RAW, '--out', second]);
    for (const file of FILES) expect(fs.readFileSync(path.join(first, file)).equals(fs.readFileSync(path.join(second, file)))).toBe(true);
  });

  it('every row built from the excerpts is the shipped row for that code or locality, unchanged', () => {
    for (const file of FILES) {
      const shipped = new Set(entryLines(fs.readFileSync(path.join(SHIPPED, file), 'utf8')));
      const built = entryLines(fs.readFileSync(path.join(FIXTURES, 'expected', file), 'utf8'));
      expect(built.length).toBeGreaterThan(4);
      expect(built.filter((line) => !shipped.has(line))).toEqual([]);
    }
  });

  it('keeps what prices a service and drops the rest: 53 rows, repeated QW rates, descriptors', () => {
    const pfs = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'expected', 'pfs-rvu.json'), 'utf8')) as { rows: Record<string, unknown[]>; unpriced: Record<string, string> };
    expect(pfs.rows['99213']).toEqual(['A', '0', 130, 146, 33, 9, '']);
    expect(pfs.rows['73721']).toEqual(['A', '1', 132, 471, 471, 9, 'F']);
    expect(pfs.rows['99284']?.[6]).toBe('N');
    expect(Object.keys(pfs.rows).some((k) => k.endsWith('-53'))).toBe(false);
    expect(pfs.unpriced).toMatchObject({ '00100': 'J', '0075T-TC': 'C', G0463: 'X' });
    const clfs = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'expected', 'clfs.json'), 'utf8')) as { rates: Record<string, number | null> };
    expect(clfs.rates).toEqual({ '0001U': 72_000, '0526U': null, '80053': 1_056, '85025': 777, '87880': 1_653 });
  });

  it('a malformed raw file stops it, naming the file and the line, and writes nothing', () => {
    const dir = tempDir();
    const raw = RAW.map((file) => path.join(dir, path.basename(file)));
    RAW.forEach((file, i) => fs.copyFileSync(file, raw[i] ?? ''));
    const rvu = raw[0] ?? '';
    fs.writeFileSync(rvu, fs.readFileSync(rvu, 'utf8').replace('99213,,A,1.30,', '99213,,A,1.3,'));
    const out = path.join(dir, 'out');
    const run = runImporter(raw, out);
    expect(run.status).toBe(1);
    const line = fs.readFileSync(rvu, 'utf8').split('\n').findIndex((l) => l.startsWith('99213,')) + 1;
    expect(run.stderr).toBe(`data:prices: rvu-2026-jul.csv: line ${line}: work_rvu "1.3" is not a number with 2 decimals\n`);
    expect(fs.existsSync(out)).toBe(false);
  });
});
