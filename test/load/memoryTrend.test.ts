import { RssSample, levelsOff } from '../bench/memoryTrend';

const MiB = 1024;
/** 60 s of one-a-second samples: `base` MiB plus a GC sawtooth (10 s period, 40 MiB deep) plus `slope` MiB a second. */
const run = (base: number, slope: number): RssSample[] =>
  Array.from({ length: 61 }, (_v, s) => ({ atMs: s * 1000, rssKiB: (base + ((s % 10) * 4) + slope * s) * MiB }));

describe('the load test’s "memory levels off" rule', () => {
  it('accepts a steady sawtooth and a warm-up that has stopped', () => {
    expect(levelsOff(run(300, 0)).ok).toBe(true);
    const warmup = run(300, 0).map((s) => (s.atMs < 15_000 ? { ...s, rssKiB: s.rssKiB - (15_000 - s.atMs) * 10 } : s));
    expect(levelsOff(warmup).ok).toBe(true);
  });

  it('rejects steady growth of 3 MiB a second (60 MiB per 20 s window)', () => {
    const verdict = levelsOff(run(300, 3));
    expect(verdict.ok).toBe(false);
    expect(verdict.growth).toBeGreaterThan(0.1);
  });

  it('rejects a run with too few samples to judge', () => {
    expect(levelsOff([{ atMs: 0, rssKiB: 100 * MiB }]).ok).toBe(false);
  });
});
