import type { ContentStore } from '../../src/content/contentStore';
import { referenceWords } from '../../src/content/phrases';
import { escapeMarkdown } from '../../src/cards/markdown';
import { markdownToPlainText } from '../../src/cards/plainText';
import type { Case } from '../../src/domain/case';
import { formatIsoDate } from '../../src/domain/dates';
import { caseDeadlines } from '../../src/domain/deadlines';
import { escalationLadder } from '../../src/domain/escalation';
import { callReference } from '../../src/domain/caseStory';
import { letterKind, notesToThem } from '../../src/domain/confirmationLetter';
import { callsNewestFirst } from '../../src/domain/followUp';
import { followUpCalendar } from '../../src/domain/icsCalendar';
import { formatCents } from '../../src/domain/money';
import { owedAmount } from '../../src/domain/owedAmount';
import { hospitalContact } from '../../src/domain/callPlan';

/** The dates that matter, each with how certain it is and how far away. */
export function deadlinesMessage(content: ContentStore, c: Case, today: string): string {
  const deadlines = caseDeadlines(c, today);
  if (deadlines.length === 0) return content.text('followUp.deadlines.none');
  const days = (n: number) =>
    n === 0 ? content.text('followUp.deadlines.today') : n > 0 ? content.text('followUp.deadlines.daysLeft', { days: n }) : content.text('followUp.deadlines.passed', { days: -n });
  const lines = deadlines.map((d) =>
    content.text('followUp.deadlines.line', {
      date: formatIsoDate(d.date),
      what: content.text(`followUp.deadlines.what.${d.code}`),
      certainty: content.text(`followUp.deadlines.certainty.${d.certainty}`),
      days: days(d.daysLeft),
    }),
  );
  // A blank line ends the list: without it Markdown runs the disclaimer into the last date's line.
  return [content.text('followUp.deadlines.title', { caseLabel: escapeMarkdown(c.label) }), ...lines, '', content.text('followUp.deadlines.disclaimer')].join('\n');
}

/** The escalation ladder for this case, one rung per line, then the disclaimer. */
export function escalationMessage(content: ContentStore, c: Case): string {
  const steps = escalationLadder(c).map((step, i) => `${i + 1}. ${content.text(`followUp.stuck.steps.${step}`)}`);
  return [content.text('followUp.stuck.intro'), ...steps, '', content.text('callPrep.disclaimer')].join('\n');
}

/** Both figures when the bill is above what she owes (owedAmount), so the letter asks for the correction in writing. */
function owedLine(content: ContentStore, c: Case): string {
  const owed = owedAmount(c);
  if (owed.owedCents === undefined || owed.billCents === undefined) return '';
  const figures = { bill: formatCents(owed.billCents), owed: formatCents(owed.owedCents) };
  if (owed.basis === 'eob') return content.text('followUp.letter.owedLine.eob', figures);
  if (owed.basis === 'goodFaithEstimate') return content.text('followUp.letter.owedLine.goodFaithEstimate', figures);
  return '';
}

/**
 * A "confirming our call" letter from the newest logged call, or undefined when none is logged.
 * `escape` protects what the user typed when the letter is shown in the chat; the file keeps it as typed.
 */
export function confirmationLetter(content: ContentStore, c: Case, escape: (s: string) => string = (s) => s): string | undefined {
  const call = callsNewestFirst(c.calls)[0];
  if (!call) return undefined;
  const d = (key: string) => content.text(`followUp.letter.defaults.${key}`);
  const reference = callReference(call, referenceWords(content));
  const kind = `followUp.letter.kinds.${letterKind(call.outcome)}`;
  const notes = call.notes === undefined ? '' : notesToThem(call.notes);
  // Issue 23: the hospital she picked from CMS's list: its name and street address under "To:".
  const hospital = hospitalContact(c);
  return content.text('followUp.letter.body', {
    addressLine: hospital ? `\n${escape(hospital.address)}` : '',
    confirm: content.text(`${kind}.confirm`),
    ask: content.text(`${kind}.ask`),
    department: call.department === undefined ? d('department') : escape(call.department),
    provider: hospital ? escape(hospital.name) : c.provider.name === undefined ? d('provider') : escape(c.provider.name),
    callDate: formatIsoDate(call.date),
    who: call.who === undefined ? d('who') : escape(call.who),
    referenceLine: reference ? content.text('followUp.letter.referenceLine', { reference: escape(reference) }) : '',
    notes: notes === '' ? content.text(`${kind}.notes`) : escape(notes),
    owedLine: owedLine(content, c),
  });
}

/** An .ics file with the case's open follow-ups, or undefined when there are none. */
export function followUpIcs(content: ContentStore, c: Case, now: Date): string | undefined {
  const open = c.followUps.filter((f) => f.status === 'open');
  if (open.length === 0) return undefined;
  return followUpCalendar(
    open.map((f) => ({
      id: `${c.id}-${f.id}`,
      date: f.due,
      // Calendars show plain text: content's Markdown marks go, the case label stays as typed.
      title: markdownToPlainText(content.text('followUp.calendar.title', { caseLabel: escapeMarkdown(c.label) })).trim(),
      description: markdownToPlainText(`${content.text(`followUp.calendar.outcomes.${f.kind}`)}. ${content.text('followUp.calendar.description')}`).trim(),
    })),
    { productId: '-//Bill Coach//Follow-ups//EN', now },
  );
}
