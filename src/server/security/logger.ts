/**
 * The server's logger: pino (JSON lines), made unable to write personal data (8 CFR 208.6).
 *
 * - Log objects and child bindings pass through `redact` paths and a deep `scrub`
 *   (log-redaction.ts): names, A-numbers, birth dates, addresses, narratives, notes, screening
 *   answers, bodies, query strings, credentials and cookies come out as "[redacted]".
 * - Errors come out as `safeError` (name, code, stack frames), never with their message: pino
 *   would otherwise copy `err.message` into the line's `msg`, and messages quote input.
 * - printf-style arguments are dropped (`log.info('saved %s', name)` writes "saved %s"): data
 *   belongs in the object, where redaction sees it. Messages should be constant strings; a message
 *   built by concatenation is the one leak this module cannot stop.
 * - Do not bind a logger `name` (pino's option): `name` is a redacted key; use `component`.
 */
import { type DestinationStream, type Level, type Logger, pino } from 'pino';
import { CENSORED, censor, redactPaths, scrub } from './log-redaction.ts';
import { safeError } from './safe-error.ts';

export { type SafeError, safeError } from './safe-error.ts';

export interface LoggerOptions {
  readonly level?: Level | 'silent';
  /** Where lines go; standard output when absent. Tests pass an object with `write(line)`. */
  readonly destination?: DestinationStream;
}

/** The log call's arguments as pino should see them: one scrubbed object and a constant message. */
function saferArguments(args: unknown[]): [] | [object] | [object, string] | [string] {
  const [first, second] = args;
  if (args.length === 0) return [];
  if (typeof first === 'string') return [first];
  const object = first instanceof Error ? { err: safeError(first) } : (scrub(first) as object);
  const safeObject = object !== null && typeof object === 'object' ? object : { value: CENSORED };
  return typeof second === 'string' ? [safeObject, second] : [safeObject];
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const settings = {
    level: options.level ?? 'info',
    redact: { paths: redactPaths(), censor },
    serializers: { err: (err: unknown) => (err instanceof Error ? safeError(err) : err) },
    formatters: {
      bindings: (bindings: Record<string, unknown>) => scrub(bindings) as Record<string, unknown>,
    },
    hooks: {
      logMethod(this: Logger, args: unknown[], method: (...a: unknown[]) => void) {
        method.apply(this, saferArguments(args));
      },
    },
  };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}
