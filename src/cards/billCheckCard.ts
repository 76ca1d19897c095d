import type { ContentStore } from '../content/contentStore';
import type { BillCheckResult } from '../domain/billCheck';
import type { Case } from '../domain/case';
import { formatIsoDate } from '../domain/dates';
import { DOCUMENT_STATES, DocumentName } from '../domain/gatherModel';
import { formatCents } from '../domain/money';
import { AdaptiveCard, CardAction, CardElement, card, detailsOnDemand, text } from './adaptiveCard';
import { medicareFact, medicareHeading } from './billCheckPrices';
import { findingText } from './findingText';
import { escapeMarkdown } from './markdown';

export const CHECK_DOCUMENTS = (c: Case): DocumentName[] =>
  c.insurance === 'uninsured' ? ['itemizedBill', 'goodFaithEstimate', 'medicalRecords'] : ['itemizedBill', 'eob', 'medicalRecords'];

export function documentState(c: Case, doc: DocumentName): (typeof DOCUMENT_STATES)[number] | 'unknown' {
  const state = c.documents[doc] as (typeof DOCUMENT_STATES)[number] | undefined;
  return state ?? 'unknown';
}

export function leverageFacts(content: ContentStore, result: BillCheckResult): { title: string; value: string }[] {
  const { overEobCents, overComparableCents, notReceivedCents, overFairPriceCents } = result.leverage;
  const rows: [string, number | undefined][] = [['overEob', overEobCents], ['overComparable', overComparableCents], ['overFairPrice', overFairPriceCents], ['notReceived', notReceivedCents]];
  return rows.filter(([, v]) => v !== undefined && v > 0).map(([k, v]) => ({ title: content.text(`checkCard.leverage.${k}`), value: formatCents(v ?? 0) }));
}

/** What Medicare pays for each coded line in her area, against the charge (issue 22); nothing when the bill was not priced. */
export function medicareSection(content: ContentStore, c: Case): CardElement[] {
  const medicare = c.medicare;
  if (!medicare || medicare.lines.length === 0) return [];
  const heading = medicareHeading(content, medicare);
  return [
    text(escapeMarkdown(heading.title), { weight: 'Bolder', spacing: 'Medium' }),
    { type: 'FactSet', facts: medicare.lines.map((line) => medicareFact(content, line)) },
    text(heading.note, { isSubtle: true, size: 'Small', spacing: 'None' }),
  ];
}

/** Findings shown in full on the card; the rest are named, and everything opens on demand. */
export const FINDINGS_IN_FULL = 2;

/**
 * The "bill check" card: findings (most important first), a documents checklist, the leverage figures.
 * At phone size it stays short: the first FINDINGS_IN_FULL findings in full, the others by title, and
 * what Medicare pays for each coded line, what to do next, the sources and the other findings in full
 * behind "See the details" (the file has everything too).
 */
export function billCheckCard(content: ContentStore, c: Case, result: BillCheckResult, today: string): AdaptiveCard<CardAction> {
  const t = (key: string, vars?: Record<string, string | number>) => content.text(key, vars);
  const body: CardElement[] = [
    text(t('checkCard.title', { caseLabel: escapeMarkdown(c.label) }), { weight: 'Bolder', size: 'Medium' }),
    ...(result.clean ? [] : [text(t('checkCard.summary.some', { count: result.findings.length }), { isSubtle: true, spacing: 'None' })]),
  ];
  if (result.clean) body.push(text(content.text('findings.clean')));
  const details: CardElement[] = [];
  result.findings.forEach((finding, i) => {
    const f = findingText(content, finding);
    const heading = [text(`**${f.title}**`, { spacing: 'Medium' }), text(f.severity, { isSubtle: true, spacing: 'None', size: 'Small' })];
    const words = [text(f.meaning), ...(f.deadline ? [text(f.deadline)] : []), text(`${t('checkCard.say')} _"${f.say}"_`)];
    const more = [...(f.next ? [text(f.next)] : []), ...(f.sources.length ? [text(`${t('checkCard.sourceLabel')} ${f.sources.join('; ')}`, { isSubtle: true, size: 'Small', spacing: 'None' })] : [])];
    if (i < FINDINGS_IN_FULL) {
      body.push(...heading, ...words);
      if (more.length) details.push(text(`**${f.title}**`, { spacing: 'Medium' }), ...more);
    } else {
      body.push(...heading);
      details.push(...heading, ...words, ...more);
    }
  });
  body.push(text(t('checkCard.documentsTitle'), { weight: 'Bolder', spacing: 'Medium' }), {
    type: 'FactSet',
    facts: CHECK_DOCUMENTS(c).map((doc) => ({ title: t(`checkCard.documents.${doc}`), value: t(`checkCard.states.${documentState(c, doc)}`) })),
  });
  const leverage = leverageFacts(content, result);
  body.push(text(t('checkCard.leverageTitle'), { weight: 'Bolder', spacing: 'Medium' }));
  body.push(leverage.length ? { type: 'FactSet', facts: leverage } : text(t('checkCard.leverage.none'), { isSubtle: true }));
  body.push(text(`${t('checkCard.checkedOn', { date: formatIsoDate(today) })} ${content.text('findings.disclaimer')}`, { isSubtle: true, size: 'Small', spacing: 'Medium' }));
  // What Medicare pays for each line opens with the details: its findings and the leverage row argue from it on
  // the card itself, and a FactSet of long lines would push the card past 1.5 phone screens.
  details.unshift(...medicareSection(content, c));
  // Only the details button: the menu's own buttons follow the card.
  const actions = details.length ? [detailsOnDemand(t('checkCard.showDetails'), details)] : [];
  return card<CardAction>(body, actions, t('checkCard.title', { caseLabel: c.label }));
}
