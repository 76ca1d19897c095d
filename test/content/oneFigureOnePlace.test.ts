import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { ContentError, ContentStore } from '../../src/content/contentStore';
import { dataFigures } from '../../src/content/dataFigures';
import { DATA_FILE_NAMES } from '../../src/content/dataFiles';
import { loadFaq } from '../../src/content/faqFiles';
import { formatCents } from '../../src/domain/money';
import { guidelineCents, latestYear, REGIONS } from '../../src/domain/povertyGuidelines';
import { realData, realFigures } from '../helpers/content';
import { contentFiles } from '../helpers/readability';

/**
 * One figure, one place (issue 20, item 4): a number that lives in content/data is stated in user-facing text only
 * through a `{{data.<name>}}` placeholder, so updating the data file updates every sentence that states it.
 */

const CONTENT = path.join(__dirname, '..', '..', 'content', 'en');
const DATA = path.join(__dirname, '..', '..', 'content', 'data');
const data = realData();

/** A figure as people read it, with where it lives, and the pattern that finds it hard-coded in a text. */
interface HeldFigure {
  reads: string;
  where: string;
  pattern: RegExp;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const dollars = (cents: number, where: string): HeldFigure => {
  const reads = formatCents(cents);
  return { reads, where, pattern: new RegExp(`${escape(reads)}(?![\\d,]|\\.\\d)`) };
};
const percent = (value: number, where: string): HeldFigure => {
  const reads = `${value}%`;
  return { reads, where, pattern: new RegExp(`(?<![\\d.,])${escape(reads)}`) };
};
const months = (value: number, where: string): HeldFigure => ({ reads: `${value} months`, where, pattern: new RegExp(`(?<![\\d.,])${value}[- ]months?\\b`, 'i') });

/** Every figure the data files hold (and the household guidelines and tier amounts made from them), as users read them. */
function heldFigures(): HeldFigure[] {
  const out: HeldFigure[] = [];
  const poverty = DATA_FILE_NAMES.povertyGuidelines;
  for (const year of data.povertyGuidelines.years) {
    for (const region of REGIONS) {
      out.push(dollars(year[region].firstPerson * 100, `${poverty} ${year.year} ${region}.firstPerson`));
      out.push(dollars(year[region].eachAdditional * 100, `${poverty} ${year.year} ${region}.eachAdditional`));
      for (let size = 2; size <= 8; size++) out.push(dollars(guidelineCents(year, size, region), `${poverty} ${year.year} ${region}, household of ${size}`));
    }
  }
  const tiers = data.assistanceTiers;
  const tiersFile = DATA_FILE_NAMES.assistanceTiers;
  const levels: Array<[number, string]> = [
    [tiers.freeUpTo, 'freeUpTo'],
    [tiers.discountUpTo, 'discountUpTo'],
    ...(tiers.reportedAverages ? ([[tiers.reportedAverages.freeUnder, 'reportedAverages.freeUnder'], [tiers.reportedAverages.discountUnder, 'reportedAverages.discountUnder']] as Array<[number, string]>) : []),
  ];
  for (const [value, key] of levels) {
    out.push(percent(value, `${tiersFile} ${key}`));
    for (const year of data.povertyGuidelines.years) out.push(dollars((guidelineCents(year, 4, 'contiguous') * value) / 100, `${key} of the ${year.year} guideline for a family of 4`));
  }
  const offer = data.offerStrategy;
  const offerFile = DATA_FILE_NAMES.offerStrategy;
  for (const [value, key] of [
    [offer.openingPercent, 'openingPercent'],
    [offer.targetPercent, 'targetPercent'],
    [offer.ceilingPercent, 'ceilingPercent'],
    [offer.withAssistanceLikely.openingPercent, 'withAssistanceLikely.openingPercent'],
    [offer.withAssistanceLikely.targetPercent, 'withAssistanceLikely.targetPercent'],
    [offer.withAssistanceLikely.ceilingPercent, 'withAssistanceLikely.ceilingPercent'],
    [offer.medicalCardAprPercent, 'medicalCardAprPercent'],
    [offer.generalCardAprPercent, 'generalCardAprPercent'],
  ] as Array<[number, string]>) {
    out.push(percent(value, `${offerFile} ${key}`));
  }
  out.push(months(offer.promoMonths, `${offerFile} promoMonths`), months(offer.maxMonths, `${offerFile} maxMonths`));
  const fair = data.fairPriceMultiples;
  const fairFile = DATA_FILE_NAMES.fairPriceMultiples;
  out.push(percent(fair.range.lowPercent, `${fairFile} range.lowPercent`), percent(fair.range.highPercent, `${fairFile} range.highPercent`));
  out.push(percent(fair.askPercent, `${fairFile} askPercent`), percent(fair.employerPlans.percent, `${fairFile} employerPlans.percent`));
  return out;
}

/**
 * Numbers in the data files that are not figures a user reads: years (they date a source), and the rounding step
 * of an offer (it shapes amounts, it is never stated). Every other number must be in heldFigures().
 */
const NOT_STATED = [/(^|\.)year$/, /^roundToCents$/];
const HELD = [
  /^years\.\d+\.(contiguous|alaska|hawaii)\.(firstPerson|eachAdditional)$/,
  /^(freeUpTo|discountUpTo)$/,
  /^reportedAverages\.(freeUnder|discountUnder)$/,
  /^(withAssistanceLikely\.)?(opening|target|ceiling)Percent$/,
  /^(medicalCardAprPercent|generalCardAprPercent|promoMonths|maxMonths)$/,
  /^(range\.lowPercent|range\.highPercent|askPercent|employerPlans\.percent)$/,
];

function numbersIn(node: unknown, at: string[] = []): string[] {
  if (typeof node === 'number') return [at.join('.')];
  if (Array.isArray(node)) return node.flatMap((x, i) => numbersIn(x, [...at, String(i)]));
  if (node && typeof node === 'object') return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => numbersIn(v, [...at, k]));
  return [];
}

/** Keys whose texts are not the coach stating anything: sources and dates, ids, and the phrases people type or ask. */
const NOT_STATEMENTS = new Set(['source', 'year', 'reviewed', 'id', 'phrasings', 'keywords', 'terms', 'tags', 'kind', 'scenario', 'patterns']);

/** Each user-facing text of a content file with where it is (`faq/assistance.yaml: povertyGuidelines.answer`). */
function statements(file: string): Array<{ where: string; text: string }> {
  const isFaq = file.startsWith(`faq${path.sep}`) || file.startsWith('faq/');
  const walk = (node: unknown, at: string[]): Array<{ where: string; text: string }> => {
    if (typeof node === 'string') return [{ where: `${file}: ${at.join('.')}`, text: node }];
    if (Array.isArray(node)) return node.flatMap((x, i) => walk(x, [...at, isFaq && x && typeof x === 'object' && 'id' in x ? String((x as { id: unknown }).id) : String(i)]));
    if (node && typeof node === 'object') {
      // An FAQ question is how people ask it ("What does 200% of the poverty guideline mean?"), tuned for retrieval: not a statement.
      return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => (NOT_STATEMENTS.has(k) || (isFaq && k === 'question') ? [] : walk(v, [...at, k])));
    }
    return [];
  };
  return walk(parse(fs.readFileSync(path.join(CONTENT, file), 'utf8')), []);
}

describe('one figure, one place', () => {
  it('knows every number the data files hold (a new one must be listed as a figure or as a setting)', () => {
    const unlisted = Object.values(DATA_FILE_NAMES).flatMap((file) =>
      numbersIn(parse(fs.readFileSync(path.join(DATA, file), 'utf8')))
        .filter((at) => !NOT_STATED.some((re) => re.test(at)) && !HELD.some((re) => re.test(at)))
        .map((at) => `${file}: ${at}`),
    );
    expect(unlisted).toEqual([]);
    const reads = heldFigures().map((f) => f.reads);
    expect(reads).toEqual(expect.arrayContaining(['$15,960', '$33,000', '$32,150', '$66,000', '200%', '400%', '27%', '22.25%', '12 months']));
  });

  it('no user-facing text file hard-codes a figure a data file holds', () => {
    const figures = heldFigures();
    const found = contentFiles(CONTENT).flatMap((file) =>
      statements(file).flatMap(({ where, text }) => figures.filter((f) => f.pattern.test(text)).map((f) => `${where} states ${f.reads} (${f.where}): use its {{data.…}} placeholder`)),
    );
    expect(found).toEqual([]);
  });

  it('fills {{data.…}} placeholders with the figures as people read them', () => {
    const figures = realFigures();
    const newest = latestYear(data.povertyGuidelines);
    expect(figures.guidelineFamilyOf4).toBe(formatCents(guidelineCents(newest, 4, 'contiguous')));
    expect(figures.freeCareUpTo).toBe(`${data.assistanceTiers.freeUpTo}%`);
    expect(figures.freeCareFamilyOf4).toBe(formatCents((guidelineCents(newest, 4, 'contiguous') * data.assistanceTiers.freeUpTo) / 100));
    expect(figures.medicalCardApr).toBe(`${data.offerStrategy.medicalCardAprPercent}%`);
    expect(figures.generalCardApr).toBe(`${data.offerStrategy.generalCardAprPercent}%`);
    expect(figures.guidelineYear).toBe(String(newest.year));
  });

  it('the FAQ answers state the data files\' figures, filled in', () => {
    const faq = loadFaq(path.join(CONTENT, 'faq'), realFigures());
    const figures = realFigures();
    const answer = (id: string) => faq.find((e) => e.id === id)?.answer ?? '';
    expect(answer('povertyGuidelines')).toContain(figures.guidelineFamilyOf4);
    expect(answer('willIQualify')).toContain(figures.freeCareUpTo);
    expect(answer('medicalCreditCard')).toContain(figures.medicalCardApr);
    expect(faq.filter((e) => /\{\{/.test(e.answer) || /\{\{/.test(e.source)).map((e) => e.id)).toEqual([]);
  });

  describe('a changed data file changes the text, with no code change', () => {
    const dirs: string[] = [];
    afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
    const tempDir = (files: Record<string, string>) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bc-figures-'));
      dirs.push(dir);
      for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
      return dir;
    };
    const nextYear = dataFigures({ ...data, offerStrategy: { ...data.offerStrategy, medicalCardAprPercent: 29.5 }, assistanceTiers: { ...data.assistanceTiers, freeUpTo: 250 } });

    it('in a content file', () => {
      const dir = tempDir({ 'offer.yaml': 'card: Typical rates are near {{data.medicalCardApr}}, on {{balance}}.' });
      expect(ContentStore.load(dir, nextYear).text('offer.card', { balance: '$900' })).toBe('Typical rates are near 29.5%, on $900.');
      expect(ContentStore.load(dir, nextYear).placeholders('offer.card')).toEqual(['balance']);
    });

    it('in an FAQ answer', () => {
      const entry = { id: 'free', question: 'Is care free?', phrasings: ['is it free', 'free care'], answer: 'Often at or under {{data.freeCareUpTo}} of the guideline. Each policy decides.', source: 'Typical policies ({{data.tiersYear}})', reviewed: '2026-12' };
      const dir = tempDir({ 'a.yaml': stringify([entry]) });
      expect(loadFaq(dir, nextYear)[0]).toMatchObject({ answer: 'Often at or under 250% of the guideline. Each policy decides.', source: `Typical policies (${data.assistanceTiers.year})` });
    });

    it('and a name that is not a figure stops startup naming the file and key', () => {
      expect(() => ContentStore.load(tempDir({ 'offer.yaml': 'card: Near {{data.medicalCardRate}}.' }), nextYear)).toThrow(ContentError);
      expect(() => ContentStore.load(tempDir({ 'offer.yaml': 'card: Near {{data.medicalCardRate}}.' }), nextYear)).toThrow(/^offer\.yaml: offer\.card: \{\{data\.medicalCardRate\}\} is not a figure/);
      const entry = { id: 'typo', question: 'A typo?', phrasings: ['typo one', 'typo two'], answer: 'Near {{data.medicalCardRate}}. That is all.', source: 'Test (2026)', reviewed: '2026-12' };
      expect(() => loadFaq(tempDir({ 'a.yaml': stringify([entry]) }), nextYear)).toThrow(/^faq\/a\.yaml: typo\.answer: \{\{data\.medicalCardRate\}\} is not a figure/);
    });
  });
});
