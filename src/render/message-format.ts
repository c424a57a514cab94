/**
 * One way to turn a code and its parameters into words, for the server (messages.ts, English) and
 * the browser (src/web/i18n.ts, every language, loaded on demand). ICU MessageFormat; a citation id
 * becomes its label (through the caller's `citationLabel`), protected grounds their words, and in the browser ISO dates and weekday names
 * are written the reader's way.
 */
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';

/** A message is ICU MessageFormat text, or its syntax tree when the build parsed it ahead of time. */
export type Message = string | MessageFormatElement[];
export type Messages = Readonly<Record<string, Message>>;
export type Params = Readonly<Record<string, string | number | boolean | null | undefined>>;

export interface MessageSource {
  readonly locale: string;
  readonly messages: Messages;
  /** Where a missing key is looked up before it is an error: English. */
  readonly fallback: Messages;
  /** Write ISO dates and weekday names in the locale (the CLI keeps ISO dates, a contract). */
  readonly localDates?: boolean;
  /**
   * How a lawyer writes a citation, by its id (law/citations.ts). Given by the caller, so the
   * browser's first screen need not carry every citation: it loads them with the law's words.
   */
  readonly citationLabel?: (id: string) => string | undefined;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const compiled = new WeakMap<Messages, Map<string, IntlMessageFormat>>();

/** A calendar date in the reader's words. UTC on both sides, so no time zone can move the day. */
export function localDate(iso: string, locale: string, style: 'long' | 'medium' = 'long'): string {
  const m = ISO_DATE.exec(iso);
  if (!m) return iso;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Intl.DateTimeFormat(locale, { dateStyle: style, timeZone: 'UTC' }).format(ms);
}

function localWeekday(english: string, locale: string): string {
  const i = WEEKDAYS.indexOf(english);
  if (i < 0) return english;
  // 2024-01-07 was a Sunday.
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(
    Date.UTC(2024, 0, 7 + i),
  );
}

/** The message that names an event type (`eventName.*`) or a deadline (`deadline.*`), if there is one. */
function namedCode(source: MessageSource, param: 'event' | 'id', value: string): string | undefined {
  const code = param === 'event' ? `eventName.${value}` : `deadline.${value}`;
  return hasMessage(source, code) ? code : undefined;
}

export function hasMessage(source: MessageSource, code: string): boolean {
  return source.messages[code] !== undefined || source.fallback[code] !== undefined;
}

/** The words for a code; an unknown code is a bug, so it throws rather than show a code. */
export function formatMessage(source: MessageSource, code: string, params: Params = {}): string {
  const { locale, messages, fallback } = source;
  const own = messages[code];
  const text = own ?? fallback[code];
  if (text === undefined) throw new Error(`no message for code ${code}`);
  const lang = own !== undefined ? locale : 'en';
  const dictionary = own !== undefined ? messages : fallback;
  let formats = compiled.get(dictionary);
  if (!formats) {
    formats = new Map();
    compiled.set(dictionary, formats);
  }
  let format = formats.get(code);
  if (!format) {
    format = new IntlMessageFormat(text, lang);
    formats.set(code, format);
  }
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    if (value === null || value === undefined) continue;
    const citation =
      name === 'authority' && typeof value === 'string' ? source.citationLabel?.(value) : undefined;
    if (citation !== undefined) values[name] = citation;
    else if (name === 'grounds' && typeof value === 'string') {
      // The core lists protected grounds as ids; each has its own words.
      values[name] = value
        .split(', ')
        .map((g) => (hasMessage(source, `ground.${g}`) ? formatMessage(source, `ground.${g}`) : g))
        .join(', ');
    } else if ((name === 'event' || name === 'id') && typeof value === 'string') {
      // An event type or a deadline id is a code; the reader gets its words where there are some.
      const named = namedCode(source, name, value);
      values[name] = named ? formatMessage(source, named) : value;
    } else if (source.localDates && typeof value === 'string' && ISO_DATE.test(value)) {
      values[name] = localDate(value, lang);
    } else if (source.localDates && name === 'weekday' && typeof value === 'string') {
      values[name] = localWeekday(value, lang);
    } else values[name] = typeof value === 'boolean' ? String(value) : value;
  }
  return String(format.format(values));
}
