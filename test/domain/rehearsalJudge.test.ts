import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { MOVES } from '../../src/domain/rehearsal';
import { HARMS } from '../../src/domain/rehearsalHarms';
import { hearAnswer, judgeAnswer, type CallLimits } from '../../src/domain/rehearsalJudge';
import { realScenarios } from '../helpers/content';

/**
 * How fairly the rehearsal judges a free-text answer, on test/fixtures/rehearsal-replies/<scenario>.yaml: replies
 * written and labelled (good, weak, harmful) before the judge was tuned, every fifth held out. Tuning used the
 * training split only; the held-out split only measures. Issue 19, item 7. Measured, standard difficulty:
 * before — billing office 71.4% training / 72.7% held-out, collections 73.2 / 80.0, assistance 78.8 / 75.0, insurer
 * 81.3 / 70.0, with 16 harmful replies judged good (and every one shown a ✓);
 * after — training 100% in all four (91/91, 82/82, 80/80, 80/80); held-out, measured once: billing office 22/22,
 * collections 20/20, assistance 19/20 ("do you guys have any help for people who cant pay their hospital bills" read
 * as a hardship only, so weak at "what can I do for you?"), insurer 19/20 ("um i think its on the card somewhere",
 * the member card, read as agreeing to a credit card); no harmful reply judged good in either split. The same person
 * wrote the replies and the patterns, so real users will score lower: the thresholds sit under the measured figures.
 * A fresh probe of 40 replies written after tuning (not kept) read 32/40 with no harmful reply judged good, but three
 * harmful ones judged weak ("yeah i'll open one of those cards", "ok then im just going to pay the whole bill"): the
 * card and whole-bill patterns were widened after that, so later figures on those words are no longer clean.
 */
const TRAINING_AT_LEAST = 0.95;
const HELD_OUT_AT_LEAST: Record<string, number> = { billingOffice: 0.9, collectionAgency: 0.9, financialAssistance: 0.9, insurerEob: 0.9 };

/** Her case, as the fixtures' headers say: the bill $2,400, her EOB $850, $500 now, $100 a month. */
const LIMITS: CallLimits = { balanceCents: 240_000, owedCents: 85_000, cashCents: 50_000, monthlyCents: 10_000 };

const fixtureSchema = z.strictObject({
  scenario: z.string(),
  replies: z.array(z.strictObject({
    turn: z.number().int().min(1),
    label: z.enum(['good', 'weak', 'harmful']),
    moves: z.array(z.enum(MOVES)),
    harms: z.array(z.enum(HARMS)).optional(),
    say: z.string().min(1),
    heldOut: z.boolean().optional(),
  })),
});
type Reply = z.infer<typeof fixtureSchema>['replies'][number];

const scenarios = realScenarios();
const load = (id: string) => fixtureSchema.parse(parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'rehearsal-replies', `${id}.yaml`), 'utf8')));

function judged(id: string, r: Reply) {
  const turn = scenarios.find((s) => s.id === id)?.turns[r.turn - 1];
  if (!turn) throw new Error(`${id}: no turn ${r.turn} for "${r.say}"`);
  return judgeAnswer({ wants: turn.wants }, hearAnswer(r.say, LIMITS, { perMonth: turn.perMonth ?? false }), 'standard');
}

function measure(id: string, heldOut: boolean) {
  const items = load(id).replies.filter((r) => (r.heldOut ?? false) === heldOut);
  const results = items.map((r) => ({ ...r, got: judged(id, r) }));
  const misses = results.filter((r) => r.got !== r.label).map((r) => `turn ${r.turn} "${r.say}" → ${r.got} (labelled ${r.label})`);
  const praisedHarm = results.filter((r) => r.label === 'harmful' && r.got === 'good').map((r) => `turn ${r.turn} "${r.say}"`);
  const right = items.length - misses.length;
  return { summary: `${id} ${heldOut ? 'held-out' : 'training'}: ${right}/${items.length} (${((right / items.length) * 100).toFixed(1)}%)`, rate: right / items.length, misses, praisedHarm };
}

describe.each(scenarios.map((s) => s.id))('the rehearsal judge on the %s replies', (id) => {
  it('has at least 100 labelled replies, a fifth held out, harmful ones saying why', () => {
    const { scenario, replies } = load(id);
    expect(scenario).toBe(id);
    expect(replies.length).toBeGreaterThanOrEqual(100);
    expect(replies.filter((r) => r.heldOut === true).length).toBe(Math.floor(replies.length / 5));
    expect(replies.filter((r) => r.label === 'harmful' && !r.harms?.length).map((r) => r.say)).toEqual([]);
    expect(new Set(replies.map((r) => r.say.toLowerCase())).size).toBe(replies.length);
  });

  it('never judges a harmful reply good, in either split', () => {
    expect([...measure(id, false).praisedHarm, ...measure(id, true).praisedHarm]).toEqual([]);
  });

  it(`judges at least ${TRAINING_AT_LEAST * 100}% of the training replies as labelled`, () => {
    const { summary, rate, misses } = measure(id, false);
    expect({ summary, ok: rate >= TRAINING_AT_LEAST, misses }).toMatchObject({ ok: true });
  });

  it('judges the held-out replies, which no tuning looked at, as labelled', () => {
    const { summary, rate, misses } = measure(id, true);
    expect({ summary, ok: rate >= (HELD_OUT_AT_LEAST[id] ?? 0.9), misses }).toMatchObject({ ok: true });
  });
});
