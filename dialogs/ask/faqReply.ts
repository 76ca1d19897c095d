import { Activity, MessageFactory } from 'botbuilder';
import type { ContentStore } from '../../src/content/contentStore';
import type { FaqEntry } from '../../src/domain/faq';

/** A vetted answer with its source and review date, and the "not advice" note. */
export function faqReply(content: ContentStore, entry: FaqEntry): string {
  return content.text('ask.answer', { answer: entry.answer, source: entry.source, reviewed: entry.reviewed });
}

/** The closest questions as buttons (pressing one asks it). */
export function suggestionsReply(content: ContentStore, entries: readonly FaqEntry[], lead = content.text('ask.suggestions')): Partial<Activity> {
  return MessageFactory.suggestedActions(entries.map((e) => e.question), lead);
}
