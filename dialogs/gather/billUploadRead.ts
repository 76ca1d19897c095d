import type { Attachment, TurnContext } from 'botbuilder';
import { draftIsEmpty, toDraft, type BillDraft } from '../../src/domain/billDraft';
import { isReadFailure } from '../../src/ingest/types';
import type { DialogDeps } from '../deps';
import { megabytes } from './billUploadInput';

export type ReadOutcome = { ok: true; draft: BillDraft } | { ok: false; problem: string; vars?: Record<string, string> };

/** A note sent at once, not held to be merged with what follows (channel data keeps it apart): progress is news now. */
export const noteNow = (text: string) => ({ type: 'message', text, channelData: { billcoachNote: 'progress' } });

/**
 * Fetches and reads the first file, with the conversation marked as reading (a file sent meanwhile gets
 * "still reading"): typing first, then "Reading page 1 of 2…" as each page starts. The bytes are zeroed as
 * soon as they are read; the result is a draft, or the problem to tell the user.
 */
export async function readSentFile(context: TurnContext, deps: DialogDeps, files: Attachment[]): Promise<ReadOutcome> {
  const port = deps.billFiles;
  const { content } = deps;
  const [first] = files;
  if (!port || !first) return { ok: false, problem: 'noReader' };
  await context.sendActivity({ type: 'typing' });
  const lead = files.length > 1 ? [content.text('upload.onlyFirst', { count: files.length })] : [];
  await context.sendActivity(noteNow([...lead, content.text('upload.reading')].join('\n\n')));
  return port.whileReading(context, async (): Promise<ReadOutcome> => {
    const fetched = await port.fetch(context, first);
    if (!fetched.ok) return { ok: false, problem: fetched.problem, vars: { limit: megabytes(port.maxBytes) } };
    let notes = Promise.resolve();
    let shown = 0;
    const onProgress = ({ page, pages }: { page: number; pages: number }): void => {
      // One page needs no count: "Reading it now" already said it. Longer files say each page as it starts.
      if (page <= shown || pages < 2) return;
      shown = page;
      // Chained and awaited below: notes go out in order, and none outlives the turn.
      notes = notes.then(() => context.sendActivity(noteNow(content.text('upload.progress', { page, pages })))).then(() => undefined, () => undefined);
    };
    try {
      const result = await port.read(fetched.bytes, fetched.contentType, onProgress);
      await notes;
      if (isReadFailure(result)) return { ok: false, problem: result.kind, vars: { limit: megabytes(port.maxBytes) } };
      const draft = toDraft(result);
      if (draftIsEmpty(draft)) return { ok: false, problem: result.kind === 'unknown' ? 'notABill' : 'nothingRead' };
      return { ok: true, draft };
    } finally {
      fetched.bytes.fill(0);
    }
  });
}
