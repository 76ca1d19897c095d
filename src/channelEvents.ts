/**
 * Event activities the bot sends its clients. A contract between the bot, the local channel and the
 * page script (src/server/public/app.js repeats the name: keep them equal).
 */
/** "delete my data" finished: the page forgets its user id; the local channel forgets the transcript. */
export const DATA_DELETED_EVENT = 'billcoach/dataDeleted';

/**
 * Event activities clients send the bot. The local page sends this after a reload resumed the
 * conversation (and showed it again): the bot asks the open question again.
 */
export const RESUMED_EVENT = 'billcoach/resumed';
