/** A small Direct Line 3.0 client for HTTP tests: what Web Chat does, without the browser. */
export interface DlActivity {
  type: string;
  id?: string;
  text?: string;
  name?: string;
  from: { id: string; role?: string };
  attachments?: { contentType: string; content?: unknown; name?: string; contentUrl?: string }[];
  suggestedActions?: { actions: { title: string }[] };
}

export class DirectLineTestClient {
  private token = '';
  conversationId = '';
  private watermark = '0';
  readonly received: DlActivity[] = [];

  constructor(private readonly baseUrl: string, readonly userId: string) {}

  /** A user who opens the chat and has read the welcome: started, and the bot's first message in. */
  static async opened(baseUrl: string, userId: string): Promise<DirectLineTestClient> {
    const user = new DirectLineTestClient(baseUrl, userId);
    await user.start();
    await user.waitForBot();
    return user;
  }

  async start(): Promise<void> {
    const gen = await fetch(`${this.baseUrl}/v3/directline/tokens/generate`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: { id: this.userId } }),
    });
    if (!gen.ok) throw new Error(`token: ${gen.status}`);
    this.token = ((await gen.json()) as { token: string }).token;
    const conv = await fetch(`${this.baseUrl}/v3/directline/conversations`, { method: 'POST', headers: this.auth() });
    if (!conv.ok) throw new Error(`conversation: ${conv.status}`);
    this.conversationId = ((await conv.json()) as { conversationId: string }).conversationId;
  }

  /** Sends a message and returns the bot's messages that arrive until `until` holds (default: a prompt with buttons or a card). */
  async say(text: string | Record<string, unknown>, until?: (botMessages: DlActivity[]) => boolean): Promise<DlActivity[]> {
    const activity = typeof text === 'string' ? { type: 'message', text } : { type: 'message', ...text };
    const res = await fetch(`${this.baseUrl}/v3/directline/conversations/${this.conversationId}/activities`, {
      method: 'POST',
      headers: { ...this.auth(), 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...activity, from: { id: this.userId } }),
    });
    if (!res.ok) throw new Error(`post: ${res.status} ${await res.text()}`);
    return this.waitForBot(until);
  }

  /**
   * Sends a file as Web Chat's attach button does (directlinejs: POST …/upload, multipart with an `activity`
   * part and the file), then waits for the bot as `say` does. Returns the HTTP status with the bot's messages
   * (none when the channel refused the file and `until` is not met by its note).
   */
  async upload(file: { bytes: Uint8Array; type: string; name: string }, until?: (botMessages: DlActivity[]) => boolean): Promise<{ status: number; messages: DlActivity[] }> {
    const body = new FormData();
    const activity = { type: 'message', from: { id: this.userId }, attachments: [{ contentType: file.type, name: file.name }] };
    body.append('activity', new Blob([JSON.stringify(activity)], { type: 'application/vnd.microsoft.activity' }), 'blob');
    body.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
    const res = await fetch(`${this.baseUrl}/v3/directline/conversations/${this.conversationId}/upload?userId=${encodeURIComponent(this.userId)}`, {
      method: 'POST', headers: this.auth(), body,
    });
    await res.arrayBuffer();
    return { status: res.status, messages: await this.waitForBot(until, 30_000) };
  }

  /** Polls until the bot's new messages satisfy `until` (or the turn settles). */
  async waitForBot(until?: (botMessages: DlActivity[]) => boolean, timeoutMs = 10_000): Promise<DlActivity[]> {
    const fresh: DlActivity[] = [];
    const done = until ?? ((msgs: DlActivity[]) => msgs.some((m) => m.suggestedActions || m.attachments?.length));
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const res = await fetch(
        `${this.baseUrl}/v3/directline/conversations/${this.conversationId}/activities?watermark=${this.watermark}`,
        { headers: this.auth() },
      );
      if (!res.ok) throw new Error(`get: ${res.status}`);
      const body = (await res.json()) as { activities: DlActivity[]; watermark: string };
      this.watermark = body.watermark;
      const fromBot = body.activities.filter((a) => a.from.id !== this.userId && a.type !== 'typing');
      fresh.push(...fromBot);
      this.received.push(...body.activities);
      if (done(fresh)) return fresh;
    }
    throw new Error(`timed out waiting for the bot; got ${JSON.stringify(fresh.map((a) => a.text))}`);
  }

  /** Everything the channel still holds for this conversation, from the start. */
  async transcript(): Promise<DlActivity[]> {
    const res = await fetch(`${this.baseUrl}/v3/directline/conversations/${this.conversationId}/activities?watermark=0`, { headers: this.auth() });
    return ((await res.json()) as { activities: DlActivity[] }).activities;
  }

  private auth(): Record<string, string> {
    return { Authorization: `Bearer ${this.token}` };
  }
}

export const messageTexts = (activities: DlActivity[]): string[] =>
  activities.filter((a) => a.type === 'message' && typeof a.text === 'string').map((a) => a.text ?? '');

/** Matches a message that begins with `text`: a note the bot sends ahead of its next question shares its bubble. */
export const startsWith = (text: string): RegExp => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';
/** Anything with attachments: a Direct Line activity, or a reply the test harness drained. */
type WithAttachments = { attachments?: readonly { contentType?: string; content?: unknown }[] };
/** Every Adaptive Card in these activities, as one JSON string. */
export const cardJson = (activities: readonly WithAttachments[]): string =>
  JSON.stringify(activities.flatMap((a) => a.attachments ?? []).filter((x) => x.contentType === ADAPTIVE_CARD).map((x) => x.content));
/** Whether a card has come: a turn that ends in a card is read until it arrives. */
export const hasCard = (activities: DlActivity[]): boolean => activities.some((a) => a.attachments?.some((x) => x.contentType === ADAPTIVE_CARD));
/** A text as it appears inside a card's JSON (its quotes escaped). */
export const inJson = (text: string): string => JSON.stringify(text).slice(1, -1);
