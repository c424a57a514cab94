/**
 * The exhibit packet's edge in the CLI: the input names files, this reads them (paths relative to
 * the input file's folder, or absolute), and the pure assembly in src/documents/exhibit-packet.ts
 * does the rest. A file that cannot be read is a DocumentInputError naming the exhibit.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, isAbsolute, resolve } from 'node:path';
import { DocumentInputError } from '../documents/errors.ts';
import {
  assembleExhibitPacket,
  type ExhibitEntry,
  type ExhibitFile,
  type ExhibitPacket,
  parseExhibitPacketInput,
} from '../documents/exhibit-packet.ts';

/** Far above any scan a court takes (ECAS limits each upload), low enough to refuse a wrong file. */
const MAX_EXHIBIT_BYTES = 200 * 1024 * 1024;

export async function readExhibitFiles(
  exhibits: readonly ExhibitEntry[],
  baseDir: string,
): Promise<ExhibitFile[]> {
  const files: ExhibitFile[] = [];
  for (const [i, e] of exhibits.entries()) {
    const path = isAbsolute(e.file) ? e.file : resolve(baseDir, e.file);
    const name = basename(e.file);
    const where = ['exhibits', i, 'file'];
    const fail = (what: string) => new DocumentInputError(`exhibit ${i + 1} (${name}) ${what}`, where);
    try {
      const info = await stat(path);
      if (info.isDirectory()) throw fail(`is a folder, not a file: ${path}`);
      if (info.size > MAX_EXHIBIT_BYTES)
        throw fail(
          `is too large (${Math.round(info.size / 1024 / 1024)} MB; at most ${MAX_EXHIBIT_BYTES / 1024 / 1024} MB)`,
        );
      files.push({ name, bytes: new Uint8Array(await readFile(path)), description: e.description });
    } catch (err) {
      if (err instanceof DocumentInputError) throw err;
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') throw fail(`was not found: ${path}`);
      if (code === 'EACCES' || code === 'EPERM') throw fail(`cannot be read (no permission): ${path}`);
      throw fail(`cannot be read (${code ?? 'unknown error'}): ${path}`);
    }
  }
  return files;
}

/** Validates the input, reads the files it names and assembles the packet. */
export async function makeExhibitPacket(input: unknown, baseDir: string): Promise<ExhibitPacket> {
  const { details, exhibits } = parseExhibitPacketInput(input);
  return assembleExhibitPacket(details, await readExhibitFiles(exhibits, baseDir));
}
