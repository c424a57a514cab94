/**
 * Turns the core's codes and parameters into sentences (ICU MessageFormat). The core never emits
 * English; every word a person reads comes from a locale file here.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { CITATIONS, type CitationId } from '../../law/citations.ts';
import core from '../content/locales/en/core.json' with { type: 'json' };
import relief from '../content/locales/en/relief.json' with { type: 'json' };
import type { Step } from '../core/index.ts';

export type Messages = Readonly<Record<string, string>>;
const english: Messages = { ...core, ...relief };
export const LOCALES: Readonly<Record<string, Messages>> = { en: english };

const compiled = new Map<string, IntlMessageFormat>();

function isCitationId(value: unknown): value is CitationId {
  return typeof value === 'string' && Object.hasOwn(CITATIONS, value);
}

/** The sentence for a step; an unknown code is a bug, so it throws rather than print a code. */
export function renderStep(step: Step, locale = 'en'): string {
  const messages = LOCALES[locale] ?? english;
  const key = `${locale}:${step.code}`;
  let format = compiled.get(key);
  if (!format) {
    const source = messages[step.code] ?? english[step.code];
    if (source === undefined) throw new Error(`no message for code ${step.code}`);
    format = new IntlMessageFormat(source, locale);
    compiled.set(key, format);
  }
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(step.params)) {
    if (name === 'authority' && isCitationId(value)) params[name] = CITATIONS[value].label;
    else if (name === 'grounds' && typeof value === 'string') {
      // The core lists protected grounds as ids; each has its own words.
      params[name] = value
        .split(', ')
        .map((g) => messages[`ground.${g}`] ?? english[`ground.${g}`] ?? g)
        .join(', ');
    } else params[name] = value;
  }
  return String(format.format(params));
}
