import { MAX_MESSAGE_PX, type BotMessage, type Persona, type StepRecord, type TranscriptEntry } from './journeyDriver';

/** A readable Markdown transcript of a walk through the page: what the user saw, message by message. */

export interface StepShots {
  /** The phone screen as the step ended. */
  screen?: string;
  /** Whole-message screenshots (the tallest message, and every one over the limit), by message. */
  messages: Map<BotMessage, string>;
}

const quote = (text: string): string =>
  text
    .split('\n')
    .map((line) => (line.trim() === '' ? '>' : `> ${line}`))
    .join('\n');

function entryMarkdown(entry: TranscriptEntry, shots: StepShots | undefined): string {
  if (entry.from === 'user') return `**You${entry.pressed ? ' (pressed)' : ''}:** ${entry.text.replace(/\n+/g, ' ')}`;
  if (entry.from === 'note') return `_⚠ ${entry.text}_`;
  const flag = entry.heightPx > MAX_MESSAGE_PX ? ` — **TALLER THAN ${MAX_MESSAGE_PX} px**` : '';
  const parts = [`**Bot** (${entry.heightPx} px${flag}):`, '', quote(entry.text)];
  if (entry.files.length) parts.push('', `Files: ${entry.files.map((f) => `\`${f}\``).join(', ')}`);
  const shot = shots?.messages.get(entry);
  if (shot) parts.push('', `![message](${shot})`);
  return parts.join('\n');
}

export function tallest(record: StepRecord): BotMessage | undefined {
  return record.entries.filter((e): e is BotMessage => e.from === 'bot').reduce<BotMessage | undefined>((best, m) => (best && best.heightPx >= m.heightPx ? best : m), undefined);
}

export function transcriptMarkdown(persona: Persona, welcome: TranscriptEntry[], records: StepRecord[], shots: StepShots[], when: Date): string {
  const lines = [
    `# Walkthrough: ${persona.title}`,
    '',
    persona.story,
    '',
    `Walked through the real web chat page at 390×844 on ${when.toISOString().slice(0, 16).replace('T', ' ')} UTC. Heights are each message's rendered height; the limit is ${MAX_MESSAGE_PX} px (1.5 screens).`,
    '',
    '| Step | Done | Bot messages | Tallest | Over the limit | Re-asks |',
    '|---|---|---|---|---|---|',
  ];
  for (const r of records) {
    const bots = r.entries.filter((e): e is BotMessage => e.from === 'bot');
    const over = bots.filter((m) => m.heightPx > MAX_MESSAGE_PX).length;
    lines.push(`| ${r.step.title} | ${r.completed ? 'yes' : '**no**'} | ${bots.length} | ${tallest(r)?.heightPx ?? 0} px | ${over} | ${r.reasks} |`);
  }
  lines.push('', '## Opening the page', '', ...welcome.map((e) => entryMarkdown(e, undefined)).flatMap((t) => [t, '']));
  records.forEach((r, i) => {
    lines.push(`## ${r.step.title}`, '');
    for (const e of r.entries) lines.push(entryMarkdown(e, shots[i]), '');
    const screen = shots[i]?.screen;
    if (screen) lines.push(`The screen at the end of this step:`, '', `![end of step](${screen})`, '');
  });
  return `${lines.join('\n')}\n`;
}
