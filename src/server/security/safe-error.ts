/**
 * What of an error may be logged. Messages often quote input ("invalid A-number A012345678",
 * JSON.parse's `"José..." is not valid JSON`, a database's "Key (email)=(...) already exists"),
 * so they are never kept: only the error's name, its code and its stack frames, which name code,
 * not data. Applies to causes too, a few levels down.
 */

export interface SafeError {
  /** The error's name ("TypeError"); not called `name`, which log redaction hides everywhere. */
  readonly type: string;
  readonly code?: string;
  /** `at function (file:line:column)` lines only; the stack's first lines repeat the message. */
  readonly frames: readonly string[];
  readonly cause?: SafeError;
}

const NAME = /^[A-Za-z_$][\w$.]{0,63}$/;
const CODE = /^[A-Za-z0-9_.-]{1,64}$/; // ENOENT, ERR_FIELD_INTEGRITY, PostgreSQL's 23505
const MAX_FRAMES = 12;
const MAX_CAUSES = 3;

export function safeError(err: unknown, depth = 0): SafeError {
  // A thrown string or object may be the input itself: record only that it was not an Error.
  if (!(err instanceof Error)) return { type: 'NonError', frames: [] };
  const name = typeof err.name === 'string' && NAME.test(err.name) ? err.name : 'Error';
  const rawCode = (err as { code?: unknown }).code;
  const code =
    (typeof rawCode === 'string' || typeof rawCode === 'number') && CODE.test(String(rawCode))
      ? String(rawCode)
      : undefined;
  const frames = (typeof err.stack === 'string' ? err.stack.split('\n') : [])
    .filter((line) => /^\s+at\s/.test(line))
    .slice(0, MAX_FRAMES)
    .map((line) => line.trim());
  const cause = err.cause !== undefined && depth < MAX_CAUSES ? safeError(err.cause, depth + 1) : undefined;
  return { type: name, ...(code ? { code } : {}), frames, ...(cause ? { cause } : {}) };
}
