/**
 * What the document tests share: their fixtures, a way to change the `document` details, catching
 * a refusal, a scratch folder for the CLI's files, and rendering one model as PDF and DOCX and
 * reading both back (read-back.ts does the reading).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { DocumentInputError } from '../../src/documents/errors.ts';
import type { DocumentModel } from '../../src/documents/model.ts';
import { flat, readBackDocx, readBackPdf } from './read-back.ts';

export const FIXTURES = join(import.meta.dirname, 'fixtures');

export type Input = Record<string, unknown>;

/** A fixture from fixtures/, typed as the test reads it. */
export const fixture = <T extends Input = Input>(name: string): T =>
  JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as T;

/** The input with some `document` details changed (`undefined` removes one). */
export function withDocument<T extends Input>(input: T, changes: Record<string, unknown>): T {
  const document = { ...(input.document as Record<string, unknown>), ...changes };
  for (const [k, v] of Object.entries(changes)) if (v === undefined) delete document[k];
  return { ...input, document };
}

export function refusalOf(f: () => unknown): DocumentInputError {
  try {
    f();
  } catch (err) {
    if (err instanceof DocumentInputError) return err;
    throw err;
  }
  throw new Error('expected a DocumentInputError');
}

/** A folder of its own under the system's temporary folder, removed after the tests around it. */
export function scratchDir(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `refugio-${name}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface ReadBack {
  /** Each PDF page's text through pdf.js, white space collapsed. */
  readonly pages: readonly string[];
  /** The DOCX's text, white space collapsed. */
  readonly docx: string;
}

/** Renders both formats, keeps them under test/artifacts/documents/, and reads them back. */
export async function renderBoth(model: DocumentModel, artifact: string): Promise<ReadBack> {
  const pdf = await readBackPdf(model, artifact);
  const docx = await readBackDocx(model, artifact);
  return { pages: pdf.pages.map(flat), docx: flat(docx.text) };
}
