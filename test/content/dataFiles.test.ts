import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { ContentError } from '../../src/content/contentStore';
import { DATA_FILE_NAMES, loadDataFiles } from '../../src/content/dataFiles';

const REAL_DIR = path.join(__dirname, '..', '..', 'content', 'data');
const POVERTY = 'poverty-guidelines.yaml';
const TIERS = 'assistance-tiers.yaml';
const STRATEGY = 'offer-strategy.yaml';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

type Yaml = Record<string, unknown> & { years: Array<Record<string, Record<string, unknown> | unknown>> };
type Strategy = Record<string, unknown> & { withAssistanceLikely: Record<string, unknown>; sources: Record<string, Record<string, unknown>> };

interface Breakage {
  /** Changes the parsed files before they are written back. */
  edit?: (poverty: Yaml, tiers: Record<string, unknown>, strategy: Strategy) => void;
  /** Changes the folder after the files are written. */
  files?: (dir: string) => void;
}

/** A temp copy of the real data folder, broken as described, ready to load. */
function loadBrokenCopy({ edit, files }: Breakage): () => unknown {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bc-data-'));
  dirs.push(dir);
  const poverty = parse(fs.readFileSync(path.join(REAL_DIR, POVERTY), 'utf8')) as Yaml;
  const tiers = parse(fs.readFileSync(path.join(REAL_DIR, TIERS), 'utf8')) as Record<string, unknown>;
  const strategy = parse(fs.readFileSync(path.join(REAL_DIR, STRATEGY), 'utf8')) as Strategy;
  edit?.(poverty, tiers, strategy);
  fs.writeFileSync(path.join(dir, POVERTY), stringify(poverty));
  fs.writeFileSync(path.join(dir, TIERS), stringify(tiers));
  fs.writeFileSync(path.join(dir, STRATEGY), stringify(strategy));
  files?.(dir);
  return () => loadDataFiles(dir);
}

function figures(poverty: Yaml, index: number, region: string): Record<string, unknown> {
  return (poverty.years[index] as Record<string, Record<string, unknown>>)[region] ?? {};
}

describe('the data files in content/data', () => {
  const data = loadDataFiles(REAL_DIR);

  it.each([
    [2026, { firstPerson: 15_960, eachAdditional: 5_680 }, { firstPerson: 19_950, eachAdditional: 7_100 }, { firstPerson: 18_360, eachAdditional: 6_530 }, '91 FR 1797', '2026-01-13'],
    [2025, { firstPerson: 15_650, eachAdditional: 5_500 }, { firstPerson: 19_550, eachAdditional: 6_880 }, { firstPerson: 17_990, eachAdditional: 6_330 }, '90 FR 5917', '2025-01-15'],
  ])('load the %i poverty guidelines with their source and effective date', (year, contiguous, alaska, hawaii, source, effective) => {
    const guidelines = data.povertyGuidelines.years.find((y) => y.year === year);
    expect(guidelines).toMatchObject({ contiguous, alaska, hawaii, source: expect.stringContaining(source), effective });
  });

  it('carry no "verify" notes: every figure was checked against the Federal Register (2025 and 2026)', () => {
    for (const y of data.povertyGuidelines.years) {
      expect([y.note, y.contiguous.note, y.alaska.note, y.hawaii.note].filter(Boolean)).toEqual([]);
    }
  });

  it('hold the typical assistance tiers with their source and year', () => {
    expect(data.assistanceTiers).toMatchObject({ freeUpTo: 200, discountUpTo: 400, year: 2025, reportedAverages: { freeUnder: 204, discountUnder: 322 } });
    expect(data.assistanceTiers.source).toMatch(/not a rule/);
  });

  it('hold the offer strategy: 40/60/80% (25/40/60% when assistance is likely), $10 rounding, 36 months, the CFPB\'s 2023 medical-card rate and the Federal Reserve\'s 2025 card rate', () => {
    expect(data.offerStrategy).toEqual({
      openingPercent: 40, targetPercent: 60, ceilingPercent: 80, withAssistanceLikely: { openingPercent: 25, targetPercent: 40, ceilingPercent: 60 }, roundToCents: 1000,
      maxMonths: 36, promoMonths: 12, medicalCardAprPercent: 27, generalCardAprPercent: 22.25,
      sources: {
        medicalCardAprPercent: { year: 2023, source: expect.stringContaining('CFPB') },
        generalCardAprPercent: { year: 2025, source: expect.stringContaining('Federal Reserve, G.19') },
      },
    });
  });

  it('say in the offer strategy that the percents are not a norm and the promotion length is an assumption', () => {
    const raw = fs.readFileSync(path.join(REAL_DIR, STRATEGY), 'utf8');
    expect(raw).toMatch(/NOT a norm and NOT a promise/);
    expect(raw).toMatch(/promoMonths[\s\S]*ASSUMPTION|ASSUMPTION[\s\S]*promoMonths/);
  });

  it('are exactly the files the loader knows', () => {
    expect(fs.readdirSync(REAL_DIR).filter((f) => !f.startsWith('.') && fs.statSync(path.join(REAL_DIR, f)).isFile()).sort()).toEqual(Object.values(DATA_FILE_NAMES).sort());
  });
});

describe('a broken data file stops startup, naming the file and the place to fix', () => {
  it.each<[string, Breakage, RegExp]>([
    ['a missing region', { edit: (p) => { delete p.years[0]?.hawaii; } }, /^poverty-guidelines\.yaml: years\.0\.hawaii: missing$/m],
    ['a negative figure', { edit: (p) => { figures(p, 0, 'contiguous').eachAdditional = -5680; } },
      /^poverty-guidelines\.yaml: years\.0\.contiguous\.eachAdditional: expected a positive whole number of dollars$/m],
    ['a figure written with a comma', { edit: (p) => { figures(p, 1, 'alaska').firstPerson = '19,550'; } },
      /^poverty-guidelines\.yaml: years\.1\.alaska\.firstPerson: expected a positive whole number of dollars$/m],
    ['a figure in cents', { edit: (p) => { figures(p, 0, 'alaska').firstPerson = 1_995_000; } },
      /^poverty-guidelines\.yaml: years\.0\.alaska\.firstPerson: expected at most/m],
    ['a misspelt key', { edit: (p) => { const f = figures(p, 0, 'contiguous'); f.eachAditional = f.eachAdditional; delete f.eachAdditional; } },
      /^poverty-guidelines\.yaml: years\.0\.contiguous: unknown key "eachAditional"/m],
    ['a duplicate year', { edit: (p) => { if (p.years[1]) p.years[1].year = 2026; } }, /^poverty-guidelines\.yaml: years\.1\.year: year 2026 is listed twice$/m],
    ['a year without a source', { edit: (p) => { delete p.years[1]?.source; } }, /^poverty-guidelines\.yaml: years\.1\.source: missing$/m],
    ['no years at all', { edit: (p) => { p.years = []; } }, /^poverty-guidelines\.yaml: years: expected at least one year$/m],
    ['an empty file', { files: (d) => fs.writeFileSync(path.join(d, POVERTY), '') }, /^poverty-guidelines\.yaml: \(top level\): /],
    ['invalid YAML', { files: (d) => fs.writeFileSync(path.join(d, POVERTY), 'years: [\n  - year: 2026') }, /^poverty-guidelines\.yaml: not valid YAML/],
    ['tiers the wrong way round', { edit: (_p, t) => { t.discountUpTo = 150; } }, /^assistance-tiers\.yaml: discountUpTo: must be above freeUpTo$/m],
    ['a tier that is not a whole percent', { edit: (_p, t) => { t.freeUpTo = '200%'; } }, /^assistance-tiers\.yaml: freeUpTo: expected a whole percent/m],
    ['offer percents out of order', { edit: (_p, _t, s) => { s.targetPercent = 30; } }, /^offer-strategy\.yaml: targetPercent: must be at least openingPercent$/m],
    ['a ceiling below the target when assistance is likely', { edit: (_p, _t, s) => { s.withAssistanceLikely.ceilingPercent = 30; } },
      /^offer-strategy\.yaml: withAssistanceLikely\.ceilingPercent: must be at least targetPercent$/m],
    ['a percent above 100', { edit: (_p, _t, s) => { s.ceilingPercent = 120; } }, /^offer-strategy\.yaml: ceilingPercent: expected a whole percent from 1 to 100$/m],
    ['a 0% opening', { edit: (_p, _t, s) => { s.openingPercent = 0; } }, /^offer-strategy\.yaml: openingPercent: expected a whole percent/m],
    ['a rate typed ten times too large (270 for 27%)', { edit: (_p, _t, s) => { s.medicalCardAprPercent = 270; } },
      /^offer-strategy\.yaml: medicalCardAprPercent: expected a yearly rate in percent from 0 to 60/m],
    ['a plan longer than 120 months', { edit: (_p, _t, s) => { s.maxMonths = 360; } },
      /^offer-strategy\.yaml: maxMonths: expected a whole number of months from 1 to 120$/m],
    ['a card rate without a source', { edit: (_p, _t, s) => { delete s.sources.generalCardAprPercent?.source; } }, /^offer-strategy\.yaml: sources\.generalCardAprPercent\.source: missing$/m],
    ['a misspelt strategy key', { edit: (_p, _t, s) => { s.roundTo = 1000; delete s.roundToCents; } },
      /^offer-strategy\.yaml: \(top level\): unknown key "roundTo"/m],
    ['an unknown file (a typo in a name)', { files: (d) => fs.writeFileSync(path.join(d, 'poverty-guideline.yaml'), 'years: []') },
      /^poverty-guideline\.yaml: unknown data file/],
    ['a missing file (hidden files are ignored)', { files: (d) => { fs.rmSync(path.join(d, TIERS)); fs.writeFileSync(path.join(d, '.gitkeep'), ''); } },
      /^assistance-tiers\.yaml: missing from /],
  ])('%s', (_label, breakage, message) => {
    const load = loadBrokenCopy(breakage);
    expect(load).toThrow(ContentError);
    expect(load).toThrow(message);
  });

  it('a missing folder', () => {
    expect(() => loadDataFiles(path.join(os.tmpdir(), 'bc-no-such-data-folder'))).toThrow(/^Data folder not found/);
  });
});
