/** Live deadlines as calendar events. Summaries name the deadline, never the person (8 CFR 208.6). */
import { citationLabel, type DeadlineReport, formatDate, type Step } from '../core/index.ts';
import { type CalendarEvent, renderCalendar } from './ics.ts';
import { renderStep } from './messages.ts';

export const REMINDER_DAYS = [14, 7, 3, 1] as const;

export interface CalendarWords {
  /** The words for a code (English by default; the web app passes the reader's language). */
  readonly say: (step: Step) => string;
  /** A stable id for the event, the same for the same deadline on every run. */
  readonly uid: (key: string) => string;
}

/** FNV-1a, twice with different seeds: a stable 16-hex-digit id that runs in the browser too. */
function stableId(key: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x811c9dc5) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

const ENGLISH_WORDS: CalendarWords = { say: (step) => renderStep(step), uid: stableId };

export function deadlinesCalendar(report: DeadlineReport, words: Partial<CalendarWords> = {}): string {
  const say = words.say ?? ENGLISH_WORDS.say;
  const uidOf = words.uid ?? stableId;
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
      const uid = uidOf(`${d.id}|${due}|${formatDate(d.trigger.date)}`);
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
