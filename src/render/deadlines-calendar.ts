/** Live deadlines as calendar events. Summaries name the deadline, never the person (8 CFR 208.6). */
import { createHash } from 'node:crypto';
import { citationLabel, type DeadlineReport, formatDate, type Step } from '../core/index.ts';
import { type CalendarEvent, renderCalendar } from './ics.ts';
import { renderStep } from './messages.ts';

export const REMINDER_DAYS = [14, 7, 3, 1] as const;

export interface CalendarWords {
  /** The words for a code (English by default; the web app passes the reader's language). */
  readonly say: (step: Step) => string;
  /** A stable id for the event; the server hashes, the browser has no node:crypto. */
  readonly uid: (key: string) => string;
}

const SERVER: CalendarWords = {
  say: (step) => renderStep(step),
  uid: (key) => createHash('sha256').update(key).digest('hex').slice(0, 32),
};

export function deadlinesCalendar(report: DeadlineReport, words: CalendarWords = SERVER): string {
  const say = words.say;
  const events: CalendarEvent[] = report.deadlines
    .filter((d) => d.status === 'upcoming')
    .map((d) => {
      const title = say({ code: `deadline.${d.id}`, params: {} });
      const due = formatDate(d.due);
      const lead = say({
        code: d.kind === 'earliest' ? 'calendar.on_or_after' : 'calendar.due',
        params: { date: due },
      });
      const description = [
        lead,
        ...d.steps.map(say),
        ...d.notes.map(say),
        say({ code: 'calendar.authority', params: { labels: d.authority.map(citationLabel).join('; ') } }),
        say({ code: 'disclaimer.legal_information', params: {} }),
      ].join('\n');
      const uid = words.uid(`${d.id}|${due}|${formatDate(d.trigger.date)}`);
      return {
        uid: `${uid}@refugio`,
        date: due,
        summary: d.kind === 'earliest' ? say({ code: 'calendar.from_this_day', params: { title } }) : title,
        description,
        remindDaysBefore: d.kind === 'deadline' ? REMINDER_DAYS.filter((n) => d.due - report.asOf >= n) : [],
      };
    });
  return renderCalendar(events, formatDate(report.asOf));
}
