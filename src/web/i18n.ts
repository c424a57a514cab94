/**
 * Every word the web app shows goes through here: one locale folder per language under
 * src/content/locales/<lang>/ (the law core's messages and the app's own), loaded on demand so a
 * phone downloads only its language. Adding a language is adding its folder; right-to-left
 * languages get dir="rtl".
 */
import { formatMessage, localDate, type MessageSource, type Messages } from '../render/message-format.ts';

const LOADERS = import.meta.glob<Messages>('../content/locales/*/*.json', { import: 'default' });
const RTL = new Set(['ar', 'fa', 'he', 'ps', 'ur', 'yi', 'dv', 'ckb']);

/** The languages there are files for, English first. */
export const LANGUAGES: readonly string[] = [
  ...new Set(Object.keys(LOADERS).map((path) => path.split('/').at(-2)!)),
].sort((a, b) => (a === 'en' ? -1 : b === 'en' ? 1 : a.localeCompare(b)));

export function languageName(lang: string): string {
  return new Intl.DisplayNames([lang], { type: 'language' }).of(lang) ?? lang;
}

export function direction(lang: string): 'rtl' | 'ltr' {
  return RTL.has(lang.split('-')[0]!) ? 'rtl' : 'ltr';
}

/** The first screen's words (web.json) come first; the rest (the law core's, the pages', the team's) follow. */
export type Part = 'ui' | 'all';
const loaded = new Map<string, Promise<Messages>>();

function load(lang: string, part: Part): Promise<Messages> {
  const key = `${lang}/${part}`;
  let p = loaded.get(key);
  if (!p) {
    const files = Object.entries(LOADERS).filter(
      ([path]) => path.split('/').at(-2) === lang && (part === 'all' || path.endsWith('/web.json')),
    );
    p = Promise.all(files.map(([, loader]) => loader())).then((parts) => Object.assign({}, ...parts));
    loaded.set(key, p);
  }
  return p;
}

export interface Translator {
  readonly lang: string;
  /** Whether the law core's messages are loaded too (results, the workspace), not just the app's. */
  readonly complete: boolean;
  readonly dir: 'rtl' | 'ltr';
  t(code: string, params?: Record<string, string | number | boolean | null | undefined>): string;
  has(code: string): boolean;
  /** How a lawyer writes a citation; the id itself until the law's words are loaded. */
  citation(id: string): string;
  date(iso: string): string;
  number(n: number): string;
}

export async function translator(lang: string, part: Part = 'all'): Promise<Translator> {
  const chosen = LANGUAGES.includes(lang) ? lang : 'en';
  const [messages, fallback, labels] = await Promise.all([
    load(chosen, part),
    // English stands in for a missing word only once everything is loaded: every language has
    // every key (a test says so), and the first screen should not download two languages.
    part === 'all' || chosen === 'en' ? load('en', part) : load(chosen, part),
    // Citations come with the law's words: the first screen does not show any.
    part === 'all' ? import('../../law/citations.ts').then((m) => m.labelOfCitation) : undefined,
  ]);
  const source: MessageSource = {
    locale: chosen,
    messages,
    fallback,
    localDates: true,
    ...(labels ? { citationLabel: labels } : {}),
  };
  const numbers = new Intl.NumberFormat(chosen);
  return {
    lang: chosen,
    complete: part === 'all',
    dir: direction(chosen),
    t: (code, params = {}) => formatMessage(source, code, params),
    has: (code) => messages[code] !== undefined || fallback[code] !== undefined,
    citation: (id) => labels?.(id) ?? id,
    date: (iso) => localDate(iso, chosen),
    number: (n) => numbers.format(n),
  };
}

/** The language to start in: the one chosen before, else the browser's, else English. */
export function initialLanguage(saved: string | null, preferred: readonly string[]): string {
  if (saved && LANGUAGES.includes(saved)) return saved;
  for (const p of preferred) {
    const base = p.split('-')[0]!.toLowerCase();
    if (LANGUAGES.includes(base)) return base;
  }
  return 'en';
}
