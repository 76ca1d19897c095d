/** One RSS sample: when (ms from the start of sampling) and how much (KiB). */
export interface RssSample {
  atMs: number;
  rssKiB: number;
}

export interface MemoryVerdict {
  ok: boolean;
  earlierMiB: number;
  laterMiB: number;
  /** (later − earlier) / earlier */
  growth: number;
}

/**
 * Memory levels off when the highest RSS of the last `windowMs` is at most `bound` (10%) above the highest
 * RSS of the `windowMs` before. Maxima, not means or single samples: V8's heap grows and is collected in
 * a sawtooth, so any one sample depends on where in a GC cycle it falls, while the top of a 20 s window
 * (several cycles) is the steady high-water mark. What came before the two windows (JIT, caches, the
 * sqlite page cache and the allocator warming up: the heap grows for the first ~2,000 turns) is left out.
 * It is a coarse net, made not to flake: at the bot's ~350 MiB under load, 10% per 20 s catches growth
 * above ~1.75 MiB/s (a leak of ~17 KB a turn at ~100 turns/s), not a slow leak; a fitted slope over
 * such a short run would be no more sensitive without being thrown by the sawtooth.
 */
export function levelsOff(samples: readonly RssSample[], windowMs = 20_000, bound = 0.1): MemoryVerdict {
  const end = samples.at(-1)?.atMs ?? 0;
  const maxIn = (fromMs: number, toMs: number) =>
    Math.max(...samples.filter((s) => s.atMs >= fromMs && s.atMs < toMs).map((s) => s.rssKiB)) / 1024;
  const earlierMiB = maxIn(end - 2 * windowMs, end - windowMs);
  const laterMiB = maxIn(end - windowMs, end + 1);
  const growth = (laterMiB - earlierMiB) / earlierMiB;
  return { ok: Number.isFinite(growth) && growth < bound, earlierMiB, laterMiB, growth };
}
