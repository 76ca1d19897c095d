import type { ContentStore } from '../content/contentStore';
import { draftTotals, type BillDraft, type DraftLine, type EobField, type LineField } from '../domain/billDraft';
import { formatIsoDate } from '../domain/dates';
import { formatCents } from '../domain/money';
import { AdaptiveCard, CardElement, card, commandAction, text } from './adaptiveCard';
import { escapeMarkdown } from './markdown';

/** The card's buttons: the command each posts (Teams) and the key of its title, which Web Chat posts as typed. */
export const READ_CARD_ACTIONS = ['confirm', 'fix', 'drop', 'typeInstead'] as const;
export type ReadCardAction = (typeof READ_CARD_ACTIONS)[number];
export const readCardCommand = (action: ReadCardAction): string => `upload.${action}`;

/** One line as the card (and the "fix" question) shows it: date · code · description as printed · units · charge. */
export function describeDraftLine(content: ContentStore, line: DraftLine, marked = true): string {
  const mark = (field: LineField, value: string): string => (marked && line.unsure.includes(field) ? `${value} ${content.text('upload.card.unsure')}` : value);
  const parts = [
    line.date ? mark('date', formatIsoDate(line.date)) : undefined,
    line.code ? mark('code', line.code) : undefined,
    line.description ? mark('description', escapeMarkdown(line.description)) : undefined,
    line.units > 1 ? mark('units', content.text('upload.card.units', { units: line.units })) : undefined,
    mark('charge', formatCents(line.chargeCents)),
  ];
  return parts.filter(Boolean).join(' · ');
}

/** A line as the user would type it ("3/4/2026, 99284, ER visit, 1, $1,250.00"), to correct and send back. */
export function typedLine(line: DraftLine): string {
  const date = line.date ? `${Number(line.date.slice(5, 7))}/${Number(line.date.slice(8, 10))}/${line.date.slice(0, 4)}` : undefined;
  return [date, line.code, line.description, String(line.units), formatCents(line.chargeCents)].filter(Boolean).join(', ');
}

function totalsText(content: ContentStore, draft: BillDraft): string {
  const totals = draftTotals(draft);
  const total = formatCents(totals.linesTotalCents);
  if (totals.printedTotalCents === undefined) return content.text('upload.card.totalNoPrinted', { total });
  return totals.agrees
    ? content.text('upload.card.totalAgrees', { total })
    : content.text('upload.card.totalDiffers', { total, printed: formatCents(totals.printedTotalCents) });
}

function eobFacts(content: ContentStore, draft: BillDraft): { title: string; value: string }[] {
  const eob = draft.eob;
  if (!eob) return [];
  const mark = (field: EobField, value: string): string => (eob.unsure.includes(field) ? `${value} ${content.text('upload.card.unsure')}` : value);
  const rows: [EobField, number | undefined][] = [['billed', eob.billedCents], ['allowed', eob.allowedCents], ['planPaid', eob.planPaidCents], ['owed', eob.patientOwesCents]];
  const facts = rows.filter(([, v]) => v !== undefined).map(([field, v]) => ({ title: content.text(`upload.card.${field}`), value: mark(field, formatCents(v ?? 0)) }));
  if (eob.status) facts.push({ title: content.text('upload.card.status'), value: mark('status', content.text(`eob.eobStatus.choices.${eob.status}`)) });
  return facts;
}

/**
 * What was read from a file, to confirm before anything is saved: the lines (numbered, as printed), their
 * total checked against the printed total, the EOB's figures, hard-to-read fields marked; buttons Confirm,
 * Fix a line, Drop a line, Type instead.
 */
export function readBillCard(content: ContentStore, draft: BillDraft, channelId: string): AdaptiveCard {
  const t = (key: string, vars?: Record<string, string | number>) => content.text(key, vars);
  const isEob = draft.kind === 'eob' || (draft.lines.length === 0 && draft.eob !== undefined);
  const body: CardElement[] = [
    text(t(isEob ? 'upload.card.titleEob' : 'upload.card.titleBill'), { weight: 'Bolder', size: 'Medium' }),
    text(t('upload.card.intro'), { isSubtle: true, spacing: 'None' }),
  ];
  if (draft.lines.length > 0) {
    // One TextBlock, so Markdown numbers the list 1, 2, 3 (a block per line would each restart at 1): the
    // numbers are the ones "Fix a line" and "Drop a line" ask for.
    body.push(text(draft.lines.map((line, i) => `${i + 1}. ${describeDraftLine(content, line)}`).join('\n'), { spacing: 'Small' }));
    body.push(text(totalsText(content, draft), { spacing: 'Medium' }));
  } else if (!isEob) {
    body.push(text(t('upload.card.noLines')));
  }
  const facts = eobFacts(content, draft);
  if (facts.length > 0) body.push(text(t('upload.card.eobTitle'), { weight: 'Bolder', spacing: 'Medium' }), { type: 'FactSet', facts });
  const anyUnsure = draft.lines.some((l) => l.unsure.length > 0) || (draft.eob?.unsure.length ?? 0) > 0;
  if (anyUnsure) body.push(text(t('upload.card.unsureNote'), { isSubtle: true }));
  const actions = READ_CARD_ACTIONS
    .filter((a) => draft.lines.length > 0 || (a !== 'fix' && a !== 'drop'))
    .map((a) => {
      const title = t(`upload.card.${a}`);
      return commandAction(title, readCardCommand(a), title, channelId);
    });
  return card(body, actions, t('upload.card.fallback'));
}
