import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { ContentError } from '../../src/content/contentStore';
import { loadFaq } from '../../src/content/faqFiles';
import type { FaqEntry } from '../../src/domain/faq';
import { realFigures } from '../helpers/content';

const REAL_DIR = path.join(__dirname, '..', '..', 'content', 'en', 'faq');
/** The entries as the bot shows them: `{{data.…}}` figures filled from content/data. */
const entries = loadFaq(REAL_DIR, realFigures());
/** The entries as written: a figure from content/data appears only as its placeholder (test/content/oneFigureOnePlace.test.ts). */
const written = loadFaq(REAL_DIR);

/** Terms a step offers a "what's that?" button for: each must be explained by exactly one entry. */
const REQUIRED_TERMS = ['eob', 'allowed amount', 'deductible', 'copay', 'coinsurance', 'good faith estimate', 'itemized bill', 'nonprofit hospital', 'financial assistance', 'prompt-pay discount', 'deferred interest'];

/**
 * Figures the answers may write out, copied from the reviewed facts (each with its source in the entry). A new figure
 * needs its fact checked first, then it is added here. Figures that live in content/data (the poverty guideline, the
 * assistance levels, the card rates) are never written out: answers state them through `{{data.…}}` placeholders.
 */
const KNOWN_DOLLARS = ['$400', '$25', '$500', '$1 billion', '$23 billion'];
const KNOWN_DAYS = ['240 days', '120 days', '120 calendar days', '3 business days', '30 days'];
const KNOWN_PHONES = ['1-800-985-3059'];
/** 20% is only an example of how coinsurance works; the others are sourced figures. */
const KNOWN_PERCENTS = ['65%', '23%', '5%', '30%', '20%'];

const dollarsIn = (text: string) => text.match(/\$\d[\d,.]*(?:\s+(?:billion|million))?/g) ?? [];
const daysIn = (text: string) => text.match(/\b\d+\s+(?:calendar\s+|business\s+)?days?\b/g) ?? [];
const phonesIn = (text: string) => text.match(/\b1?-?\(?\d{3}\)?[-. ]\d{3}[-. ]\d{4}\b/g) ?? [];
const percentsIn = (text: string) => text.match(/\d+(?:[–-]\d+)?%/g) ?? [];
const LAW = /No Surprises Act|501\(r\)|HIPAA|\bCFR\b|\bFR\b|\bAct\b|\blaw\b|\brules?\b|federal|extraordinary collection/i;
const HAS_YEAR = /\b(19|20)\d{2}\b/;

function fileEntries(): Array<{ file: string; entries: Array<Record<string, unknown>> }> {
  return fs
    .readdirSync(REAL_DIR)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((file) => ({ file, entries: parse(fs.readFileSync(path.join(REAL_DIR, file), 'utf8')) as Array<Record<string, unknown>> }));
}

describe('the real FAQ folder', () => {
  it('loads with at least 45 entries, spread over several topic files', () => {
    expect(entries.length).toBeGreaterThanOrEqual(45);
    expect(fileEntries().length).toBeGreaterThanOrEqual(5);
  });

  it('has unique ids', () => {
    const ids = entries.map((e) => e.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('gives every entry 4–8 phrasings, a short question and 2–5 sentences of answer', () => {
    const problems = entries.flatMap((e) => {
      const sentences = e.answer
        .replace(/\*\*/g, '')
        .replace(/\b(e\.g|i\.e|M)\./g, '$1')
        .split(/(?<=[.!?])["”)]?\s+(?=[A-Z"“(])/).length;
      return [
        ...(e.phrasings.length < 4 || e.phrasings.length > 8 ? [`${e.id}: ${e.phrasings.length} phrasings`] : []),
        ...(e.question.length > 90 ? [`${e.id}: question too long`] : []),
        ...(sentences < 2 || sentences > 5 ? [`${e.id}: ${sentences} sentences`] : []),
        ...(!['2026-11', '2026-12'].includes(e.reviewed) ? [`${e.id}: reviewed ${e.reviewed}`] : []),
      ];
    });
    expect(problems).toEqual([]);
  });

  it('names a source with a year for every answer that states a dollar figure, days, a phone number or a law', () => {
    const stating = entries.filter((e) => dollarsIn(e.answer).length || daysIn(e.answer).length || phonesIn(e.answer).length || LAW.test(e.answer));
    expect(stating.length).toBeGreaterThan(15);
    expect(stating.filter((e) => !e.source.trim() || !HAS_YEAR.test(e.source)).map((e) => e.id)).toEqual([]);
  });

  it('gives every entry a source with a year', () => {
    expect(entries.filter((e) => !HAS_YEAR.test(e.source)).map((e) => `${e.id}: ${e.source}`)).toEqual([]);
  });

  it('writes out only figures from the reviewed facts', () => {
    const unknown = written.flatMap((e) => [
      ...dollarsIn(e.answer).filter((x) => !KNOWN_DOLLARS.includes(x)),
      ...daysIn(e.answer).filter((x) => !KNOWN_DAYS.includes(x)),
      ...phonesIn(e.answer).filter((x) => !KNOWN_PHONES.includes(x)),
      ...percentsIn(e.answer).filter((x) => !KNOWN_PERCENTS.includes(x)),
    ].map((x) => `${e.id}: ${x}`));
    expect(unknown).toEqual([]);
  });

  it('cites the rule behind each deadline and phone number', () => {
    const mismatched = entries.flatMap((e) => [
      ...(/\b(240|120) days\b/.test(e.answer) && !/501\(r\)/.test(e.source) ? [`${e.id}: 501(r) days without IRS 501(r)`] : []),
      ...(/120 calendar days|\$25\b|\$400\b/.test(e.answer) && !/No Surprises/.test(e.source) ? [`${e.id}: dispute figures without the No Surprises Act`] : []),
      ...(/1-800-985-3059/.test(e.answer) && !/CMS/.test(e.source) ? [`${e.id}: help desk without CMS`] : []),
      ...(/\$1 billion|deferred interest can add|27%/.test(e.answer) && !/CFPB/.test(e.source) ? [`${e.id}: CFPB figures without CFPB`] : []),
    ]);
    expect(mismatched).toEqual([]);
  });

  it('promises no outcome and never says the vacated CFPB credit-report rule is in force', () => {
    expect(entries.filter((e) => /\bguarantee(?!d)|\bdefinitely\b|\b100%|\bwill (?:be )?(?:erased|forgiven|lowered|removed)\b/i.test(e.answer)).map((e) => e.id)).toEqual([]);
    const aboutRule = entries.filter((e) => /CFPB/.test(e.answer) && /rule/i.test(e.answer) && /credit report/i.test(e.answer));
    expect(aboutRule.length).toBeGreaterThan(0);
    expect(aboutRule.filter((e) => !/vacated/.test(e.answer) || !/not in force/.test(e.answer)).map((e) => e.id)).toEqual([]);
  });

  it('ships no CPT code or descriptor', () => {
    const texts = entries.flatMap((e) => [e.question, e.answer, ...e.phrasings, ...(e.terms ?? [])]);
    expect(texts.filter((t) => /\b\d{4}[0-9FTU]\b/.test(t))).toEqual([]);
  });

  it('explains each required term in exactly one entry, with lowercase terms', () => {
    const owners = (term: string) => entries.filter((e) => (e.terms ?? []).includes(term)).map((e) => e.id);
    expect(Object.fromEntries(REQUIRED_TERMS.map((t) => [t, owners(t).length]))).toEqual(Object.fromEntries(REQUIRED_TERMS.map((t) => [t, 1])));
    const allTerms = entries.flatMap((e) => e.terms ?? []);
    expect(allTerms.filter((t) => t !== t.toLowerCase())).toEqual([]);
    expect(allTerms.filter((t, i) => allTerms.indexOf(t) !== i)).toEqual([]);
  });
});

describe('loadFaq on a broken folder', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

  const valid = (id: string): FaqEntry => ({
    id,
    question: 'What is a test entry?',
    phrasings: ['test entry', 'what is this test'],
    answer: 'A test entry, written only for this test.',
    source: 'Test source (2026)',
    reviewed: '2026-11',
  });

  /** A temp folder with these files (name → YAML text), loaded. */
  function load(files: Record<string, string>): () => FaqEntry[] {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bc-faq-'));
    dirs.push(dir);
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
    return () => loadFaq(dir);
  }

  it('loads a valid folder', () => {
    expect(load({ 'a.yaml': stringify([valid('first'), valid('second')]) })().map((e) => e.id)).toEqual(['first', 'second']);
  });

  it('names the file, the entry and the field when an answer is missing', () => {
    const { answer: _answer, ...noAnswer } = valid('noAnswer');
    const run = load({ 'good.yaml': stringify([valid('fine')]), 'broken.yaml': stringify([valid('okay'), noAnswer]) });
    expect(run).toThrow(ContentError);
    // The loader names the entry by its position in the file (the second entry: index 1) and the field.
    expect(run).toThrow(/faq\/broken\.yaml: 1\.answer/);
  });

  it('names the file and the id when an id is used twice, also across files', () => {
    expect(load({ 'a.yaml': stringify([valid('twice'), valid('twice')]) })).toThrow(/faq\/a\.yaml: twice: the id is used twice/);
    expect(load({ 'a.yaml': stringify([valid('twice')]), 'b.yaml': stringify([valid('twice')]) })).toThrow(/faq\/b\.yaml: twice: the id is used twice/);
  });

  it('names the file when the YAML is invalid', () => {
    const run = load({ 'bad.yaml': '- id: broken\n  question: "What is [unclosed?\n  answer: [x\n' });
    expect(run).toThrow(ContentError);
    expect(run).toThrow(/faq\/bad\.yaml: not valid YAML/);
  });

  it('names the file, entry and field for other broken fields', () => {
    expect(load({ 'a.yaml': stringify([{ ...valid('badDate'), reviewed: 'November 2026' }]) })).toThrow(/faq\/a\.yaml: 0\.reviewed/);
    expect(load({ 'a.yaml': stringify([{ ...valid('extra'), note: 'not a field' }]) })).toThrow(/faq\/a\.yaml: 0/);
    expect(load({ 'a.yaml': stringify({ id: 'notAList' }) })).toThrow(/faq\/a\.yaml: \(top level\)/);
  });

  it('refuses a missing or empty folder', () => {
    expect(() => loadFaq(path.join(os.tmpdir(), 'bc-faq-does-not-exist'))).toThrow(/FAQ folder not found/);
    expect(load({ 'notes.txt': 'not yaml' })).toThrow(/No FAQ entries/);
  });
});
