import type { Activity } from 'botbuilder';
import type { ContentStore } from '../src/content/contentStore';

/** Commands that work anywhere, typed or pressed, even in the middle of a prompt. */
export const COMMANDS = ['help', 'menu', 'startOver', 'myCase', 'deleteData', 'newCase', 'switchCase'] as const;
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
  return COMMANDS.find((command) => content.list(`commands.${command}`).some((phrase) => normalizeUtterance(phrase) === said));
}
