/**
 * What the tests of the court filings share: their fixtures, a way to change the `document`
 * details, catching a refusal, and rendering one model as PDF and DOCX and reading both back.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderDocx } from '../../src/documents/docx.ts';
import { DocumentInputError } from '../../src/documents/errors.ts';
import type { DocumentModel } from '../../src/documents/model.ts';
import { renderPdf } from '../../src/documents/pdf.ts';
import { docxText, docxXml, flat, keepArtifact, pdfPages } from './read-back.ts';

export const FIXTURES = join(import.meta.dirname, 'fixtures');

export type Input = Record<string, unknown>;

export const fixture = (name: string): Input =>
  JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as Input;

/** The input with some `document` details changed (`undefined` removes one). */
export function withDocument(input: Input, changes: Record<string, unknown>): Input {
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

export interface ReadBack {
  /** Each PDF page's text through pdf.js, white space collapsed. */
  readonly pages: readonly string[];
  /** The DOCX's text, white space collapsed. */
  readonly docx: string;
}

/** Renders both formats, keeps them under test/artifacts/documents/, and reads them back. */
export async function renderBoth(model: DocumentModel, artifact: string): Promise<ReadBack> {
  const pdf = await renderPdf(model);
  const docx = await renderDocx(model);
  keepArtifact(`${artifact}.pdf`, pdf);
  keepArtifact(`${artifact}.docx`, docx);
  return { pages: (await pdfPages(pdf)).map(flat), docx: flat(docxText(docxXml(docx))) };
}
