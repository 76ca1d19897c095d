import { AdaptiveCard, CardAction, CardElement, card, detailsOnDemand, text } from './adaptiveCard';

/**
 * A "sheet" the user keeps: a plan, a script, an offer. One model, rendered as an Adaptive Card in the
 * chat and as a file to download (`sheetText`'s Markdown, written as plain text by `textFileFromMarkdown`),
 * so the two never disagree. Build the sheet with the user's words escaped: both renderings need it.
 * The card shows the sections that matter on the call and keeps `details` sections behind a button
 * (details on demand), so it stays short on a phone; the file always has everything.
 */
export interface SheetSection {
  title: string;
  /** Two-column figures (label, value), shown before the lines. */
  facts?: { title: string; value: string }[];
  lines: string[];
  numbered?: boolean;
  /** Shown in the card only when the user presses the sheet's `detailsTitle` button (always in the file). */
  details?: boolean;
}

export interface Sheet {
  title: string;
  sections: SheetSection[];
  closing: string[];
  /** The button that shows the `details` sections in the card ("See the full plan"). */
  detailsTitle?: string;
}

function sectionElements(section: SheetSection): CardElement[] {
  const out: CardElement[] = [];
  if (section.title) out.push(text(section.title, { weight: 'Bolder', spacing: 'Medium' }));
  if (section.facts?.length) out.push({ type: 'FactSet', facts: section.facts });
  // A numbered list is one TextBlock, so Markdown numbers it 1, 2, 3 (separate blocks would each restart at 1).
  if (section.numbered) out.push(text(section.lines.map((line, i) => `${i + 1}. ${line}`).join('\n'), { spacing: 'Small' }));
  else section.lines.forEach((line) => out.push(text(section.lines.length > 1 ? `• ${line}` : line, { spacing: 'Small' })));
  return out;
}

export function sheetCard(sheet: Sheet): AdaptiveCard<CardAction> {
  const body: CardElement[] = [text(sheet.title, { weight: 'Bolder', size: 'Medium' })];
  const shown = sheet.detailsTitle ? sheet.sections.filter((s) => !s.details) : sheet.sections;
  const hidden = sheet.detailsTitle ? sheet.sections.filter((s) => s.details) : [];
  body.push(...shown.flatMap(sectionElements));
  sheet.closing.forEach((line) => body.push(text(line, { spacing: 'Medium' })));
  const actions = sheet.detailsTitle && hidden.length ? [detailsOnDemand(sheet.detailsTitle, hidden.flatMap(sectionElements))] : [];
  return card<CardAction>(body, actions, sheet.title);
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
