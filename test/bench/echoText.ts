/** What the bench's echo bot says: shared by the bot (its own process) and the checker, without loading restify here. */
export const ECHO_WELCOME = 'Hello and welcome!';
export const echoOf = (text: string): string => `Echo: ${text}`;
