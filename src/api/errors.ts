/**
 * One error shape for the whole API: `{ "error": { "code", "message", "details" } }`. Bad input is
 * always a 4xx; a 500 means a bug, and its message never carries what the user sent.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import * as z from 'zod';
import { FactsError } from '../core/index.ts';
import { DocumentInputError } from '../documents/errors.ts';
import { TrackerError } from '../tracker/case-service.ts';

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export function errorBody(code: string, message: string, details?: unknown) {
  return { error: { code, message, details: details ?? null } };
}

/** Zod issues as details: paths and codes only, never the rejected values. */
export function zodDetails(error: z.ZodError) {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), code: i.code, message: i.message }));
}

export function toResponse(c: Context, err: unknown, log: (err: unknown) => void) {
  if (err instanceof ApiError) return c.json(errorBody(err.code, err.message, err.details), err.status);
  if (err instanceof TrackerError) return c.json(errorBody(err.code, err.message, err.details), err.status);
  if (err instanceof FactsError) {
    return c.json(errorBody('invalid_facts', err.message, { path: err.path.join('.') }), 422);
  }
  if (err instanceof DocumentInputError) {
    // A document the case does not fit, or a detail it lacks: the message and path say which.
    return c.json(errorBody('invalid_document', err.message, { path: err.path.join('.') }), 422);
  }
  if (err instanceof z.ZodError)
    return c.json(errorBody('invalid_input', 'The request is not valid', zodDetails(err)), 400);
  log(err);
  return c.json(
    errorBody('internal', 'Something went wrong on our side; nothing you sent was lost or logged'),
    500,
  );
}
