import type { ContentStore } from '../content/contentStore';
import { Case } from '../domain/case';
import { formatIsoDate } from '../domain/dates';
import { formatCents } from '../domain/money';
import { AdaptiveCard, card, commandAction, text } from './adaptiveCard';
import { escapeMarkdown } from './markdown';
import { progressLines } from './progress';
import { findingText } from './findingText';
import { FINDING_CODES, Finding } from '../domain/billCheck';
import { TextBlock } from './adaptiveCard';

type SavedFinding = NonNullable<Case['billCheck']>['findings'][number];
const isFinding = (f: SavedFinding): f is SavedFinding & Finding => (FINDING_CODES as readonly string[]).includes(f.code);

/** The call log in a line: how many calls, and how the latest one ended. */
function callsSummary(content: ContentStore, c: Case): TextBlock[] {
  const latest = [...c.calls].sort((a, b) => (a.date < b.date ? 1 : -1))[0];
  if (!latest) return [];
  return [
    text(
      content.text('card.calls', { count: c.calls.length, date: formatIsoDate(latest.date), outcome: content.text(`followUp.call.outcome.choices.${latest.outcome}`) }),
      { spacing: 'Medium' },
    ),
  ];
}

/** The numbers step 3 worked out, in a line each. */
function offerSummary(content: ContentStore, c: Case): TextBlock[] {
  const { lumpSum, plan } = c.offer;
  const lines: TextBlock[] = [];
  if (lumpSum) {
    lines.push(text(content.text('card.offer.lumpSum', { opening: formatCents(lumpSum.openingCents), target: formatCents(lumpSum.targetCents), ceiling: formatCents(lumpSum.ceilingCents) }), { spacing: 'Medium' }));
  }
  if (plan) lines.push(text(content.text('card.offer.plan', { monthly: formatCents(plan.monthlyCents), months: plan.months }), { spacing: lumpSum ? 'None' : 'Medium' }));
  return lines;
}

/** The saved bill check in a few lines: when it ran and the titles of its findings. */
function billCheckSummary(content: ContentStore, c: Case): TextBlock[] {
  if (!c.billCheck) return [];
  const findings = c.billCheck.findings.filter(isFinding);
  const heading = content.text(findings.length ? 'card.billCheck.some' : 'card.billCheck.clean', {
    count: findings.length,
    date: formatIsoDate(c.billCheck.checkedAt.slice(0, 10)),
  });
  return [
    text(heading, { weight: 'Bolder', spacing: 'Medium' }),
    ...findings.map((f) => text(`• ${findingText(content, f).title}`, { spacing: 'None' })),
  ];
}

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
  const check = billCheckSummary(content, active);
  const nextFollowUp = active.followUps.filter((f) => f.status === 'open').map((f) => f.due).sort()[0];
  const actions = [button('menu'), button('newCase')];
  if (caseCount > 1) actions.push(button('switchCase'));
  return card(
    [
      text(`${t('card.title')}: ${escapeMarkdown(active.label)}`, { weight: 'Bolder', size: 'Medium' }),
      { type: 'FactSet', facts },
      text(t('card.progressTitle'), { weight: 'Bolder', spacing: 'Medium' }),
      text(progress.join('\n'), { spacing: 'Small' }),
      ...check,
      ...offerSummary(content, active),
      ...callsSummary(content, active),
      ...(nextFollowUp ? [text(t('card.nextFollowUp', { date: formatIsoDate(nextFollowUp) }), { spacing: 'Medium' })] : []),
      ...(caseCount > 1 ? [text(t('card.otherCases', { count: caseCount - 1 }), { isSubtle: true })] : []),
    ],
    actions,
    `${t('card.title')}: ${active.label}`,
  );
}
