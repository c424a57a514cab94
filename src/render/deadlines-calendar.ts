/** Live deadlines as calendar events. Summaries name the deadline, never the person (8 CFR 208.6). */
import { createHash } from 'node:crypto';
import { citationLabel, type DeadlineReport, formatDate } from '../core/index.ts';
import { type CalendarEvent, renderCalendar } from './ics.ts';
import { renderStep } from './messages.ts';

export const REMINDER_DAYS = [14, 7, 3, 1] as const;

export function deadlinesCalendar(report: DeadlineReport): string {
  const events: CalendarEvent[] = report.deadlines
    .filter((d) => d.status === 'upcoming')
    .map((d) => {
      const title = renderStep({ code: `deadline.${d.id}`, params: {} });
      const due = formatDate(d.due);
      const lead = d.kind === 'earliest' ? `On or after ${due}` : `Due ${due}`;
      const description = [
        lead,
        ...d.steps.map((s) => renderStep(s)),
        ...d.notes.map((s) => renderStep(s)),
        `Authority: ${d.authority.map(citationLabel).join('; ')}`,
        renderStep({ code: 'disclaimer.legal_information', params: {} }),
      ].join('\n');
      const uid = createHash('sha256')
        .update(`${d.id}|${due}|${formatDate(d.trigger.date)}`)
        .digest('hex')
        .slice(0, 32);
      return {
        uid: `${uid}@refugio`,
        date: due,
        summary: d.kind === 'earliest' ? `${title} (from this day)` : title,
        description,
        remindDaysBefore: d.kind === 'deadline' ? REMINDER_DAYS.filter((n) => d.due - report.asOf >= n) : [],
      };
    });
  return renderCalendar(events, formatDate(report.asOf));
}
