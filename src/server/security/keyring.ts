/**
 * The encryption keys of one installation. Losing them loses every case, and leaking them leaks
 * every case, so:
 * - they come from the environment (REFUGIO_KEY, for secret managers and containers) or from a key
 *   file `<dataDir>/refugio.key` created on first start with mode 0600, and a key file other users
 *   could read is refused rather than used;
 * - files are written whole or not at all (temporary file, fsync, then link or rename), so a crash
 *   or two servers starting at once never leave a half-written or overwritten key;
 * - rotation adds a key and makes it current; old keys stay so existing rows still decrypt until
 *   they are re-encrypted (docs/key-rotation.md).
 * No error message here contains key material.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { type FieldCrypto, KEY_ID_PATTERN } from './field-crypto.ts';

export interface Keyring {
  /** The key new ciphertexts and blind indexes use. */
  readonly currentId: string;
  /** Every key that may still be needed to decrypt, by id (the current one included). */
  readonly keys: ReadonlyMap<string, Buffer>;
}

interface KeyEntry {
  readonly id: string;
  /** 32 bytes, base64. */
  readonly key: string;
  readonly created?: string;
}

interface KeyFile {
  readonly version?: 1;
  readonly current: string;
  readonly keys: readonly KeyEntry[];
}

export const KEY_FILE_NAME = 'refugio.key';

export function keyFilePath(dataDir: string): string {
  return join(dataDir, KEY_FILE_NAME);
}

function decodeKey(text: unknown, where: string): Buffer {
  const key = typeof text === 'string' ? Buffer.from(text, 'base64') : Buffer.alloc(0);
  if (key.length !== 32) throw new Error(`${where} must be 32 bytes in base64 (got ${key.length} bytes)`);
  return key;
}

function checkKeyId(id: unknown, where: string): string {
  if (typeof id !== 'string' || !KEY_ID_PATTERN.test(id))
    throw new Error(`${where} has a key id that is not 1-32 letters, digits, "-" or "_"`);
  return id;
}

function toKeyring(file: KeyFile, where: string): Keyring {
  if (!Array.isArray(file.keys) || file.keys.length === 0) throw new Error(`${where} contains no keys`);
  const keys = new Map<string, Buffer>();
  for (const entry of file.keys) {
    const id = checkKeyId(entry?.id, where);
    if (keys.has(id)) throw new Error(`${where} contains key "${id}" twice`);
    keys.set(id, decodeKey(entry.key, `${where} key "${id}"`));
  }
  const current = checkKeyId(file.current, where);
  if (!keys.has(current)) throw new Error(`${where} names a current key ("${current}") it does not contain`);
  return { currentId: current, keys };
}

/** REFUGIO_PREVIOUS_KEYS="k1:BASE64,k2:BASE64": keys that only decrypt, for rotating env keys. */
function previousKeysFromEnv(text: string | undefined): KeyEntry[] {
  if (!text?.trim()) return [];
  return text.split(',').map((item) => {
    const [id, key] = item.trim().split(':', 2);
    return { id: id ?? '', key: key ?? '' };
  });
}

function keyringFromEnv(env: NodeJS.ProcessEnv): Keyring {
  const id = env.REFUGIO_KEY_ID?.trim() || 'env';
  const previous = previousKeysFromEnv(env.REFUGIO_PREVIOUS_KEYS);
  return toKeyring(
    { current: id, keys: [{ id, key: env.REFUGIO_KEY ?? '' }, ...previous] },
    'REFUGIO_KEY (with REFUGIO_KEY_ID and REFUGIO_PREVIOUS_KEYS)',
  );
}

function readKeyFile(path: string): KeyFile {
  const stat = statSync(path);
  if (!stat.isFile()) throw new Error(`${path} is not a file`);
  // POSIX modes mean nothing on Windows (every file reports 0666): protect the folder there instead.
  if (process.platform !== 'win32' && stat.mode & 0o077) {
    const mode = (stat.mode & 0o777).toString(8).padStart(4, '0');
    throw new Error(
      `refusing to use ${path}: other users can access it (mode ${mode}). ` +
        `Run: chmod 600 ${path}, and consider the key exposed if others could have read it.`,
    );
  }
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as KeyFile;
  } catch {
    // JSON.parse's own message would quote the file, that is the key.
    throw new Error(`${path} is not a valid Refugio key file (JSON)`);
  }
}

/** Writes a temporary file with mode 0600 and flushes it to disk; returns its path. */
function writeTemporary(path: string, file: KeyFile): string {
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    writeSync(fd, `${JSON.stringify(file, null, 2)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return temporary;
}

function newEntry(id: string): KeyEntry {
  return { id, key: randomBytes(32).toString('base64'), created: new Date().toISOString() };
}

/** Creates the key file unless it exists; two processes starting at once end up with one key. */
function createKeyFile(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const path = keyFilePath(dataDir);
  const temporary = writeTemporary(path, { version: 1, current: 'k1', keys: [newEntry('k1')] });
  try {
    linkSync(temporary, path); // atomic, and fails if the file exists: never replaces a key
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    unlinkSync(temporary);
  }
}

/**
 * The keyring for this process. REFUGIO_KEY wins over the key file when both exist; an empty
 * REFUGIO_KEY counts as unset, as a shell's `REFUGIO_KEY=` does.
 */
export async function loadKeyring({
  env,
  dataDir,
}: {
  env: NodeJS.ProcessEnv;
  dataDir: string;
}): Promise<Keyring> {
  if (env.REFUGIO_KEY?.trim()) return keyringFromEnv(env);
  const path = keyFilePath(dataDir);
  try {
    return toKeyring(readKeyFile(path), path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  createKeyFile(dataDir);
  return toKeyring(readKeyFile(path), path);
}

/**
 * Adds a new key to the key file and makes it current; old keys stay for decryption. Returns
 * the new key's id. Stop every server using this key file first: a running server keeps its old
 * keyring and would go on writing blind indexes with the old key.
 */
export function rotateKey({ dataDir, env }: { dataDir: string; env?: NodeJS.ProcessEnv }): string {
  if (env?.REFUGIO_KEY?.trim())
    throw new Error(
      'the key comes from REFUGIO_KEY: rotate it by setting a new REFUGIO_KEY and REFUGIO_KEY_ID and ' +
        'moving the old one to REFUGIO_PREVIOUS_KEYS (docs/key-rotation.md)',
    );
  const path = keyFilePath(dataDir);
  const file = readKeyFile(path);
  toKeyring(file, path); // refuse to extend a key file that is already broken
  const numbers = file.keys.map((k) => /^k(\d+)$/.exec(k.id)?.[1]).map((n) => Number(n ?? 0));
  const id = `k${Math.max(0, ...numbers) + 1}`;
  const temporary = writeTemporary(path, { version: 1, current: id, keys: [...file.keys, newEntry(id)] });
  renameSync(temporary, path); // atomic: readers see the old file or the new one, never half of one
  return id;
}

/**
 * One field's ciphertext under the current key: decrypts with whichever known key it names
 * (checking its integrity), then encrypts with the current key. A ciphertext already under the
 * current key is returned unchanged, so a re-encryption run can be interrupted and run again,
 * and writes only the rows that changed (`result !== text`).
 */
export function reencrypt(text: string, context: string, crypto: FieldCrypto): string {
  const value = crypto.decrypt(text, context);
  return crypto.keyIdOf(text) === crypto.currentKeyId ? text : crypto.encrypt(value, context);
}
