/** `refugio document`, run as a user would: the real binary in a child process. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_KIND_NAMES, DOCUMENT_KINDS } from '../../src/documents/kinds/index.ts';
import { cliError, runCli } from '../cli/run-cli.ts';
import { docxText, docxXml, flat, pdfPages } from './read-back.ts';
import { FIXTURES, scratchDir } from './support.ts';

const letter = join(FIXTURES, 'withdrawal-letter.json');
const move = join(FIXTURES, 'change-of-address.json');
const courtCase = join(FIXTURES, 'court-case.json');
const dir = scratchDir('documents');

describe('refugio document', () => {
  it('writes a withdrawal letter as PDF and says where', async () => {
    const out = join(dir, 'letter.pdf');
    const r = runCli(['document', 'withdrawal-letter', letter, '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Wrote withdrawal-letter (PDF) to ${out}`);
    expect(r.stdout).toContain('not legal advice');
    const bytes = readFileSync(out);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const [page1] = await pdfPages(bytes);
    expect(flat(page1!)).toContain('José Núñez');
    expect(flat(page1!)).toContain('A012345678');
  });

  it('writes a change-of-address summary as DOCX, reading standard input, with a JSON report', () => {
    const out = join(dir, 'move.docx');
    const r = runCli(['document', 'change-of-address', '-', '--out', out, '--format', 'json'], {
      input: readFileSync(move, 'utf8'),
    });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(report).toMatchObject({ document: 'change-of-address', format: 'docx', out });
    const bytes = readFileSync(out);
    expect(report.bytes).toBe(bytes.length);
    const t = flat(docxText(docxXml(bytes)));
    expect(t).toContain('Аня Петрова');
    expect(t).toContain('Due by: Wednesday, November 25, 2026');
  });

  it('refuses a withdrawal letter for a case before the immigration court, naming why', () => {
    const r = runCli([
      'document',
      'withdrawal-letter',
      courtCase,
      '--out',
      join(dir, 'no.pdf'),
      '--format',
      'json',
    ]);
    expect(r.code).toBe(2);
    const error = cliError(r.stderr);
    expect(error.path).toBe('events');
    expect(error.message).toContain('immigration judge');
    expect(r.stdout).toBe('');
  });

  it.each([
    [['document', 'motion', letter, '--out', 'x.pdf'], /unknown document "motion"/],
    [
      ['document', 'withdrawal-letter', letter, '--out', 'x.txt'],
      /--out must end in \.pdf or \.docx, not \.txt/,
    ],
    [['document', 'withdrawal-letter', letter, '--out', 'x'], /--out must end in \.pdf or \.docx$/],
    [['document', 'withdrawal-letter', letter], /--out is required/],
    [['document', 'withdrawal-letter'], /usage: refugio document/],
    [['document', 'withdrawal-letter', join(dir, 'missing.json'), '--out', 'x.pdf'], /file not found/],
    [
      ['document', 'withdrawal-letter', letter, '--out', join(dir, 'no/such/dir/x.pdf')],
      /folder does not exist/,
    ],
  ])('exits 2 with a clear message for %j', (args, message) => {
    const r = runCli([...args, '--format', 'json']);
    expect(r.code).toBe(2);
    expect(cliError(r.stderr).message).toMatch(message);
  });

  it('exits 2 for bad details, pointing at the field without repeating the A-number', () => {
    const input = JSON.parse(readFileSync(letter, 'utf8')) as { document: Record<string, unknown> };
    input.document.aNumber = '98-7';
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(input));
    const r = runCli([
      'document',
      'withdrawal-letter',
      file,
      '--out',
      join(dir, 'bad.pdf'),
      '--format',
      'json',
    ]);
    expect(r.code).toBe(2);
    const error = cliError(r.stderr);
    expect(error.path).toBe('document.aNumber');
    expect(error.message).toMatch(/7 to 9 digits/);
    expect(r.stderr).not.toContain('98-7');
  });

  it('exits 2 for a name the PDF font cannot show, and writes it as DOCX', () => {
    const input = JSON.parse(readFileSync(letter, 'utf8')) as { document: Record<string, unknown> };
    input.document.name = '王伟';
    const file = join(dir, 'han.json');
    writeFileSync(file, JSON.stringify(input));
    const pdf = runCli(['document', 'withdrawal-letter', file, '--out', join(dir, 'han.pdf')]);
    expect(pdf.code).toBe(2);
    expect(pdf.stderr).toContain('"王" (U+738B)');
    const docx = runCli(['document', 'withdrawal-letter', file, '--out', join(dir, 'han.docx')]);
    expect(docx.code).toBe(0);
    expect(docxText(docxXml(readFileSync(join(dir, 'han.docx'))))).toContain('王伟');
  });

  it('is listed in --help', () => {
    expect(runCli(['--help']).stdout).toContain('refugio document KIND FILE|- --out');
  });

  it('lists every kind of document in --help, the exhibit packet too', () => {
    const help = runCli(['--help']).stdout;
    for (const kind of [...Object.keys(DOCUMENT_KINDS), 'exhibit-packet']) expect(help).toContain(kind);
    expect(DOCUMENT_KIND_NAMES).toEqual([...Object.keys(DOCUMENT_KINDS), 'exhibit-packet']);
  });
});
