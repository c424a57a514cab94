/**
 * Turns the core's codes and parameters into English sentences for the CLI, the API and documents.
 * The core never emits English; every word a person reads comes from a locale file. The web app
 * loads the other languages itself (src/web/i18n.ts) through the same formatMessage.
 */
import { labelOfCitation } from '../../law/citations.ts';
import core from '../content/locales/en/core.json' with { type: 'json' };
import relief from '../content/locales/en/relief.json' with { type: 'json' };
import type { Step } from '../core/index.ts';
import { formatMessage, type MessageSource, type Messages } from './message-format.ts';

export type { Messages };

const english: Messages = { ...core, ...relief };
export const LOCALES: Readonly<Record<string, Messages>> = { en: english };
const ENGLISH: MessageSource = {
  locale: 'en',
  messages: english,
  fallback: english,
  citationLabel: labelOfCitation,
};

/** The sentence for a step; an unknown code is a bug, so it throws rather than print a code. */
export function renderStep(step: Step, locale = 'en'): string {
  const messages = LOCALES[locale];
  return formatMessage(
    messages ? { locale, messages, fallback: english, citationLabel: labelOfCitation } : ENGLISH,
    step.code,
    step.params,
  );
}
