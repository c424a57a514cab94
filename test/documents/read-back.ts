/**
 * Reading back what the document adapters wrote, as an outside reader would: PDF text through
 * pdf.js (a devDependency, always there) and through poppler's `pdftotext` when the machine has it;
 * DOCX through its `word/document.xml`, unzipped with Node's zlib. Page PNGs for reviewers come from
 * `pdftoppm` when the machine has it (test/artifacts/, gitignored). `readBackPdf` and
 * `readBackDocx` do it all for a model: render, keep the file, read it back.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { renderDocx } from '../../src/documents/docx.ts';
import type { DocumentModel } from '../../src/documents/model.ts';
import { renderPdf } from '../../src/documents/pdf.ts';

export const ARTIFACTS = join(import.meta.dirname, '../artifacts/documents');

function has(tool: string): boolean {
  return spawnSync(tool, ['-v'], { encoding: 'utf8' }).error === undefined;
}
export const HAS_PDFTOTEXT = has('pdftotext');
export const HAS_PDFTOPPM = has('pdftoppm');

/** Text in NFC with runs of white space as one space: wrapped lines read as one sentence. */
export function flat(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** The text of each page, through pdf.js. Fails, never skips, when no extractor can be loaded. */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  let pdfjs: typeof import('pdfjs-dist/legacy/build/pdf.mjs');
  try {
    pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  } catch (err) {
    throw new Error(
      `cannot read PDF text: pdfjs-dist (a devDependency) did not load (${(err as Error).message}); run npm ci`,
    );
  }
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    let text = '';
    for (const item of content.items) {
      if (!('str' in item)) continue;
      text += item.str + (item.hasEOL ? '\n' : '');
    }
    pages.push(text.normalize('NFC'));
  }
  await doc.destroy();
  return pages;
}

/** The text of a PDF file through poppler's pdftotext, or null when the machine does not have it. */
export function pdftotext(path: string): string | null {
  if (!HAS_PDFTOTEXT) return null;
  const r = spawnSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`);
  return r.stdout.normalize('NFC');
}

/** Page sizes in points, through pdf-lib. */
export async function pageSizes(bytes: Uint8Array): Promise<{ width: number; height: number }[]> {
  const doc = await PDFDocument.load(bytes);
  return doc.getPages().map((p) => p.getSize());
}

/** The names of the fonts whose glyphs are embedded in the file (FontFile2: TrueType), sorted. */
export async function embeddedFonts(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes);
  const names: string[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict)) continue;
    if (object.get(PDFName.of('Type')) !== PDFName.of('FontDescriptor')) continue;
    if (object.get(PDFName.of('FontFile2')) === undefined) continue;
    names.push(String(object.get(PDFName.of('FontName'))).replace(/^\//, ''));
  }
  return names.sort();
}

/** Writes a file under test/artifacts/documents/ and, for a PDF with pdftoppm at hand, page PNGs. */
export function keepArtifact(name: string, bytes: Uint8Array): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, name);
  writeFileSync(path, bytes);
  if (name.endsWith('.pdf') && HAS_PDFTOPPM) {
    const r = spawnSync('pdftoppm', ['-r', '80', '-png', path, path.replace(/\.pdf$/, '')]);
    if (r.status !== 0) throw new Error(`pdftoppm failed: ${r.stderr}`);
  }
  return path;
}

/** One file out of a ZIP archive (a DOCX), using the central directory as the format intends. */
export function unzipEntry(zip: Uint8Array, name: string): Buffer {
  const buf = Buffer.from(zip);
  // End of central directory: signature 0x06054b50 within the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a ZIP file: no end of central directory');
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error('bad ZIP central directory');
    const method = buf.readUInt16LE(at + 10);
    const compressedSize = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const localHeader = buf.readUInt32LE(at + 42);
    const entryName = buf.toString('utf8', at + 46, at + 46 + nameLength);
    if (entryName === name) {
      const localNameLength = buf.readUInt16LE(localHeader + 26);
      const localExtraLength = buf.readUInt16LE(localHeader + 28);
      const start = localHeader + 30 + localNameLength + localExtraLength;
      const data = buf.subarray(start, start + compressedSize);
      if (method === 0) return Buffer.from(data);
      if (method === 8) return inflateRawSync(data);
      throw new Error(`unsupported ZIP compression method ${method}`);
    }
    at += 46 + nameLength + extraLength + commentLength;
  }
  throw new Error(`${name} is not in the archive`);
}

export function docxXml(bytes: Uint8Array): string {
  return unzipEntry(bytes, 'word/document.xml').toString('utf8');
}

/** The text of word/document.xml: each paragraph on its own line, tabs and breaks as spaces. */
export function docxText(xml: string): string {
  const paragraphs = xml.split('</w:p>').map((p) => {
    let text = '';
    for (const m of p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(tab|br)\b[^>]*\/>/g))
      text += m[1] !== undefined ? m[1] : ' ';
    return text
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  });
  return paragraphs.join('\n').normalize('NFC');
}

export interface PdfReadBack {
  readonly bytes: Uint8Array;
  /** Each page's text through pdf.js, as `pdfPages` gives it. */
  readonly pages: string[];
  /** The whole text through poppler's pdftotext, or null when the machine does not have it. */
  readonly poppler: string | null;
}

/** Renders the model as PDF, keeps it as test/artifacts/documents/<artifact>.pdf, and reads it back. */
export async function readBackPdf(model: DocumentModel, artifact: string): Promise<PdfReadBack> {
  const bytes = await renderPdf(model);
  const file = keepArtifact(`${artifact}.pdf`, bytes);
  return { bytes, pages: await pdfPages(bytes), poppler: pdftotext(file) };
}

export interface DocxReadBack {
  readonly bytes: Uint8Array;
  /** word/document.xml. */
  readonly xml: string;
  /** Its text, as `docxText` gives it. */
  readonly text: string;
}

/** Renders the model as DOCX, keeps it as test/artifacts/documents/<artifact>.docx, and reads it back. */
export async function readBackDocx(model: DocumentModel, artifact: string): Promise<DocxReadBack> {
  const bytes = await renderDocx(model);
  keepArtifact(`${artifact}.docx`, bytes);
  const xml = docxXml(bytes);
  return { bytes, xml, text: docxText(xml) };
}
