import type { Attachment } from 'botbuilder';

/**
 * A file the user can keep, sent inline as a data URL: Web Chat shows it as a download link. Plain text
 * (with light Markdown marks) opens on any phone, where .md files often do not.
 * (Teams needs its file-consent flow for real files; that channel gets the card and the chat text.)
 */
export function textFile(name: string, text: string): Attachment {
  return {
    contentType: 'text/plain',
    name,
    contentUrl: `data:text/plain;charset=utf-8;base64,${Buffer.from(text, 'utf8').toString('base64')}`,
  };
}

/** An iCalendar file (follow-ups): phone and desktop calendars open it and add the events. */
export function calendarFile(name: string, ics: string): Attachment {
  return {
    contentType: 'text/calendar',
    name,
    contentUrl: `data:text/calendar;charset=utf-8;base64,${Buffer.from(ics, 'utf8').toString('base64')}`,
  };
}
