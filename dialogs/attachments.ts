import type { Attachment } from 'botbuilder';
import { markdownToPlainText } from '../src/cards/plainText';

/**
 * A file the user can keep, sent inline as a data URL: Web Chat shows it as a download link. Plain text
 * opens on any phone, where .md files often do not.
 * (Teams needs its file-consent flow for real files; that channel gets the card and the chat text.)
 */
export function textFile(name: string, text: string): Attachment {
  return {
    contentType: 'text/plain',
    name,
    contentUrl: `data:text/plain;charset=utf-8;base64,${Buffer.from(text, 'utf8').toString('base64')}`,
  };
}

/**
 * A file made from the Markdown the chat shows (content texts, the user's words escaped with
 * `escapeMarkdown`), written as clean plain text: no `##`, `**` or `_`, the user's words as typed.
 */
export function textFileFromMarkdown(name: string, markdown: string): Attachment {
  return textFile(name, markdownToPlainText(markdown));
}

/** An iCalendar file (follow-ups): phone and desktop calendars open it and add the events. */
export function calendarFile(name: string, ics: string): Attachment {
  return {
    contentType: 'text/calendar',
    name,
    contentUrl: `data:text/calendar;charset=utf-8;base64,${Buffer.from(ics, 'utf8').toString('base64')}`,
  };
}
