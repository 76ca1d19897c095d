import { performance, type EventLoopUtilization } from 'node:perf_hooks';

/** Thrown by `TurnGate.run` when the queue is full: the caller answers 503 with a Retry-After. */
export class GateFullError extends Error {
  constructor() {
    super('too many turns waiting');
    this.name = 'GateFullError';
  }
}

export interface TurnGateOptions {
  /** The most turns that run at once (the limit starts here and never goes above it). */
  maxConcurrency: number;
  /** The fewest: the limit never goes below this, so one slow turn cannot hold up every other. */
  minConcurrency?: number;
  /** Turns that may wait; one more is refused with GateFullError. */
  maxWaiting: number;
  /** How often the limit is adjusted, in ms (0: never, for tests that call `adjust` themselves). */
  sampleMs?: number;
  /** Share of the last sample the event loop was busy, 0–1 (injectable for tests). */
  utilization?: () => number;
}

/** Above this share of busy time the CPU is the bottleneck: more turns at once only stretch each one. */
export const BUSY_UTILIZATION = 0.9;

/** The event loop's busy share since the previous call. */
export function eventLoopSampler(): () => number {
  let last: EventLoopUtilization = performance.eventLoopUtilization();
  return () => {
    const now = performance.eventLoopUtilization();
    const delta = performance.eventLoopUtilization(now, last);
    last = now;
    return delta.utilization;
  };
}

/**
 * First come, first served in front of the turn pipeline, with just enough turns running at once to
 * keep the CPU busy.
 *
 * Without it every request in flight runs at once. When the process is CPU-bound that makes each
 * turn's latency its own work times the number of turns sharing the event loop, and the turns that
 * post several replies (the offer cards, the call script), which wait once per reply, came out
 * two to three times slower than the rest under load. Queued in arrival order, a turn waits for those
 * ahead of it and then runs with few others.
 *
 * The limit adapts to how busy the event loop is, sampled every 100 ms. While it is busy 90% of the
 * time or more and turns are running above the floor, the limit drops by a quarter per sample; when
 * the loop has idle time and turns are waiting, it grows by half; idle with nobody waiting, by one.
 * So where replies travel over a slow network (Teams, Azure) and turns mostly wait, many run at once;
 * where turns are CPU work, a few do and the rest queue. A turn stuck on a timer or a slow store
 * leaves the loop idle, and the limit grows around it.
 */
export class TurnGate {
  private running = 0;
  private current: number;
  private readonly min: number;
  private readonly waiting: Array<() => void> = [];
  private readonly timer: NodeJS.Timeout | undefined;
  private readonly utilization: () => number;

  constructor(private readonly options: TurnGateOptions) {
    const { maxConcurrency, maxWaiting } = options;
    this.min = Math.min(options.minConcurrency ?? 2, maxConcurrency);
    if (!Number.isInteger(maxConcurrency) || maxConcurrency < 1) throw new RangeError('maxConcurrency must be a whole number of at least 1');
    if (!Number.isInteger(this.min) || this.min < 1) throw new RangeError('minConcurrency must be a whole number of at least 1');
    if (!Number.isInteger(maxWaiting) || maxWaiting < 0) throw new RangeError('maxWaiting must be a whole number of at least 0');
    this.current = maxConcurrency;
    this.utilization = options.utilization ?? eventLoopSampler();
    const sampleMs = options.sampleMs ?? 100;
    if (sampleMs > 0) {
      this.timer = setInterval(() => this.adjust(this.utilization()), sampleMs);
      this.timer.unref();
    }
  }

  get stats(): { running: number; waiting: number; limit: number } {
    return { running: this.running, waiting: this.waiting.length, limit: this.current };
  }

  /** Runs `work` when a slot is free (at once if one is); refuses with GateFullError when the queue is full. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.current || this.waiting.length > 0) {
      if (this.waiting.length >= this.options.maxWaiting) throw new GateFullError();
      // `release` hands its slot straight to the first in line, so a newcomer never overtakes a waiting turn.
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  /** One sample: `busy` is the share of time the event loop was busy since the last one. */
  adjust(busy: number): void {
    const max = this.options.maxConcurrency;
    if (busy >= BUSY_UTILIZATION) {
      // Saturated: fewer at once (a quarter fewer per sample) while more than the floor are running.
      if (this.running > this.min || this.waiting.length > 0) this.current = Math.max(this.min, Math.floor(this.current * 0.75));
    } else if (this.waiting.length > 0) {
      // Idle time while turns wait: the limit is what holds them back, so it grows by half.
      this.current = Math.min(max, this.current + Math.max(1, Math.floor(this.current / 2)));
    } else {
      this.current = Math.min(max, this.current + 1);
    }
    this.admit();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private release(): void {
    if (this.running <= this.current) {
      const next = this.waiting.shift();
      if (next) {
        next();
        return;
      }
    }
    this.running--;
  }

  /** After the limit grew: start as many waiting turns as now fit. */
  private admit(): void {
    while (this.running < this.current && this.waiting.length > 0) {
      this.running++;
      this.waiting.shift()?.();
    }
  }
}
