import type { ContentStore } from '../../src/content/contentStore';
import { escapeMarkdown } from '../../src/cards/markdown';
import { formatIsoDate, formatIsoDateWithWeekday } from '../../src/domain/dates';
import { formatCents } from '../../src/domain/money';
import type { AmountAnswer, AmountPeriod } from '../../src/domain/numberReading';
import { US_STATES } from '../../src/domain/usStates';
import type { AnswerValue, Question } from './question';
import type { ReadAnswer } from './readAnswer';

const amountText = (content: ContentStore, cents: number, period: AmountPeriod | undefined): string =>
  period ? content.text('answers.amountPer', { amount: formatCents(cents), period: content.text(`answers.periods.${period}`) }) : formatCents(cents);

/** A stored answer in words: "$2,400", "March 3, 2026", "Employer plan", "Ohio". */
export function describeAnswer(content: ContentStore, prefix: string, question: Question, value: AnswerValue): string {
  switch (question.kind) {
    case 'money':
      return formatCents(Number(value));
    case 'pastDate':
    case 'anyDate':
      return formatIsoDate(String(value));
    case 'choice': {
      const key = `${prefix}.${question.id}.choices.${String(value)}`;
      return content.has(key) ? content.text(key) : String(value);
    }
    case 'state':
      return US_STATES[String(value)] ?? String(value);
    case 'count':
      return String(value);
    case 'text':
      return escapeMarkdown(String(value));
  }
}

function spoken(content: ContentStore, prefix: string, question: Question, answer: ReadAnswer): string {
  if (question.kind === 'pastDate' || question.kind === 'anyDate') return formatIsoDateWithWeekday(String(answer.value));
  if (question.kind === 'money' && answer.amount) return amountsText(content, answer.amount);
  return describeAnswer(content, prefix, question, answer.value);
}

function amountsText(content: ContentStore, amount: AmountAnswer): string {
  const main = amountText(content, amount.cents, amount.period);
  const others = amount.others.map((o) => amountText(content, o.cents, o.period ?? undefined));
  return [main, ...others].join(content.text('answers.and'));
}

/**
 * What the bot understood, said back when it was inferred from words ("yesterday", "about 40k a year",
 * "through my job"): "Got it: Tuesday, December 1, 2026." A question may word it its own way (`<prefix>.<id>.sayBack`).
 */
export function sayBack(content: ContentStore, prefix: string, question: Question, answer: ReadAnswer): string | undefined {
  if (!answer.inferred) return undefined;
  const value = spoken(content, prefix, question, answer);
  const own = `${prefix}.${question.id}.sayBack`;
  return content.text(content.has(own) ? own : 'answers.sayBack', { value });
}
