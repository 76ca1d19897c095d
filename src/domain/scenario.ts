import { z } from 'zod';
import { MOVES } from './rehearsal';

/**
 * A rehearsal scenario: the representative's lines, turn by turn, with the moves each turn invites and
 * the reply to a good or a weak answer. Scenarios are content (content/en/rehearsal/*.yaml).
 */
const line = z.string().min(1).max(600);
const moves = z.array(z.enum(MOVES)).min(1);

export const scenarioTurnSchema = z.strictObject({
  rep: line,
  /** A firmer line for "a tougher representative" (defaults to `rep`). */
  toughRep: line.optional(),
  /** The representative talks about a monthly amount ("$400 a month"): a bare amount in the answer is per month. */
  perMonth: z.boolean().optional(),
  wants: moves,
  good: line,
  /** A first push-back to a good answer: the turn is asked again, and a repeated or better-supported ask wins. */
  pushBack: line.optional(),
  weak: line,
  toughWeak: line.optional(),
  /** The good reply once she has named an amount (in this answer or earlier): it takes up her number ({{offered}}). */
  goodAfterOffer: line.optional(),
  /** The turn's question once she has named an amount earlier in the call: it asks about her number, not for one. */
  repAfterOffer: line.optional(),
});

/** The representative's answer to each point she can make, whatever the turn (see POINTS in rehearsalJudge). */
export const scenarioAnswersSchema = z.strictObject({
  eob: line.optional(),
  hardship: line.optional(),
  comparable: line.optional(),
  assistance: line.optional(),
  /** At a clinic, a doctor's office or a lab (no formal assistance program likely): the same answers without one. */
  hardshipNoProgram: line.optional(),
  assistanceNoProgram: line.optional(),
});

export const scenarioSchema = z.strictObject({
  title: z.string().min(1).max(60),
  /** Who the representative is, shown before each line ("Dana, billing office"). */
  rep: z.string().min(1).max(60),
  intro: line,
  /** When this scenario fits the user's case best. */
  suits: z.array(z.enum(['default', 'collections', 'assistance', 'insurer'])).min(1),
  keyMoves: moves,
  turns: z.array(scenarioTurnSchema).min(3).max(12),
  answers: scenarioAnswersSchema.optional(),
  closing: line,
});

export type ScenarioTurn = z.infer<typeof scenarioTurnSchema>;
export type Scenario = z.infer<typeof scenarioSchema> & { id: string };
