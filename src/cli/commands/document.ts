/**
 * `refugio document KIND FILE|- --out FILE.pdf|FILE.docx`: prepares a document from a case and the
 * person's details, and writes it. Loaded on demand, and the PDF and DOCX libraries only when one
 * is written, so the other commands never pay for them.
 */
import { writeFile } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import { DocumentInputError } from '../../documents/errors.ts';
import { DOCUMENT_KIND_NAMES, DOCUMENT_KINDS, EXHIBIT_PACKET } from '../../documents/kinds/index.ts';
import { parseCommandArgs } from '../args.ts';
import { parseJsonOrNdjson, readInput, type Streams, UsageError } from '../io.ts';

const USAGE = `usage: refugio document ${DOCUMENT_KIND_NAMES.join('|')} FILE|- --out FILE.pdf|FILE.docx [--format text|json]`;

export async function documentCommand(argv: string[], streams: Streams): Promise<number> {
  const args = parseCommandArgs(argv, ['text', 'json'], { out: { type: 'string' } });
  const [kind, file, ...rest] = args.positionals;
  if (kind === undefined || file === undefined) throw new UsageError(USAGE);
  if (rest.length > 0) throw new UsageError(`unexpected argument: ${rest[0]}`);
  if (!DOCUMENT_KIND_NAMES.includes(kind))
    throw new UsageError(`unknown document "${kind}"; one of: ${DOCUMENT_KIND_NAMES.join(', ')}`);
  const out = args.values.out;
  if (typeof out !== 'string' || out === '')
    throw new UsageError('--out is required: the file to write, ending in .pdf or .docx');
  const ext = extname(out).toLowerCase();
  if (ext !== '.pdf' && ext !== '.docx')
    throw new UsageError(`--out must end in .pdf or .docx${ext ? `, not ${ext}` : ''}`);
  const format = ext === '.pdf' ? 'pdf' : 'docx';
  if (kind === EXHIBIT_PACKET && format !== 'pdf')
    throw new UsageError(
      'an exhibit packet is made only as a PDF (it merges PDF files and photos): --out must end in .pdf',
    );

  const parsed = parseJsonOrNdjson(await readInput(file, streams.stdin));
  if (parsed.kind !== 'single') throw new UsageError('document takes one case, not NDJSON');
  let bytes: Uint8Array;
  let pages: number | undefined;
  let explanationPages: number | undefined;
  try {
    if (kind === EXHIBIT_PACKET) {
      // Not a model to draw but files to merge, named relative to the input file's folder.
      const base = file === '-' ? process.cwd() : dirname(resolve(file));
      ({ bytes, pages, explanationPages } = await (await import('../exhibit-files.ts')).makeExhibitPacket(
        parsed.value,
        base,
      ));
    } else {
      const { renderDocument } = await import('../../documents/render.ts');
      bytes = await renderDocument(DOCUMENT_KINDS[kind]!(parsed.value), format);
    }
  } catch (err) {
    if (err instanceof DocumentInputError) throw new UsageError(err.message, err.path);
    throw err;
  }
  const path = resolve(out);
  try {
    await writeFile(path, bytes);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`cannot write ${out}: its folder does not exist`);
    if (code === 'EISDIR') throw new UsageError(`cannot write ${out}: it is a folder`);
    throw new UsageError(`cannot write ${out} (${code ?? 'unknown error'})`);
  }
  if (args.format === 'json')
    streams.stdout.write(
      `${JSON.stringify({ document: kind, format, out: path, bytes: bytes.length, ...(pages !== undefined ? { pages, explanationPages } : {}) })}\n`,
    );
  else
    streams.stdout.write(
      `Wrote ${kind} (${format.toUpperCase()}${pages !== undefined ? `, ${pages} pages to file, then ${explanationPages} for you` : ''}) to ${path}\n` +
        'Legal information, not legal advice: read it, and check it with a licensed attorney or a DOJ-accredited representative before you sign or send it.\n',
    );
  return 0;
}
