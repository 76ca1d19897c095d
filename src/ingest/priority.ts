/**
 * How the reader's threads are scheduled: the lowest priority (nice 19), so while a file is read the other
 * users' turns on the event loop's thread get the CPU first; the reader takes what they leave.
 */
export const READER_NICE = 19;
