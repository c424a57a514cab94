/** An answer in the reader's words, for the summary and the lawyer's page. */
import type { Translator } from './i18n.ts';
import { type Entry, type EventAnswer, NONE, UNKNOWN } from './interview.ts';

export function questionText(t: Translator, e: Entry): string {
  if (e.q === 'timeline.next' || e.q === 'timeline.arrival') {
    const v = e.value as EventAnswer | 'none';
    return v === NONE ? t.t('q.timeline.next.title') : t.t(`event.${v.type}`);
  }
  return t.t(`q.${e.q}.title`);
}

export function answerText(t: Translator, e: Entry): string {
  const v = e.value;
  if (v === UNKNOWN) return t.t('answer.unknown');
  if (e.q === 'timeline.next' || e.q === 'timeline.arrival') {
    if (v === NONE) return t.t('q.none');
    const a = v as EventAnswer;
    const details = Object.entries(a.details)
      .filter(([, x]) => x)
      .map(([k, x]) => (/^\d{4}-\d{2}-\d{2}$/.test(x) ? t.date(x) : t.t(`detail.${k}.${x}`)));
    return [t.date(a.date), ...details].join(' · ');
  }
  if (typeof v === 'boolean') return v ? t.t('q.yes') : t.t('q.no');
  if (typeof v === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return t.date(v);
    return t.has(`opt.${e.q}.${v}`) ? t.t(`opt.${e.q}.${v}`) : v;
  }
  if (Array.isArray(v)) {
    if (v.length === 0) return t.t('answer.none');
    return v
      .map((x) =>
        typeof x === 'object' && x !== null && 'category' in x
          ? t.t(`opt.criminalHistory.${(x as { category: string }).category}`)
          : t.t(`opt.${e.q}.${String(x)}`),
      )
      .join('; ');
  }
  if (typeof v === 'object' && v !== null) {
    const on = Object.entries(v)
      .filter(([, x]) => x === true)
      .map(([k]) => t.t(`q.${e.q}.${k}`));
    return on.length ? on.join('; ') : t.t('answer.none');
  }
  return String(v);
}
