/** A content or data file that cannot be used: the message names the file and the place to fix. */
export class ContentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContentError';
  }
}
