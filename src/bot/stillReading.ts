import type { Middleware, TurnContext } from 'botbuilder';
import type { ContentStore } from '../content/contentStore';
import { isSentFile } from '../fileUploads';
import type { ReadingNow } from './attachmentFetcher';

/**
 * A file sent while this conversation's first file is still being read is answered at once ("I'm still
 * reading your first file…") instead of waiting behind the turn that reads; it is not read. Runs before
 * the turn lease, which would otherwise hold it.
 */
export class StillReadingMiddleware implements Middleware {
  constructor(private readonly reading: ReadingNow, private readonly content: ContentStore) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const { type, attachments = [] } = context.activity;
    if (type === 'message' && attachments.some(isSentFile) && this.reading.isReading(context)) {
      await context.sendActivity(this.content.text('upload.stillReading'));
      return;
    }
    await next();
  }
}
