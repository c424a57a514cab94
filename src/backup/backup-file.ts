/**
 * The file an organisation backup is kept in: a stream of records (one JSON value per line),
 * sealed with a passphrase, written and read a segment at a time so that neither side ever holds
 * the whole backup in memory.
 *
 * The file is one JSON document, laid out one segment per line so it can be read as a stream:
 *
 * ```
 * {"format":"refugio-org-backup","version":1,"created":"2026-11-22T10:00:00.000Z","kdf":{"name":"PBKDF2-SHA256","iterations":600000,"salt":"<16 bytes>"},"cipher":"AES-256-GCM","iv":"<12 bytes>","segmentBytes":1048576,"ciphertext":[
 * "<segment 0, base64>",
 * "<segment 1, base64>",
 * "<last segment, base64>"
 * ]}
 * ```
 *
 * - The key is PBKDF2-SHA256 of the passphrase (NFC) with the salt, as in the case bundles
 *   (src/bundle/case-bundle.ts, `deriveKey`); each file has its own salt, hence its own key.
 * - The plaintext (UTF-8 lines of JSON) is cut into segments of `segmentBytes`; segment i is sealed
 *   with AES-256-GCM under the nonce `iv` XOR i (in its last four bytes, big-endian) and, as
 *   associated data, the header (every field above but the ciphertext, in that order), i, and
 *   whether it is the last segment. A segment cannot be altered, moved, dropped or passed off as
 *   the last one, the header cannot be edited, and a file cut short lacks its last segment.
 * - Nothing outside the segments says anything about the organisation: no id, no name, no count.
 *   The number of segments shows the backup's size to within a megabyte, as the file's size would.
 * - Segment 0 is the first thing read: a wrong passphrase is found before anything is restored. A
 *   wrong passphrase and a damaged first segment cannot be told apart (both fail the same check).
 *
 * (Streaming AEAD in segments, after the STREAM construction of Hoang, Reyhanitabar, Rogaway and
 * Vizár, 2015, as age and Tink's streaming AEAD do it.)
 */
import { randomBytes, type webcrypto } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { type FileHandle, open, rename, unlink } from 'node:fs/promises';
import * as z from 'zod';
import { deriveKey, ITERATIONS } from '../bundle/case-bundle.ts';

export const BACKUP_FORMAT = 'refugio-org-backup';
export const BACKUP_VERSION = 1;
/** Plaintext bytes per sealed segment: what the reader and the writer hold at a time, besides one record. */
export const SEGMENT_BYTES = 1024 * 1024;
const MAX_SEGMENT_BYTES = 16 * 1024 * 1024;
const MAX_HEADER_CHARS = 4096;
/** One record is one row; the largest is a case file (20 MiB, in base64) with its name. */
export const MAX_RECORD_BYTES = 64 * 1024 * 1024;
const TAG_BYTES = 16;

export type BackupErrorCode =
  | 'not_backup'
  | 'unsupported'
  | 'wrong_passphrase'
  | 'damaged'
  | 'truncated'
  | 'not_found'
  | 'conflict'
  | 'io';

/** A refusal the CLI reports as a user error (exit 2). Messages never contain personal data. */
export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'BackupError';
  }
}

export const WRONG_PASSPHRASE = 'wrong passphrase or damaged file';

const base64 = (bytes: number) =>
  z.string().refine((text) => {
    const decoded = Buffer.from(text, 'base64');
    return decoded.length === bytes && decoded.toString('base64') === text;
  }, `${bytes} bytes in base64`);

const header = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  created: z.iso.datetime(),
  kdf: z.strictObject({
    name: z.literal('PBKDF2-SHA256'),
    // Bounded both ways: too few is weak, too many lets a crafted file hold the CPU for hours.
    iterations: z.int().min(100_000).max(10_000_000),
    salt: base64(16),
  }),
  cipher: z.literal('AES-256-GCM'),
  iv: base64(12),
  segmentBytes: z.int().min(1024).max(MAX_SEGMENT_BYTES),
});
export type BackupHeader = z.infer<typeof header>;

/** The header as sealed into every segment: its fields in one fixed order, whatever the file's layout. */
function canonicalHeader(h: BackupHeader): string {
  return JSON.stringify({
    format: h.format,
    version: h.version,
    created: h.created,
    kdf: { name: h.kdf.name, iterations: h.kdf.iterations, salt: h.kdf.salt },
    cipher: h.cipher,
    iv: h.iv,
    segmentBytes: h.segmentBytes,
  });
}

function segmentParams(
  h: BackupHeader,
  canonical: string,
  index: number,
  final: boolean,
): webcrypto.AesGcmParams {
  const iv = new Uint8Array(Buffer.from(h.iv, 'base64'));
  const view = new DataView(iv.buffer);
  view.setUint32(8, (view.getUint32(8) ^ index) >>> 0);
  return {
    name: 'AES-GCM',
    iv,
    tagLength: TAG_BYTES * 8,
    additionalData: new TextEncoder().encode(`${canonical}\n${index}\n${final ? 'final' : 'more'}`),
  };
}

const keyFor = (h: BackupHeader, passphrase: string) =>
  deriveKey(passphrase, new Uint8Array(Buffer.from(h.kdf.salt, 'base64')), h.kdf.iterations);

function ioError(err: unknown, path: string): BackupError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new BackupError('io', `${path}: no such file or folder`);
  if (code === 'EISDIR') return new BackupError('io', `${path} is a folder, not a file`);
  if (code === 'EEXIST') return new BackupError('io', `${path} exists already`);
  if (code === 'EACCES' || code === 'EPERM') return new BackupError('io', `${path}: permission denied`);
  return new BackupError('io', `cannot use ${path} (${code ?? 'unknown error'})`);
}

/**
 * Writes a backup: records go in with `write`, `finish` seals the last segment and flushes the
 * file to disk, `commit` gives it its name. Until `commit`, the file is a temporary one beside the
 * target (mode 0600), so a failed or interrupted backup never leaves a file that looks complete,
 * and an earlier backup of the same name stays whole until the new one replaces it.
 */
export class BackupWriter {
  #pending: Buffer[] = [];
  #pendingBytes = 0;
  #index = 0;
  #bytes = 0;
  #finished = false;

  private constructor(
    private readonly file: FileHandle,
    private readonly temporary: string,
    private readonly path: string,
    private readonly key: webcrypto.CryptoKey,
    private readonly header: BackupHeader,
    private readonly canonical: string,
  ) {}

  static async create(
    path: string,
    passphrase: string,
    options: { iterations?: number; segmentBytes?: number; now?: Date } = {},
  ): Promise<BackupWriter> {
    const h = header.parse({
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      created: (options.now ?? new Date()).toISOString(),
      kdf: {
        name: 'PBKDF2-SHA256',
        iterations: options.iterations ?? ITERATIONS,
        salt: randomBytes(16).toString('base64'),
      },
      cipher: 'AES-256-GCM',
      iv: randomBytes(12).toString('base64'),
      segmentBytes: options.segmentBytes ?? SEGMENT_BYTES,
    });
    const key = await keyFor(h, passphrase);
    const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    let file: FileHandle;
    try {
      file = await open(temporary, 'wx', 0o600);
    } catch (err) {
      throw ioError(err, path);
    }
    const canonical = canonicalHeader(h);
    const writer = new BackupWriter(file, temporary, path, key, h, canonical);
    await writer.#out(`${canonical.slice(0, -1)},"ciphertext":[\n`);
    return writer;
  }

  /** Adds one record (a JSON value) to the backup. */
  async write(record: unknown): Promise<void> {
    const line = Buffer.from(`${JSON.stringify(record)}\n`, 'utf8');
    if (line.length > MAX_RECORD_BYTES) throw new Error('a backup record is larger than MAX_RECORD_BYTES');
    this.#pending.push(line);
    this.#pendingBytes += line.length;
    if (this.#pendingBytes <= this.header.segmentBytes) return;
    // Joined once, then cut: a record of many segments (a large file) is not copied once per segment.
    let rest = Buffer.concat(this.#pending, this.#pendingBytes);
    while (rest.length > this.header.segmentBytes) {
      await this.#seal(rest.subarray(0, this.header.segmentBytes), false);
      rest = rest.subarray(this.header.segmentBytes);
    }
    this.#pending = [rest];
    this.#pendingBytes = rest.length;
  }

  /** Seals what is left as the last segment, closes the JSON document and flushes it to disk. */
  async finish(): Promise<void> {
    await this.#seal(Buffer.concat(this.#pending, this.#pendingBytes), true);
    this.#pending = [];
    this.#pendingBytes = 0;
    await this.#out(']}\n');
    try {
      await this.file.sync();
      await this.file.close();
    } catch (err) {
      throw ioError(err, this.path);
    }
    this.#finished = true;
  }

  /** Gives the finished file its name (atomically, replacing any file of that name); returns its size. */
  async commit(): Promise<number> {
    if (!this.#finished) throw new Error('finish() the backup before commit()');
    try {
      await rename(this.temporary, this.path);
    } catch (err) {
      throw ioError(err, this.path);
    }
    return this.#bytes;
  }

  /** Drops the temporary file. Safe after any failure. */
  async abort(): Promise<void> {
    await this.file.close().catch(() => {});
    await unlink(this.temporary).catch(() => {});
  }

  async #seal(plain: Buffer, final: boolean): Promise<void> {
    const sealed = await crypto.subtle.encrypt(
      segmentParams(this.header, this.canonical, this.#index, final),
      this.key,
      new Uint8Array(plain),
    );
    this.#index++;
    await this.#out(`"${Buffer.from(sealed).toString('base64')}"${final ? '' : ','}\n`);
  }

  async #out(text: string): Promise<void> {
    try {
      await this.file.write(text);
    } catch (err) {
      throw ioError(err, this.path);
    }
    this.#bytes += Buffer.byteLength(text);
  }
}

/**
 * The file's lines (ASCII: JSON punctuation and base64), each at most `limit.chars` long, so a
 * file that is not a backup cannot make the reader buffer it whole. `complete` is false for a last
 * line without its newline: the writer ends every line, so such a line was cut short.
 */
async function* fileLines(
  path: string,
  limit: { chars: number },
): AsyncGenerator<{ text: string; complete: boolean }> {
  const stream = createReadStream(path, { highWaterMark: 1024 * 1024 });
  let parts: string[] = [];
  let partsLength = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const text = chunk.toString('latin1');
      let start = 0;
      for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
        parts.push(text.slice(start, end));
        const line = parts.join('');
        parts = [];
        partsLength = 0;
        start = end + 1;
        if (line.length > limit.chars) throw tooLong(limit);
        yield { text: line.endsWith('\r') ? line.slice(0, -1) : line, complete: true };
      }
      parts.push(text.slice(start));
      partsLength += text.length - start;
      if (partsLength > limit.chars) throw tooLong(limit);
    }
    const last = parts.join('');
    if (last) yield { text: last, complete: false };
  } catch (err) {
    if (err instanceof BackupError) throw err;
    throw ioError(err, path);
  } finally {
    stream.destroy();
  }
}

const tooLong = (limit: { chars: number }) =>
  limit.chars === MAX_HEADER_CHARS
    ? new BackupError('not_backup', 'this is not a Refugio backup file')
    : new BackupError('damaged', 'the backup file is damaged (a line is longer than any segment)');

function parseHeader(line: string | undefined): BackupHeader {
  let value: unknown;
  try {
    // The first line opens the ciphertext array; closing it makes the line a JSON document.
    value = JSON.parse(`${line ?? ''}]}`);
  } catch {
    throw new BackupError('not_backup', 'this is not a Refugio backup file');
  }
  const fields = (value ?? {}) as Record<string, unknown>;
  if (fields.format !== BACKUP_FORMAT)
    throw new BackupError('not_backup', 'this is not a Refugio backup file');
  if (fields.version !== BACKUP_VERSION)
    throw new BackupError(
      'unsupported',
      `this backup has format version ${JSON.stringify(fields.version)}; this Refugio reads version ${BACKUP_VERSION}: restore it with a newer Refugio`,
    );
  const { ciphertext, ...rest } = fields;
  const parsed = header.safeParse(rest);
  if (!parsed.success || !Array.isArray(ciphertext) || ciphertext.length !== 0)
    throw new BackupError('damaged', 'the backup file is damaged (its header is not valid)');
  return parsed.data;
}

const truncated = (complete: number) =>
  new BackupError(
    'truncated',
    `the backup file is incomplete: it ends after ${complete} whole segment${complete === 1 ? '' : 's'}, before its last one (cut short while copying?)`,
  );

const SEGMENT_LINE = /^"([A-Za-z0-9+/]*={0,2})"(,?)$/;

/** Cuts decrypted bytes into records (lines of JSON); a record may span many segments. */
class RecordSplitter {
  #parts: Buffer[] = [];
  #bytes = 0;

  push(bytes: Buffer): unknown[] {
    const records: unknown[] = [];
    let start = 0;
    for (let end = bytes.indexOf(0x0a); end >= 0; end = bytes.indexOf(0x0a, start)) {
      this.#parts.push(bytes.subarray(start, end));
      const line = Buffer.concat(this.#parts, this.#bytes + end - start);
      this.#parts = [];
      this.#bytes = 0;
      start = end + 1;
      try {
        records.push(JSON.parse(line.toString('utf8')));
      } catch {
        throw new BackupError('damaged', 'the backup file is damaged (a record is not valid JSON)');
      }
    }
    if (start < bytes.length) {
      this.#parts.push(bytes.subarray(start));
      this.#bytes += bytes.length - start;
      if (this.#bytes > MAX_RECORD_BYTES)
        throw new BackupError('damaged', 'the backup file is damaged (a record is too large)');
    }
    return records;
  }

  get empty(): boolean {
    return this.#bytes === 0;
  }
}

/**
 * The records of a backup file, in order, each yielded only after the segment that holds it has
 * passed its integrity check. Throws a BackupError: `wrong_passphrase` at the first segment,
 * `damaged` for a later one that fails, `truncated` when the last segment is missing.
 */
export async function* readBackupRecords(path: string, passphrase: string): AsyncGenerator<unknown> {
  const limit = { chars: MAX_HEADER_CHARS };
  const lines = fileLines(path, limit);
  try {
    const first = await lines.next();
    const h = parseHeader(first.done ? undefined : first.value.text);
    const canonical = canonicalHeader(h);
    const key = await keyFor(h, passphrase);
    // base64 of a full segment and its tag, with its quotes and comma.
    limit.chars = Math.ceil((h.segmentBytes + TAG_BYTES) / 3) * 4 + 3;
    const splitter = new RecordSplitter();
    let index = 0;
    let ended = false;
    for await (const { text: line, complete } of lines) {
      if (ended) {
        if (line === ']}' || line.trim() === '') continue;
        throw new BackupError('damaged', 'the backup file is damaged (something follows its last segment)');
      }
      const match = SEGMENT_LINE.exec(line);
      const sealed = match ? Buffer.from(match[1]!, 'base64') : undefined;
      const final = match?.[2] === '';
      // A line without its newline was cut short, unless it is a whole last segment (only the
      // closing "]}" lost): that one is still read, and must pass its check like any other.
      if (!complete && !final) throw truncated(index);
      if (!match || !sealed || sealed.toString('base64') !== match[1] || sealed.length < TAG_BYTES)
        throw !complete
          ? truncated(index)
          : index === 0
            ? new BackupError('wrong_passphrase', WRONG_PASSPHRASE)
            : new BackupError('damaged', `the backup file is damaged (at segment ${index + 1})`);
      let plain: Buffer;
      try {
        plain = Buffer.from(
          await crypto.subtle.decrypt(segmentParams(h, canonical, index, final), key, new Uint8Array(sealed)),
        );
      } catch {
        throw !complete
          ? truncated(index)
          : index === 0
            ? new BackupError('wrong_passphrase', WRONG_PASSPHRASE)
            : new BackupError(
                'damaged',
                `the backup file is damaged: segment ${index + 1} failed its integrity check (altered or reordered)`,
              );
      }
      index++;
      for (const record of splitter.push(plain)) yield record;
      if (final) {
        if (!splitter.empty)
          throw new BackupError('damaged', 'the backup file is damaged (its last record is cut)');
        ended = true;
      }
    }
    if (!ended) throw truncated(index);
  } finally {
    await lines.return(undefined);
  }
}
