import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { readAtMenu } from '../../src/domain/faqRouting';
import { MENU_VALUES, menuRequests } from '../../dialogs/menu/menuChoices';
import { realContent, realFaq } from '../helpers/content';

/**
 * How well a message typed at the menu is understood, on test/fixtures/faq-phrasings.yaml: phrasings written before
 * the matching was tuned, every fifth one held out. Tuning used the training split only; the held-out split only
 * measures. Measured when this test was written (issue 18): before, training 33.1% and held-out 48.5%; after,
 * training 93.2% (124/133) and held-out 72.7% (24/33), measured once, clean. Its misses then showed one confident
 * wrong answer ("whats the weather today" → "pay today"); the fix (one stray word is never an answer) also turned
 * that item right, so held-out reads 75.8% (25/33) since, one item less clean. The thresholds sit under the clean figure.
 */
const TRAINING_AT_LEAST = 0.9;
const HELD_OUT_AT_LEAST = 0.66;

const fixtureSchema = z.strictObject({
  phrasings: z.array(z.strictObject({ text: z.string().min(1), expect: z.string().min(1), heldOut: z.boolean().optional() })),
});
const { phrasings } = fixtureSchema.parse(parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'faq-phrasings.yaml'), 'utf8')));

const content = realContent();
const faq = realFaq();
const requests = menuRequests(content);

/** What the bot does with the message at the menu, in the fixture's terms. */
function understood(text: string): string {
  const reading = readAtMenu(text, faq, requests);
  switch (reading.kind) {
    case 'menu':
      return `menu:${reading.value}`;
    case 'answer':
      return reading.entry.id;
    case 'suggestions':
      return `suggestions (${reading.entries.map((e) => e.id).join(', ')})`;
    case 'none':
      return 'no reviewed answer';
    case 'prompt':
      return 'left to the menu buttons';
  }
}

/** Out of scope is right when the coach says so (beyondScope) or says it has no reviewed answer; never suggestions. */
function isRight(got: string, expected: string): boolean {
  return expected === 'outOfScope' ? got === 'beyondScope' || got === 'no reviewed answer' : got === expected;
}

function accuracy(heldOut: boolean) {
  const items = phrasings.filter((p) => (p.heldOut ?? false) === heldOut);
  const results = items.map((p) => ({ ...p, got: understood(p.text) }));
  const right = results.filter((r) => isRight(r.got, r.expect)).length;
  const misses = results.filter((r) => !isRight(r.got, r.expect)).map((r) => `${r.text} → ${r.got} (expected ${r.expect})`);
  return { total: items.length, right, rate: right / items.length, misses };
}

describe('questions typed at the menu are understood as people ask them (test/fixtures/faq-phrasings.yaml)', () => {
  it('the set has at least 120 phrasings, a fifth held out, each labelled with a real entry, outOfScope or a menu choice', () => {
    expect(phrasings.length).toBeGreaterThanOrEqual(120);
    const heldOut = phrasings.filter((p) => p.heldOut === true).length;
    expect(heldOut).toBe(Math.floor(phrasings.length / 5));
    const menuLabels = MENU_VALUES.map((v) => `menu:${v}`);
    const unknown = phrasings.filter((p) => p.expect !== 'outOfScope' && !menuLabels.includes(p.expect) && !faq.get(p.expect)).map((p) => `${p.text} → ${p.expect}`);
    expect(unknown).toEqual([]);
    expect(new Set(phrasings.map((p) => p.text.toLowerCase())).size).toBe(phrasings.length);
  });

  it(`understands at least ${TRAINING_AT_LEAST * 100}% of the training phrasings`, () => {
    const { total, right, rate, misses } = accuracy(false);
    expect({ summary: `training: ${right}/${total} (${(rate * 100).toFixed(1)}%)`, ok: rate >= TRAINING_AT_LEAST, misses }).toMatchObject({ ok: true });
  });

  it(`understands at least ${HELD_OUT_AT_LEAST * 100}% of the held-out phrasings, which no tuning looked at`, () => {
    const { total, right, rate, misses } = accuracy(true);
    expect({ summary: `held-out: ${right}/${total} (${(rate * 100).toFixed(1)}%)`, ok: rate >= HELD_OUT_AT_LEAST, misses }).toMatchObject({ ok: true });
  });

  it('never starts a step for a sentence that merely contains its words', () => {
    const wrongStep = phrasings
      .filter((p) => !p.expect.startsWith('menu:'))
      .map((p) => ({ text: p.text, got: understood(p.text) }))
      .filter((r) => r.got.startsWith('menu:'))
      .map((r) => `${r.text} → ${r.got}`);
    expect(wrongStep).toEqual([]);
  });
});
