import type { ContentStore } from '../content/contentStore';
import { Case } from '../domain/case';
import { formatIsoDate } from '../domain/dates';
import { formatCents } from '../domain/money';
import { AdaptiveCard, card, commandAction, text } from './adaptiveCard';
import { escapeMarkdown } from './markdown';
import { progressLines } from './progress';

/** "My case": what the coach knows about the active bill and how far the journey has come. */
export function caseSummaryCard(content: ContentStore, active: Case | undefined, caseCount: number, channelId: string): AdaptiveCard {
  const t = (key: string, vars?: Record<string, string | number>) => content.text(key, vars);
  const button = (command: 'menu' | 'newCase' | 'switchCase') =>
    commandAction(t(`card.actions.${command}`), command, content.list(`commands.${command}`)[0] ?? command, channelId);
  if (!active) {
    return card(
      [text(t('card.title'), { weight: 'Bolder', size: 'Medium' }), text(t('card.none'))],
      [button('newCase'), button('menu')],
      t('card.none'),
    );
  }
  const missing = t('card.notEntered');
  const date = (value: string | undefined) => (value ? formatIsoDate(value) : missing);
  const facts = [
    { title: t('card.facts.provider'), value: escapeMarkdown(active.provider.name ?? active.label) },
    { title: t('card.facts.balance'), value: active.balanceCents === undefined ? missing : formatCents(active.balanceCents) },
    { title: t('card.facts.serviceDate'), value: date(active.serviceDate) },
    { title: t('card.facts.firstBillDate'), value: date(active.firstBillDate) },
    { title: t('card.facts.dueDate'), value: date(active.dueDate) },
    { title: t('card.facts.insurance'), value: active.insurance ? t(`card.insurance.${active.insurance}`) : missing },
    { title: t('card.facts.collections'), value: active.inCollections ? t(`card.yesNoUnsure.${active.inCollections}`) : missing },
    { title: t('card.facts.updated'), value: formatIsoDate(active.updatedAt.slice(0, 10)) },
  ];
  const progress = progressLines(content, active);
  const actions = [button('menu'), button('newCase')];
  if (caseCount > 1) actions.push(button('switchCase'));
  return card(
    [
      text(`${t('card.title')}: ${escapeMarkdown(active.label)}`, { weight: 'Bolder', size: 'Medium' }),
      { type: 'FactSet', facts },
      text(t('card.progressTitle'), { weight: 'Bolder', spacing: 'Medium' }),
      ...progress.map((line) => text(line, { spacing: 'None' })),
      ...(caseCount > 1 ? [text(t('card.otherCases', { count: caseCount - 1 }), { isSubtle: true })] : []),
    ],
    actions,
    `${t('card.title')}: ${active.label}`,
  );
}
