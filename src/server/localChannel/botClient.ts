import type { JsonObject } from './types';

export type BotCallResult =
  | { ok: true; status: number }
  | { ok: false; reason: 'status'; status: number }
  | { ok: false; reason: 'timeout' | 'network' | 'closed' };

export interface BotClientOptions {
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages. */
  endpoint: () => string;
  fetchImpl: typeof fetch;
  timeoutMs: number;
}

/** Delivers activities to the bot's messaging endpoint, time-limited and abortable on close. */
export class BotClient {
  private readonly inFlight = new Set<AbortController>();
  private closed = false;

  constructor(private readonly options: BotClientOptions) {}

  async send(activity: JsonObject): Promise<BotCallResult> {
    if (this.closed) return { ok: false, reason: 'closed' };
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.options.timeoutMs);
    this.inFlight.add(controller);
    try {
      const response = await this.options.fetchImpl(this.options.endpoint(), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
        signal: controller.signal,
      });
      // Drain the body so the connection is released (invoke answers carry one).
      await response.arrayBuffer();
      return response.ok ? { ok: true, status: response.status } : { ok: false, reason: 'status', status: response.status };
    } catch {
      if (timedOut) return { ok: false, reason: 'timeout' };
      return { ok: false, reason: this.closed ? 'closed' : 'network' };
    } finally {
      clearTimeout(timer);
      this.inFlight.delete(controller);
    }
  }

  /** Aborts calls in flight and refuses new ones. */
  close(): void {
    this.closed = true;
    for (const controller of this.inFlight) controller.abort();
    this.inFlight.clear();
  }
}
