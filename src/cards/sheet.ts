import { AdaptiveCard, CardElement, card, text } from './adaptiveCard';

/**
 * A "sheet" the user keeps: a plan, a script, an offer. One model, rendered as an Adaptive Card in the
 * chat and as a file to download (`sheetText`'s Markdown, written as plain text by `textFileFromMarkdown`),
 * so the two never disagree. Build the sheet with the user's words escaped: both renderings need it.
 */
export interface SheetSection {
  title: string;
  /** Two-column figures (label, value), shown before the lines. */
  facts?: { title: string; value: string }[];
  lines: string[];
  numbered?: boolean;
}

export interface Sheet {
  title: string;
  sections: SheetSection[];
  closing: string[];
}

export function sheetCard(sheet: Sheet): AdaptiveCard {
  const body: CardElement[] = [text(sheet.title, { weight: 'Bolder', size: 'Medium' })];
  for (const section of sheet.sections) {
    if (section.title) body.push(text(section.title, { weight: 'Bolder', spacing: 'Medium' }));
    if (section.facts?.length) body.push({ type: 'FactSet', facts: section.facts });
    // A numbered list is one TextBlock, so Markdown numbers it 1, 2, 3 (separate blocks would each restart at 1).
    if (section.numbered) body.push(text(section.lines.map((line, i) => `${i + 1}. ${line}`).join('\n'), { spacing: 'Small' }));
    else section.lines.forEach((line) => body.push(text(section.lines.length > 1 ? `• ${line}` : line, { spacing: 'Small' })));
  }
  sheet.closing.forEach((line) => body.push(text(line, { spacing: 'Medium' })));
  return card(body, [], sheet.title);
}

export function sheetText(sheet: Sheet): string {
  const out = [`# ${sheet.title}`, ''];
  for (const section of sheet.sections) {
    if (section.title) out.push(`## ${section.title}`, '');
    section.facts?.forEach((f) => out.push(`- ${f.title}: ${f.value}`));
    section.lines.forEach((line, i) => out.push(section.numbered ? `${i + 1}. ${line}` : section.lines.length > 1 ? `- ${line}` : line));
    out.push('');
  }
  out.push(...sheet.closing, '');
  return out.join('\n');
}
