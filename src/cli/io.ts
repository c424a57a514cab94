/** The CLI's edges: reading input, writing output, and the one error shape of the contract. */
import { readFile } from 'node:fs/promises';
import type { Readable, Writable } from 'node:stream';
import { FactsError } from '../core/index.ts';

export interface Streams {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
}

export type Format = 'text' | 'json' | 'ics';

/** A user error: exit code 2 with a message and, when known, the input path at fault. */
export class UsageError extends Error {
  readonly path: readonly (string | number)[];
  constructor(message: string, path: readonly (string | number)[] = []) {
    super(message);
    this.name = 'UsageError';
    this.path = path;
  }
}

export async function readInput(file: string, stdin: Readable): Promise<string> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    return Buffer.concat(chunks).toString('utf8');
  }
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`file not found: ${file}`);
    if (code === 'EISDIR') throw new UsageError(`${file} is a folder, not a file`);
    throw new UsageError(`cannot read ${file} (${code ?? 'unknown error'})`);
  }
}

export type Parsed =
  | { kind: 'single'; value: unknown }
  | { kind: 'ndjson'; lines: ({ ok: true; value: unknown } | { ok: false; error: ErrorBody })[] };

export interface ErrorBody {
  readonly message: string;
  readonly path: string;
}

function jsonErrorMessage(err: unknown): string {
  return `not valid JSON: ${(err as Error).message}`;
}

/** One JSON document, or NDJSON (one case per line) when the text is not one document. */
export function parseJsonOrNdjson(text: string): Parsed {
  if (text.trim() === '') throw new UsageError('the input is empty: expected a case-facts JSON document');
  try {
    return { kind: 'single', value: JSON.parse(text) };
  } catch (err) {
    const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
    if (lines.length < 2) throw new UsageError(jsonErrorMessage(err));
    return {
      kind: 'ndjson',
      lines: lines.map((line, i) => {
        try {
          return { ok: true as const, value: JSON.parse(line) };
        } catch (lineErr) {
          return {
            ok: false as const,
            error: { message: `line ${i + 1}: ${jsonErrorMessage(lineErr)}`, path: '' },
          };
        }
      }),
    };
  }
}

export function errorBody(err: unknown): ErrorBody {
  if (err instanceof FactsError || err instanceof UsageError)
    return { message: err.message, path: err.path.map(String).join('.') };
  if (err instanceof RangeError) return { message: err.message, path: '' };
  throw err;
}

export function writeError(streams: Streams, format: Format, err: unknown): number {
  const body = errorBody(err);
  if (format === 'json') streams.stderr.write(`${JSON.stringify({ error: body })}\n`);
  else streams.stderr.write(`refugio: ${body.message}${body.path ? ` (at ${body.path})` : ''}\n`);
  return 2;
}
