import fc from 'fast-check';
import type { Activity, StoreItem } from 'botbuilder';
import type { ContentStore } from '../../src/content/contentStore';
import type { Case } from '../../src/domain/case';
import { REMINDER_INDEX_KEYS } from '../../src/storage/reminderStore';
import { createHarness, Harness } from '../helpers/botHarness';
import { HOSTILE, RUNS, hostileSequence } from './hostileInputs';
import { expectAnswered, lastText, messageTexts } from './turnChecks';

/*
 * Hostile answers at one prompt of the journey. For each answer: the turn ends without the error handler
 * and with a reply; the answers given before are still saved; and the prompt either re-asks (the same
 * question, or one of its specific re-asks) or takes the answer (saved and sane, or on to what comes
 * next). Then a valid answer is taken and saved. The prompt's whole state is in storage, so a copy taken
 * there lets every answer start from the same place. FUZZ_TRACE=1 prints what each answer did.
 */

/** One prompt of the journey, how to get there, and what a good answer does. */
export interface PromptSpec {
  name: string;
  /** Case fields as if earlier answers were given; they must all survive any answer here. */
  seed?: Record<string, unknown>;
  /** What any answer must leave as it was (default: the seed). */
  kept?: Record<string, unknown>;
  /** Messages from the joined chat to the prompt. */
  path: readonly string[];
  /** A valid answer to the prompt. */
  valid: string;
  /** Where the answer is saved on the case as soon as it is given (undefined until answered)… */
  saved?: (c: Case) => unknown;
  /** …or, for prompts whose answer is saved a few steps later, where to look after the valid answer… */
  final?: (c: Case) => unknown;
  /** …and what the valid answer saves there. */
  expected?: unknown;
  /** An id in `skippedQuestions` when "not sure" was taken as the answer. */
  skipId?: string;
  /** A text the replies to the valid answer contain (what comes next). */
  next?: (content: ContentStore) => string;
  /** Texts a re-ask may contain (the prompt itself is always allowed). */
  reasks: (content: ContentStore) => readonly string[];
  /** For prompts that save later: texts the replies contain when an answer was taken. */
  onward?: (content: ContentStore) => readonly string[];
  /** Only hostile answers that pass (e.g. never a "yes" where yes erases everything). */
  filter?: (input: string) => boolean;
  /** Checks a hostile answer the prompt accepted (and saved). */
  sane?: (value: unknown, input: string) => void;
}

interface Session {
  h: Harness;
  prompt: string;
  restore(): Promise<void>;
}

/** The prompt's state is all in storage: keep a copy and put it back to be at the prompt again. */
async function atPrompt(spec: PromptSpec): Promise<Session> {
  const h = createHarness();
  if (spec.seed) await h.seedCase(spec.seed);
  let replies: Partial<Activity>[] = await h.join();
  for (const message of spec.path) {
    replies = await h.say(message);
    expectAnswered(h, replies, message);
  }
  const keys = () => [...h.storedKeys(), ...REMINDER_INDEX_KEYS];
  const saved = await h.storage.read(keys());
  return {
    h,
    prompt: lastText(replies),
    async restore() {
      const extra = keys().filter((key) => !(key in saved));
      if (extra.length) await h.storage.delete(extra);
      const items: Record<string, StoreItem> = {};
      for (const [key, item] of Object.entries(saved)) items[key] = { ...(item as StoreItem), eTag: '*' };
      await h.storage.write(items);
      h.logger.lines.length = 0;
    },
  };
}

const includesAny = (text: string, options: readonly string[]) => options.some((o) => o.length > 0 && text.includes(o));

/** Sends one hostile answer; true when the prompt took it (so the session must go back to the prompt). */
async function probe(spec: PromptSpec, s: Session, input: string): Promise<boolean> {
  const replies = await s.h.say(input);
  expectAnswered(s.h, replies, input);
  const after = await s.h.activeCase();
  const kept = spec.kept ?? spec.seed;
  if (kept) expect(after).toMatchObject(kept);
  const value = after && spec.saved?.(after);
  const skipped = Boolean(spec.skipId && after?.skippedQuestions.includes(spec.skipId));
  const reasked = includesAny(lastText(replies), [s.prompt, ...spec.reasks(s.h.content)]);
  if (process.env.FUZZ_TRACE) process.stdout.write(`${spec.name} ${JSON.stringify(input.slice(0, 40))} saved=${JSON.stringify(value)} skipped=${skipped} reasked=${reasked} :: ${JSON.stringify(lastText(replies).slice(0, 70))}\n`);
  if (value !== undefined) {
    spec.sane?.(value, input);
    return true;
  }
  if (skipped) return true;
  // What comes next first: a next prompt may read like this one ("What would you like to do?").
  if (includesAny(messageTexts(replies).join('\n'), spec.onward?.(s.h.content) ?? [])) return true;
  if (reasked) return false;
  throw new Error(`${spec.name}: ${JSON.stringify(input.slice(0, 60))} was neither re-asked nor taken; got:\n${messageTexts(replies).join('\n---\n')}`);
}

/** Property 3's second half: after all that, the valid answer is taken and saved, and nothing is lost. */
async function answerValidly(spec: PromptSpec, s: Session): Promise<void> {
  const replies = await s.h.say(spec.valid);
  expectAnswered(s.h, replies, spec.valid);
  const after = await s.h.activeCase();
  if (spec.kept ?? spec.seed) expect(after).toMatchObject(spec.kept ?? spec.seed ?? {});
  const result = spec.saved ?? spec.final;
  if (result) expect(after && result(after)).toEqual(spec.expected);
  if (spec.next) expect(messageTexts(replies).join('\n')).toContain(spec.next(s.h.content));
}

async function sendAll(spec: PromptSpec, s: Session, inputs: readonly string[]): Promise<void> {
  for (const input of inputs) if (await probe(spec, s, input)) await s.restore();
  await answerValidly(spec, s);
}

/** Two tests per prompt: every fixed hostile sample in turn, then random hostile sequences (fast-check). */
export function fuzzPrompts(specs: readonly PromptSpec[]): void {
  describe.each(specs.map((spec) => [spec.name, spec] as const))('%s', (_name, spec) => {
    it('survives every fixed hostile answer, re-asks, then takes a valid one with nothing lost', async () => {
      await sendAll(spec, await atPrompt(spec), HOSTILE.filter(spec.filter ?? (() => true)));
    });

    it('survives random hostile answers (fast-check)', async () => {
      const s = await atPrompt(spec);
      await fc.assert(
        fc.asyncProperty(hostileSequence.filter((inputs) => inputs.every(spec.filter ?? (() => true))), async (inputs) => {
          await s.restore();
          await sendAll(spec, s, inputs);
        }),
        { numRuns: RUNS },
      );
    });
  });
}
