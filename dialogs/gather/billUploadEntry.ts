import type { Activity } from 'botbuilder';
import type { DialogContext, DialogTurnResult, PromptOptions } from 'botbuilder-dialogs';
import type { ContentStore } from '../../src/content/contentStore';
import { activeChain, idsOf } from '../activeStack';
import { DialogIds } from '../ids';
import { BILL_UPLOAD_DIALOG, type BillUploadOptions } from './billUploadDialog';
import { fileInputOf, isUploadRequest } from './billUploadInput';

/** Where a file is not taken up as a bill: a deletion being confirmed, a role-play, or the upload itself (it reads its own). */
const busyWith = (ids: string[]): boolean =>
  ids.some((id) => id === BILL_UPLOAD_DIALOG || id === DialogIds.dataDelete || id === DialogIds.casesDelete || id.startsWith('rehearsal.rolePlay'));

/** Whether a message brings a file (or a refused one), or asks to send one. */
export const startsUpload = (activity: Partial<Activity>, content: ContentStore): boolean =>
  fileInputOf(activity) !== undefined || isUploadRequest(activity, content);

/** What a prompt that takes a file itself (step 1's bill lines) puts in its options' validations. */
export interface TakesFiles {
  takesFiles: true;
}

/** Whether the innermost waiting prompt takes a file itself (TakesFiles), so no upload is started on top of it. */
function promptTakesFiles(leaf: DialogContext | undefined): boolean {
  const options = (leaf?.activeDialog?.state as { options?: PromptOptions } | undefined)?.options;
  return (options?.validations as Partial<TakesFiles> | undefined)?.takesFiles === true;
}

/**
 * A file sent (or "Send a photo or PDF of the bill" pressed) anywhere starts the upload on top of what is
 * open; when it ends, the open question is asked again. In step 1 it adds to step 1 directly; elsewhere the
 * user is told it goes into step 1.
 */
export async function beginUploadOnFile(innerDc: DialogContext, content: ContentStore): Promise<DialogTurnResult | undefined> {
  const { activity } = innerDc.context;
  if (!startsUpload(activity, content)) return undefined;
  const chain = activeChain(innerDc);
  const ids = idsOf(chain);
  if (busyWith(ids) || promptTakesFiles(chain.at(-1))) return undefined;
  const options: BillUploadOptions = { inStep: ids.includes(DialogIds.gather) };
  return innerDc.beginDialog(BILL_UPLOAD_DIALOG, options);
}
