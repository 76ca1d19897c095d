import { randomUUID } from 'node:crypto';

export interface ChannelActivity {
  /** Where the bot sends its replies (a connector stub, or a dead port). */
  serviceUrl: string;
  conversationId: string;
  userId: string;
  /** type, text, membersAdded …: merged over the defaults. */
  activity: Record<string, unknown>;
}

/** POSTs an activity to /api/messages as a channel would (webchat, en-US); returns the HTTP status. */
export async function postActivity(baseUrl: string, { serviceUrl, conversationId, userId, activity }: ChannelActivity): Promise<number> {
  const res = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      id: randomUUID(), channelId: 'webchat', serviceUrl, locale: 'en-US', timestamp: new Date().toISOString(),
      conversation: { id: conversationId }, from: { id: userId }, recipient: { id: 'bill-coach' }, ...activity,
    }),
  });
  await res.arrayBuffer();
  return res.status;
}
