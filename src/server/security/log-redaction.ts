/**
 * Which log fields may carry personal data, and how they are hidden. Asylum information is
 * confidential (8 CFR 208.6) and logs are copied, shipped and kept far more loosely than the
 * database, so a log line must never hold a name, an A-number, a birth date, an address, a
 * narrative, a note, screening answers, credentials or search terms.
 *
 * Two layers, because either alone has gaps:
 * - pino's `redact` paths (below), applied by pino itself to log objects and child bindings, for
 *   these keys at the top level and up to three levels down (`*.*.*.name`: `req.body.person.name`);
 * - `scrub`, a deep walk run on every log object, which also catches deeper nesting and other
 *   spellings (`Name`, `A-Number`, `date_of_birth`) and replaces Error objects by `safeError`.
 */
import { safeError } from './safe-error.ts';

/** Field names that may hold personal data or secrets, in the spellings the code uses. */
export const SENSITIVE_KEYS = [
  // identity
  'name',
  'names',
  'firstName',
  'middleName',
  'lastName',
  'fullName',
  'givenName',
  'familyName',
  'surname',
  'otherNames',
  'aliases',
  'aNumber',
  'a_number',
  'alienNumber',
  'receiptNumber',
  'passportNumber',
  'ssn',
  'birthDate',
  'birth_date',
  'dateOfBirth',
  'date_of_birth',
  'dob',
  'placeOfBirth',
  'countryOfNationality',
  // contact
  'address',
  'addresses',
  'email',
  'phone',
  // the case itself
  'person',
  'people',
  'applicant',
  'client',
  'narrative',
  'declaration',
  'screening',
  'answers',
  'facts',
  'notes',
  'note',
  'body',
  'event',
  'events',
  // requests: search terms and route parameters can be names or A-numbers
  'params',
  'query',
  'q',
  'search',
  // credentials
  'password',
  'passwordHash',
  'password_hash',
  'token',
  'tokens',
  'csrfToken',
  'apiKey',
  'secret',
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-csrf-token',
  'x-api-key',
] as const;

/** Request URLs keep their path (case ids are not personal) and lose their query string. */
const URL_KEYS = ['url', 'originalUrl'] as const;

export const CENSORED = '[redacted]';

/** How deep `redact` paths reach: `name`, `*.name`, `*.*.name`, `*.*.*.name`. */
const PATH_DEPTH = 4;

const segment = (key: string) => (/^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`);

export function redactPaths(): string[] {
  const paths: string[] = [];
  for (const key of [...SENSITIVE_KEYS, ...URL_KEYS]) {
    for (let depth = 0; depth < PATH_DEPTH; depth++) {
      const seg = segment(key);
      const prefix = '*'.repeat(depth).split('').join('.');
      paths.push(depth === 0 ? seg : seg.startsWith('[') ? `${prefix}${seg}` : `${prefix}.${seg}`);
    }
  }
  return paths;
}

/** `aNumber`, `a_number`, `A-Number` are one key: compare without case or separators. */
const fold = (key: string) => key.toLowerCase().replace(/[^a-z0-9]/g, '');
const SENSITIVE = new Set<string>(SENSITIVE_KEYS.map(fold));
const URLS = new Set<string>(URL_KEYS.map(fold));

function stripQuery(value: unknown): unknown {
  return typeof value === 'string' ? value.replace(/\?.*$/s, `?${CENSORED}`) : CENSORED;
}

/** pino's censor: whole value hidden, except URLs, which keep their path. */
export function censor(value: unknown, path: string[]): unknown {
  const key = path[path.length - 1] ?? '';
  return URLS.has(fold(key)) ? stripQuery(value) : CENSORED;
}

const MAX_DEPTH = 8;

/** A copy of a log object with sensitive keys censored at any depth; the original is untouched. */
export function scrub(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (value instanceof Error) return safeError(value);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[too deep]';
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => scrub(item, depth + 1, seen));
    // Dates, buffers, maps...: their JSON form is not a plain record; keep them only when harmless.
    if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null)
      return value instanceof Date ? value : `[${value.constructor?.name ?? 'object'}]`;
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const folded = fold(key);
      out[key] = SENSITIVE.has(folded)
        ? CENSORED
        : URLS.has(folded)
          ? stripQuery(item)
          : scrub(item, depth + 1, seen);
    }
    return out;
  } finally {
    seen.delete(value);
  }
}
