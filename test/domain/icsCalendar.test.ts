import ical, { type CalendarResponse, type VEvent } from 'node-ical';
import { followUpCalendar, type CalendarEvent } from '../../src/domain/icsCalendar';

const OPTIONS = { productId: '-//Bill Coach//Follow-ups//EN', now: new Date('2026-01-02T15:04:05Z') };

/** Titles and descriptions come from content in the product; these stand in for them. */
const FOLLOW_UPS: CalendarEvent[] = [
  { id: 'case-1-F1', date: '2026-01-09', title: 'Call Mercy General about the itemized bill', description: 'Ask whether it was mailed.' },
  { id: 'case-1-F2', date: '2026-01-26', title: 'Check on the assistance application', description: 'Reference number from the last call.' },
];

/** node-ical gives an all-day date as local midnight; read it back as YYYY-MM-DD in the same zone. */
const localDate = (d: Date | undefined) =>
  d === undefined ? undefined : `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

function events(calendar: CalendarResponse): VEvent[] {
  return Object.values(calendar).filter((c): c is VEvent => c !== undefined && c.type === 'VEVENT');
}

function parsed(file: string): VEvent[] {
  return events(ical.sync.parseICS(file));
}

function eventFor(file: string, id: string): VEvent {
  const event = parsed(file).find((e) => e.uid === `${id}@bill-coach`);
  if (!event) throw new Error(`no event ${id} in the calendar`);
  return event;
}

describe('the follow-up calendar file', () => {
  it('reads back in a calendar app: one all-day event a follow-up, with its title, notes and stable id', () => {
    const file = followUpCalendar(FOLLOW_UPS, OPTIONS);
    expect(parsed(file).map((e) => [e.uid, localDate(e.start), localDate(e.end), e.datetype, e.summary, e.description])).toEqual([
      ['case-1-F1@bill-coach', '2026-01-09', '2026-01-10', 'date', FOLLOW_UPS[0]?.title, FOLLOW_UPS[0]?.description],
      ['case-1-F2@bill-coach', '2026-01-26', '2026-01-27', 'date', FOLLOW_UPS[1]?.title, FOLLOW_UPS[1]?.description],
    ]);
    expect(eventFor(file, 'case-1-F1').dtstamp.toISOString()).toBe('2026-01-02T15:04:05.000Z');
  });

  it('reminds the user at 9:00 on the day itself (9 hours after the all-day start)', () => {
    const file = followUpCalendar(FOLLOW_UPS, OPTIONS);
    expect(eventFor(file, 'case-1-F1').alarms).toEqual([
      expect.objectContaining({ type: 'VALARM', action: 'DISPLAY', trigger: 'PT9H', description: FOLLOW_UPS[0]?.title }),
    ]);
  });

  it('writes date-only start and end, CRLF line endings and our product id', () => {
    const file = followUpCalendar(FOLLOW_UPS.slice(0, 1), OPTIONS);
    const lines = file.split('\r\n');
    expect(file.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(file.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(lines).toEqual(expect.arrayContaining([
      'PRODID:-//Bill Coach//Follow-ups//EN', 'UID:case-1-F1@bill-coach', 'DTSTART;VALUE=DATE:20260109', 'DTEND;VALUE=DATE:20260110',
      'DTSTAMP:20260102T150405Z', 'BEGIN:VALARM', 'ACTION:DISPLAY', 'TRIGGER:PT9H',
    ]));
  });

  it.each([
    ['the year end', '2026-12-31', '2027-01-01'],
    ['the day before a leap day', '2028-02-28', '2028-02-29'],
    ['a leap day', '2028-02-29', '2028-03-01'],
    ['the end of a 30-day month', '2026-04-30', '2026-05-01'],
  ])('an event on %s ends the next day', (_what, date, end) => {
    const file = followUpCalendar([{ id: 'F1', date, title: 'Follow up', description: 'x' }], OPTIONS);
    const event = eventFor(file, 'F1');
    expect([localDate(event.start), localDate(event.end)]).toEqual([date, end]);
  });

  it('keeps commas, semicolons, backslashes, emoji and line breaks in titles and notes', () => {
    const title = 'Call back: Mercy, billing; ref #A\\12 📞✅\nask for Dana';
    const description = 'Line one, with a comma;\nline two 🙂\r\nline three: C:\\bills\\mercy';
    const file = followUpCalendar([{ id: 'F1', date: '2026-01-09', title, description }], OPTIONS);
    const event = eventFor(file, 'F1');
    expect(event.summary).toBe(title);
    expect(event.description).toBe(description.replace(/\r\n/g, '\n'));
    expect(event.alarms?.[0]?.description).toBe(title);
  });

  it('escapes text as RFC 5545 says (a backslash before an "n" stays a backslash, not a line break)', () => {
    // node-ical reads `\\n` back as a line break, so this one is checked on the raw text.
    const file = followUpCalendar([{ id: 'F1', date: '2026-01-09', title: 'a\\n, b; c\nd', description: 'd' }], OPTIONS);
    const lines = file.split('\r\n');
    expect(lines).toContain('SUMMARY:a\\\\n\\, b\\; c\\nd');
    expect(lines).toContain('DESCRIPTION:a\\\\n\\, b\\; c\\nd'); // the reminder's text, escaped the same way
  });

  it('folds a long title with emoji without breaking it', () => {
    const title = `${'Ask about the duplicate CT charge 🧾, and the lab fee; '.repeat(4)}end`;
    const file = followUpCalendar([{ id: 'F1', date: '2026-01-09', title, description: title }], OPTIONS);
    expect(file.split('\r\n').every((line) => [...line].length <= 75)).toBe(true);
    expect(eventFor(file, 'F1').summary).toBe(title);
  });

  it('is the same file for the same follow-ups: re-importing it updates events instead of duplicating them', () => {
    expect(followUpCalendar(FOLLOW_UPS, OPTIONS)).toBe(followUpCalendar(FOLLOW_UPS, OPTIONS));
  });

  it('refuses to make an empty calendar or an event on an impossible date', () => {
    expect(() => followUpCalendar([], OPTIONS)).toThrow(RangeError);
    expect(() => followUpCalendar([{ id: 'F1', date: '2026-02-30', title: 't', description: 'd' }], OPTIONS)).toThrow(/F1.*2026-02-30/);
    expect(() => followUpCalendar(FOLLOW_UPS, { ...OPTIONS, now: new Date('not a date') })).toThrow(RangeError);
  });

  it('says what the ics package rejected', () => {
    expect(() => followUpCalendar(FOLLOW_UPS, { ...OPTIONS, now: new Date('1969-12-31T00:00:00Z') }))
      .toThrow(/ics package could not make the calendar: timestamp must be greater than or equal to 0/);
  });
});
