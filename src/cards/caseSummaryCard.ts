import type { ContentStore } from '../content/contentStore';
import { referenceWords } from '../content/phrases';
import { Case } from '../domain/case';
import { callReference, caseTimeline, timelineAroundToday, type TimelineEntry } from '../domain/caseStory';
import { formatIsoDate, type IsoDate } from '../domain/dates';
import { formatCents } from '../domain/money';
import { owedAmount } from '../domain/owedAmount';
import { hospitalName, hospitalPlace } from '../domain/hospital';
import { nonprofitSource } from '../domain/hospitalCase';
import { AdaptiveCard, SubmitAction, card, commandAction, text } from './adaptiveCard';
import { escapeMarkdown } from './markdown';
import { progressLines } from './progress';
import { findingText } from './findingText';
import { FINDING_CODES, Finding } from '../domain/billCheck';
import { TextBlock } from './adaptiveCard';

type SavedFinding = NonNullable<Case['billCheck']>['findings'][number];
const isFinding = (f: SavedFinding): f is SavedFinding & Finding => (FINDING_CODES as readonly string[]).includes(f.code);

export interface CaseSummaryOptions {
  /** How many cases the user has (a "switch case" button when more than one). */
  caseCount: number;
  channelId: string;
  /** The user's today: what the timeline shows is the latest of what happened and the nearest of what comes. */
  today: IsoDate;
  /** Ends the card with "What next?" (the menu waits for the answer, its buttons come with the card). */
  whatNext?: boolean;
}

/** Findings the card names at most (a phone screen and a half holds the card); step 1 shows them all. */
const FINDINGS_SHOWN = 3;

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
  const date = formatIsoDate(c.billCheck.checkedAt.slice(0, 10));
  const heading =
    findings.length === 0
      ? content.text('card.billCheck.clean', { date })
      : findings.length === 1
        ? content.text('card.billCheck.one', { date })
        : content.text('card.billCheck.some', { date, count: findings.length });
  const listed = findings.slice(0, FINDINGS_SHOWN);
  const more = findings.length - listed.length;
  return [
    text(heading, { weight: 'Bolder', spacing: 'Medium' }),
    ...listed.map((f) => text(`• ${findingText(content, f).title}`, { spacing: 'None' })),
    ...(more > 0 ? [text(content.text('card.billCheck.more', { count: more }), { spacing: 'None', isSubtle: true })] : []),
  ];
}

/** "with Ana (Billing)": who the user spoke with, as far as they said. */
function callWith(content: ContentStore, who: string | undefined, department: string | undefined): string {
  if (who && department) return content.text('card.timeline.withBoth', { who, department });
  const one = who ?? department;
  return one ? content.text('card.timeline.with', { who: one }) : '';
}

/**
 * One timeline entry as a line. `escape` protects what the user typed (names, departments,
 * references) when the line is shown in the card; the file keeps it as typed.
 */
function timelineLine(content: ContentStore, entry: TimelineEntry, escape: (s: string) => string): string {
  const date = formatIsoDate(entry.date);
  switch (entry.kind) {
    case 'call': {
      const { call } = entry;
      const reference = callReference(call, referenceWords(content));
      return content.text('card.timeline.call', {
        date,
        with: callWith(content, call.who === undefined ? undefined : escape(call.who), call.department === undefined ? undefined : escape(call.department)),
        reference: reference ? content.text('card.timeline.reference', { reference: escape(reference) }) : '',
        outcome: content.text(`followUp.call.outcome.choices.${call.outcome}`),
      });
    }
    case 'followUp':
      return content.text('card.timeline.followUp', { date, what: content.text(`followUp.calendar.outcomes.${entry.followUp.kind}`) });
    case 'deadline': {
      const { certainty, code } = entry.deadline;
      return content.text('card.timeline.deadline', {
        date,
        what: content.text(`card.timeline.deadlines.${code}`),
        certainty: certainty === 'rule' ? '' : content.text(`card.timeline.certainty.${certainty}`),
      });
    }
  }
}

/** The timeline in the card: the latest few entries, and where the rest are. */
function timelineSummary(content: ContentStore, c: Case, today: IsoDate): TextBlock[] {
  const entries = caseTimeline(c, today);
  if (entries.length === 0) return [];
  const { shown, hidden } = timelineAroundToday(entries, today);
  return [
    text(content.text('card.timeline.title'), { weight: 'Bolder', spacing: 'Medium' }),
    text(shown.map((e) => `- ${timelineLine(content, e, escapeMarkdown)}`).join('\n'), { spacing: 'Small' }),
    ...(hidden > 0 ? [text(content.text('card.timeline.more', { shown: shown.length, total: entries.length }), { isSubtle: true, spacing: 'Small' })] : []),
  ];
}

/** What she owes beside the bill, when the EOB or the Good Faith Estimate says less (owedAmount): the figure every step uses. */
function owedFact(content: ContentStore, c: Case): { title: string; value: string }[] {
  const owed = owedAmount(c);
  if (owed.owedCents === undefined) return [];
  if (owed.basis === 'eob') return [{ title: content.text('card.facts.owed'), value: content.text('card.owed.eob', { owed: formatCents(owed.owedCents) }) }];
  if (owed.basis === 'goodFaithEstimate') return [{ title: content.text('card.facts.owed'), value: content.text('card.owed.goodFaithEstimate', { owed: formatCents(owed.owedCents) }) }];
  return [];
}

/** The hospital she picked from CMS's list (issue 23), and the nonprofit answer it gave, with where it came from. */
function hospitalFacts(content: ContentStore, c: Case): { title: string; value: string }[] {
  const h = c.provider.kind === 'hospital' ? c.hospital : undefined;
  if (!h) return [];
  const source = nonprofitSource(c);
  return [
    { title: content.text('card.facts.hospital'), value: content.text('card.hospital', { name: hospitalName(h), place: hospitalPlace(h), phone: h.phone }) },
    ...(source && c.provider.nonprofit
      ? [{ title: content.text('card.facts.nonprofit'), value: content.text('card.nonprofitFromCms', { answer: content.text(`card.yesNoUnsure.${c.provider.nonprofit}`), source: content.text(`intake.hospital.cms.${source}`) }) }]
      : []),
  ];
}

/**
 * The whole timeline as a plain-text file, when the card shows only part of it (undefined when the
 * card shows it all). Plain text: no Markdown marks, what the user typed kept as typed.
 */
export function caseTimelineFile(content: ContentStore, c: Case, today: IsoDate): { name: string; text: string } | undefined {
  const entries = caseTimeline(c, today);
  if (timelineAroundToday(entries, today).hidden === 0) return undefined;
  const lines = [
    content.text('card.timeline.file.heading', { caseLabel: c.label }),
    '',
    ...entries.map((e) => `- ${timelineLine(content, e, (s) => s)}`),
    '',
    content.text('card.timeline.file.made', { date: formatIsoDate(today) }),
  ];
  return { name: content.text('card.timeline.file.name'), text: `${lines.join('\n')}\n` };
}

/**
 * A button the coach's commands answer: in Web Chat its data is `{ command }` (nothing typed is
 * shown), in Teams a messageBack carrying the same command.
 */
function commandButton(content: ContentStore, command: 'changeAnswer' | 'deleteCase', channelId: string): SubmitAction {
  const title = content.text(`card.actions.${command}`);
  if (channelId === 'msteams') return commandAction(title, command, title, channelId);
  return { type: 'Action.Submit', title, data: { command } };
}

/** "My case": what the coach knows about the active bill, its story so far and how far the journey has come. */
export function caseSummaryCard(content: ContentStore, active: Case | undefined, options: CaseSummaryOptions): AdaptiveCard {
  const { caseCount, channelId, today } = options;
  const t = (key: string, vars?: Record<string, string | number>) => content.text(key, vars);
  const button = (command: 'menu' | 'newCase' | 'switchCase') =>
    commandAction(t(`card.actions.${command}`), command, content.list(`commands.${command}`)[0] ?? command, channelId);
  const whatNext = options.whatNext ? [text(t('card.whatNext'), { weight: 'Bolder', spacing: 'Medium' })] : [];
  if (!active) {
    return card(
      [text(t('card.title'), { weight: 'Bolder', size: 'Medium' }), text(t('card.none')), ...whatNext],
      [button('newCase'), button('menu')],
      t('card.none'),
    );
  }
  const missing = t('card.notEntered');
  const date = (value: string | undefined) => (value ? formatIsoDate(value) : missing);
  const facts = [
    { title: t('card.facts.provider'), value: escapeMarkdown(active.provider.name ?? active.label) },
    ...hospitalFacts(content, active),
    { title: t('card.facts.balance'), value: active.balanceCents === undefined ? missing : formatCents(active.balanceCents) },
    ...owedFact(content, active),
    { title: t('card.facts.serviceDate'), value: date(active.serviceDate) },
    { title: t('card.facts.firstBillDate'), value: date(active.firstBillDate) },
    { title: t('card.facts.dueDate'), value: date(active.dueDate) },
    { title: t('card.facts.insurance'), value: active.insurance ? t(`card.insurance.${active.insurance}`) : missing },
    { title: t('card.facts.collections'), value: active.inCollections ? t(`card.yesNoUnsure.${active.inCollections}`) : missing },
    { title: t('card.facts.updated'), value: formatIsoDate(active.updatedAt.slice(0, 10)) },
  ];
  const actions = [commandButton(content, 'changeAnswer', channelId), commandButton(content, 'deleteCase', channelId), button('menu'), button('newCase')];
  if (caseCount > 1) actions.push(button('switchCase'));
  return card(
    [
      text(`${t('card.title')}: ${escapeMarkdown(active.label)}`, { weight: 'Bolder', size: 'Medium' }),
      { type: 'FactSet', facts },
      text(t('card.progressTitle'), { weight: 'Bolder', spacing: 'Medium' }),
      text(progressLines(content, active).join('\n'), { spacing: 'Small' }),
      ...billCheckSummary(content, active),
      ...offerSummary(content, active),
      ...timelineSummary(content, active, today),
      ...(caseCount > 1 ? [text(t('card.otherCases', { count: caseCount - 1 }), { isSubtle: true })] : []),
      ...whatNext,
    ],
    actions,
    `${t('card.title')}: ${active.label}`,
  );
}
