/** The assessment for a person to read in a terminal: where things stand, what to do, by when. */
import type { Assessment } from '../core/assess.ts';
import { citationLabel, formatDate } from '../core/index.ts';
import { deadlinesText } from './deadlines-text.ts';
import { renderStep } from './messages.ts';

const say = (code: string, params: Record<string, string | number> = {}) => renderStep({ code, params });
const STATUS_WORDS = {
  likely: 'LIKELY',
  possible: 'POSSIBLE',
  needs_more_facts: 'NEED MORE FACTS',
  not_available: 'NOT AVAILABLE',
  barred: 'BARRED',
} as const;

export function assessmentText(a: Assessment): string {
  const out: string[] = [
    deadlinesText({ ...a.report, deadlines: a.deadlines, warnings: [] }).trimEnd(),
    '',
    'OPTIONS',
  ];
  for (const r of a.relief) {
    out.push(`  [${STATUS_WORDS[r.status]}] ${say(`relief.${r.id}.name`)}`);
    for (const reason of r.reasons) {
      const cite = reason.authority.length ? ` (${reason.authority.map(citationLabel).join('; ')})` : '';
      out.push(`      - ${say(reason.code, reason.params)}${cite}`);
    }
  }
  out.push('', 'NEXT STEPS');
  a.nextSteps.forEach((step, i) => {
    const by = step.deadline
      ? ` — ${step.deadline.kind === 'earliest' ? 'from' : 'by'} ${formatDate(step.deadline.due)}`
      : '';
    out.push(`  ${i + 1}. ${say(`step.${step.id}`)}${by}`);
  });
  if (a.evidence.length) {
    out.push('', 'EVIDENCE TO GATHER');
    for (const e of a.evidence)
      out.push(
        `  - ${say(`evidence.${e.item}`)} (${say(`relief.${e.relief}.name`)}): ${say(`evidence.${e.item}.why`)}`,
      );
  }
  if (a.withdrawal) {
    out.push('', 'WITHDRAWING THE ASYLUM APPLICATION');
    for (const s of [...a.withdrawal.steps, ...a.withdrawal.warnings, ...a.withdrawal.alternatives])
      out.push(`  - ${say(s.code)}`);
  }
  if (a.missingFacts.length)
    out.push('', `Questions that would change the results: ${a.missingFacts.join(', ')}`);
  out.push('');
  for (const w of a.warnings) out.push(`* ${renderStep(w)}`);
  return `${out.join('\n')}\n`;
}
