/** The `deadlines` report for a person to read in a terminal. */
import { citationLabel, type DeadlineReport, formatDate } from '../core/index.ts';
import { renderStep } from './messages.ts';

const say = (code: string, params: Record<string, string | number> = {}) => renderStep({ code, params });

export function deadlinesText(report: DeadlineReport): string {
  const out: string[] = [];
  out.push(`Deadlines as of ${formatDate(report.asOf)}`);
  out.push(`Where the case stands: ${say(`posture.${report.posture.posture}`)}`);
  out.push('');
  if (report.deadlines.length === 0) out.push('No deadline can be computed from these events.');
  for (const d of report.deadlines) {
    const due = formatDate(d.due);
    const left = d.due - report.asOf;
    const when =
      d.status === 'met'
        ? 'done'
        : d.status === 'passed'
          ? d.kind === 'earliest'
            ? 'date reached'
            : 'PASSED'
          : d.kind === 'earliest'
            ? `in ${left} day${left === 1 ? '' : 's'}`
            : left === 0
              ? 'TODAY is the last day'
              : `${left} day${left === 1 ? '' : 's'} left`;
    out.push(`${d.kind === 'earliest' ? 'From' : 'By'} ${due}  ${say(`deadline.${d.id}`)}  [${when}]`);
    for (const s of d.steps) out.push(`    ${renderStep(s)}`);
    for (const n of d.notes) out.push(`    Note: ${renderStep(n)}`);
    out.push(`    Authority: ${d.authority.map(citationLabel).join('; ')}`);
    out.push('');
  }
  const later = report.notTriggered.filter((n) => n.reason.startsWith('awaits.'));
  for (const n of report.notTriggered) {
    if (!later.includes(n)) out.push(`Not computed (${n.id}): ${renderStep({ code: n.reason, params: {} })}`);
  }
  if (later.length) out.push('Later, if it happens:');
  for (const n of later)
    out.push(`  - ${say(`deadline.${n.id}`)}: ${renderStep({ code: n.reason, params: {} })}`);
  if (later.length) out.push('');
  for (const w of report.warnings) out.push(`* ${renderStep(w)}`);
  return `${out.join('\n')}\n`;
}
