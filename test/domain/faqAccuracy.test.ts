import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { readAtMenu } from '../../src/domain/faqRouting';
import { MENU_VALUES } from '../../dialogs/menu/menuChoices';
import { stepRequests } from '../../dialogs/ask/stepRequests';
import { realContent, realFaq } from '../helpers/content';

/**
 * How well a message typed at the menu is understood, on two sets of phrasings written before the matching was
 * tuned, every fifth one held out. Tuning used the training splits only; the held-out splits only measure.
 *
 * Set 1 (test/fixtures/faq-phrasings.yaml) was written for issue 18; its held-out split had been seen by the
 * tuning before set 2 existed. Set 2 (faq-phrasings-2.yaml, 170 phrasings) was written and committed before the
 * retrieval was retuned (stems, vocabulary, field boosts, an answer rule tuned for precision, step requests in
 * natural words). "Confident wrong" is an answer with the wrong entry, or a step opened, when something else was
 * meant: worse than the closest questions, so it is capped.
 *
 * Measured (issue 18), baseline → final:
 *   set 1 training 124/133 (93.2%, 3 confident wrong) → 103/133 (77.4%, 0)
 *   set 1 held-out  25/33  (75.8%, 4)                 → 22/33 (66.7%, 0)
 *   set 2 training  69/136 (50.7%, 35)                → 68/136 (50.0%, 3)
 *   set 2 held-out  24/34  (70.6%, 4)                 → 19/34 (55.9%, 2), measured once, at the end
 * Fewer right answers and fewer wrong ones (held-out 8 → 2): of the held-out misses, set 1's offer the right entry
 * among the closest questions 8 times in 11, set 2's 5 times in 15. The thresholds sit a little under the final figures.
 */
const SETS = [
  { file: 'faq-phrasings.yaml', trainingAtLeast: 0.74, heldOutAtLeast: 0.63, confidentWrongAtMost: { training: 1, heldOut: 1 } },
  { file: 'faq-phrasings-2.yaml', trainingAtLeast: 0.47, heldOutAtLeast: 0.52, confidentWrongAtMost: { training: 4, heldOut: 3 } },
] as const;

const fixtureSchema = z.strictObject({
  phrasings: z.array(z.strictObject({ text: z.string().min(1), expect: z.string().min(1), heldOut: z.boolean().optional() })),
});
type Phrasing = z.infer<typeof fixtureSchema>['phrasings'][number];

function load(file: string): Phrasing[] {
  return fixtureSchema.parse(parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', file), 'utf8'))).phrasings;
}

const content = realContent();
const faq = realFaq();
const requests = stepRequests(content);

/** What the bot does with the message at the menu, in the fixture's terms, and whether it acted on it (answered or opened a step). */
function understood(text: string): { got: string; acted: boolean } {
  const reading = readAtMenu(text, faq, requests);
  switch (reading.kind) {
    case 'menu':
      return { got: `menu:${reading.value}`, acted: true };
    case 'answer':
      return { got: reading.entry.id, acted: true };
    case 'suggestions':
      return { got: `suggestions (${reading.entries.map((e) => e.id).join(', ')})`, acted: false };
    case 'none':
      return { got: 'no reviewed answer', acted: false };
    case 'prompt':
      return { got: 'left to the menu buttons', acted: false };
  }
}

/** Out of scope is right when the coach says so (beyondScope) or says it has no reviewed answer; never suggestions. */
function isRight(got: string, expected: string): boolean {
  return expected === 'outOfScope' ? got === 'beyondScope' || got === 'no reviewed answer' : got === expected;
}

function measure(phrasings: readonly Phrasing[], heldOut: boolean) {
  const items = phrasings.filter((p) => (p.heldOut ?? false) === heldOut);
  const results = items.map((p) => ({ ...p, ...understood(p.text) }));
  const right = results.filter((r) => isRight(r.got, r.expect)).length;
  const wrong = results.filter((r) => !isRight(r.got, r.expect));
  const confidentWrong = wrong.filter((r) => r.acted).map((r) => `${r.text} → ${r.got} (expected ${r.expect})`);
  const misses = wrong.filter((r) => !r.acted).map((r) => `${r.text} → ${r.got} (expected ${r.expect})`);
  const rate = right / items.length;
  return { summary: `${right}/${items.length} (${(rate * 100).toFixed(1)}%), ${confidentWrong.length} confident wrong`, rate, confidentWrong, misses };
}

/** Nothing when the split meets its bar; else the figures and every miss, confident wrong ones first. */
function failure(result: ReturnType<typeof measure>, atLeast: number, confidentWrongAtMost: number): string[] {
  if (result.rate >= atLeast && result.confidentWrong.length <= confidentWrongAtMost) return [];
  return [result.summary, ...result.confidentWrong.map((m) => `confident wrong: ${m}`), ...result.misses.map((m) => `missed: ${m}`)];
}

describe.each(SETS)('questions typed at the menu are understood as people ask them (test/fixtures/$file)', ({ file, trainingAtLeast, heldOutAtLeast, confidentWrongAtMost }) => {
  const phrasings = load(file);

  it('the set has at least 120 phrasings, every fifth held out, each labelled with a real entry, outOfScope or a menu choice', () => {
    expect(phrasings.length).toBeGreaterThanOrEqual(120);
    expect(phrasings.filter((p) => p.heldOut === true).length).toBe(Math.floor(phrasings.length / 5));
    const menuLabels = MENU_VALUES.map((v) => `menu:${v}`);
    const unknown = phrasings.filter((p) => p.expect !== 'outOfScope' && !menuLabels.includes(p.expect) && !faq.get(p.expect)).map((p) => `${p.text} → ${p.expect}`);
    expect(unknown).toEqual([]);
    expect(new Set(phrasings.map((p) => p.text.toLowerCase())).size).toBe(phrasings.length);
  });

  it(`understands at least ${trainingAtLeast * 100}% of the training phrasings, with at most ${confidentWrongAtMost.training} confident wrong`, () => {
    const result = measure(phrasings, false);
    expect(failure(result, trainingAtLeast, confidentWrongAtMost.training)).toEqual([]);
  });

  it(`understands at least ${heldOutAtLeast * 100}% of the held-out phrasings, which no tuning looked at, with at most ${confidentWrongAtMost.heldOut} confident wrong`, () => {
    const result = measure(phrasings, true);
    expect(failure(result, heldOutAtLeast, confidentWrongAtMost.heldOut)).toEqual([]);
  });

  it('never starts a step for a sentence that merely contains its words', () => {
    const wrongStep = phrasings
      .filter((p) => !p.expect.startsWith('menu:'))
      .map((p) => ({ text: p.text, got: understood(p.text).got }))
      .filter((r) => r.got.startsWith('menu:'))
      .map((r) => `${r.text} → ${r.got}`);
    expect(wrongStep).toEqual([]);
  });
});

it('set 2 covers every FAQ entry at least twice (beyondScope through its outOfScope phrasings)', () => {
  const labels = load('faq-phrasings-2.yaml').map((p) => (p.expect === 'outOfScope' ? 'beyondScope' : p.expect));
  const thin = faq.entries.filter((e) => labels.filter((l) => l === e.id).length < 2).map((e) => e.id);
  expect(thin).toEqual([]);
});
