import type { ContentStore } from '../content/contentStore';
import type { BillCheckResult } from '../domain/billCheck';
import type { Case } from '../domain/case';
import { formatIsoDate } from '../domain/dates';
import { CHECK_DOCUMENTS, documentState, leverageFacts } from './billCheckCard';
import { medicareFact, medicareHeading } from './billCheckPrices';
import { findingText } from './findingText';
import { escapeMarkdown } from './markdown';

/** The bill check as Markdown (the user's words escaped), for the file the user keeps: the same content as the card. */
export function billCheckMarkdown(content: ContentStore, c: Case, result: BillCheckResult, today: string): string {
  const t = (key: string, vars?: Record<string, string | number>) => content.text(key, vars);
  const out: string[] = [`# ${t('checkCard.title', { caseLabel: escapeMarkdown(c.label) })}`, '', result.clean ? content.text('findings.clean') : t('checkCard.summary.some', { count: result.findings.length }), ''];
  for (const finding of result.findings) {
    const f = findingText(content, finding);
    out.push(`## ${f.title}`, '', `_${f.severity}_`, '', f.meaning, '');
    if (f.deadline) out.push(f.deadline, '');
    out.push(`${t('checkCard.say')} "${f.say}"`, '');
    if (f.next) out.push(f.next, '');
    if (f.sources.length) out.push(`${t('checkCard.sourceLabel')} ${f.sources.join('; ')}`, '');
  }
  if (c.medicare && c.medicare.lines.length > 0) {
    const heading = medicareHeading(content, c.medicare);
    out.push(`## ${escapeMarkdown(heading.title)}`, '');
    for (const line of c.medicare.lines) {
      const fact = medicareFact(content, line);
      out.push(`- ${fact.title}: ${fact.value}`);
    }
    out.push('', heading.note, '');
  }
  out.push(`## ${t('checkCard.documentsTitle')}`, '');
  for (const doc of CHECK_DOCUMENTS(c)) out.push(`- ${t(`checkCard.documents.${doc}`)}: ${t(`checkCard.states.${documentState(c, doc)}`)}`);
  out.push('', `## ${t('checkCard.leverageTitle')}`, '');
  const leverage = leverageFacts(content, result);
  if (leverage.length) leverage.forEach((row) => out.push(`- ${row.title}: ${row.value}`));
  else out.push(t('checkCard.leverage.none'));
  out.push('', `${t('checkCard.checkedOn', { date: formatIsoDate(today) })} ${content.text('findings.disclaimer')}`, '');
  return out.join('\n');
}
