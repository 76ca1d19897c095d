import type { Activity } from 'botbuilder';
import type { ContentStore } from '../src/content/contentStore';

/** Commands that work anywhere, typed or pressed, even in the middle of a prompt. */
export const COMMANDS = ['help', 'menu', 'startOver', 'myCase', 'deleteData', 'newCase', 'switchCase', 'changeAnswer', 'deleteCase'] as const;
export type Command = (typeof COMMANDS)[number];

export function normalizeUtterance(text: string): string {
  const folded = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[^\p{L}\p{N}?' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return folded === '?' ? folded : folded.replace(/[?\s]+$/, '').trim();
}

function isCommand(value: unknown): value is Command {
  return typeof value === 'string' && (COMMANDS as readonly string[]).includes(value);
}

/** Each content store's command phrases, normalized once (recognizeCommand runs on every message). */
const phraseTables = new WeakMap<ContentStore, Map<string, Command>>();

function phraseTable(content: ContentStore): Map<string, Command> {
  let table = phraseTables.get(content);
  if (!table) {
    table = new Map();
    for (const command of COMMANDS) {
      for (const phrase of content.list(`commands.${command}`)) {
        const key = normalizeUtterance(phrase);
        // The first command listing a phrase wins, as in COMMANDS order.
        if (key && !table.has(key)) table.set(key, command);
      }
    }
    phraseTables.set(content, table);
  }
  return table;
}

/** A card button carries `{ command }` in `value`; typed text must match a phrase from content/en/commands.yaml. */
export function recognizeCommand(activity: Partial<Activity>, content: ContentStore): Command | undefined {
  const value: unknown = activity.value;
  if (value && typeof value === 'object' && 'command' in value) {
    const command = (value as { command: unknown }).command;
    if (isCommand(command)) return command;
  }
  if (typeof activity.text !== 'string' || activity.text.length > 60) return undefined;
  const said = normalizeUtterance(activity.text);
  if (!said) return undefined;
  return phraseTable(content).get(said);
}
