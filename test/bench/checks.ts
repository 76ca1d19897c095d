import path from 'node:path';
import { ContentStore } from '../../src/content/contentStore';
import { dataFigures } from '../../src/content/dataFigures';
import { loadDataFiles } from '../../src/content/dataFiles';
import { projectRoot } from '../../src/projectRoot';
import type { ReplyActivity } from './connectorStub';
import { ECHO_WELCOME, echoOf } from './echoText';
import type { TurnChecker } from './loadDriver';

const HOLE = '\u0000';
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The real content files, as the bot loads them (with the data figures their {{data.…}} placeholders state). */
export function loadContent(): ContentStore {
  return ContentStore.load(path.join(projectRoot(), 'content', 'en'), dataFigures(loadDataFiles(path.join(projectRoot(), 'content', 'data'))));
}

/** A regex matching the key's text with any value in each {{placeholder}}: copy edits never break a check. */
export function keyPattern(content: ContentStore, key: string): RegExp {
  const holes = Object.fromEntries(content.placeholders(key).map((name) => [name, HOLE]));
  return new RegExp(content.text(key, holes).split(HOLE).map(escapeRegExp).join('[\\s\\S]*?'));
}

const messageTexts = (replies: ReplyActivity[]): string[] =>
  replies.filter((a) => a.type === 'message' && typeof a.text === 'string').map((a) => a.text ?? '');

/**
 * The bot's turn is right when it answered with at least one message, none of them the "something went
 * wrong" reply, and the texts of every key the turn expects are there (so a re-ask or a wrong branch fails).
 */
export function projectChecker(content: ContentStore): TurnChecker {
  const errorText = content.text('errors.turn');
  const patterns = new Map<string, RegExp>();
  const patternOf = (key: string): RegExp => {
    let pattern = patterns.get(key);
    if (!pattern) {
      pattern = keyPattern(content, key);
      patterns.set(key, pattern);
    }
    return pattern;
  };
  return (turn, replies) => {
    const texts = messageTexts(replies);
    if (replies.filter((a) => a.type === 'message').length === 0) return 'no reply';
    if (texts.includes(errorText)) return 'the error reply (errors.turn)';
    const all = texts.join('\n\n');
    const missing = turn.expect.filter((key) => !patternOf(key).test(all));
    if (missing.length > 0) return `expected ${missing.join(', ')}; got ${JSON.stringify(texts.map((t) => t.slice(0, 80)))}`;
    return undefined;
  };
}

/** The echo bot: a welcome for the join, `Echo: <text>` for every message. */
export const echoChecker: TurnChecker = (turn, replies, sent) => {
  const texts = messageTexts(replies);
  const want = turn.kind === 'join' ? ECHO_WELCOME : echoOf(sent);
  return texts.includes(want) ? undefined : `expected ${JSON.stringify(want)}; got ${JSON.stringify(texts)}`;
};
