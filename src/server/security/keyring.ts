/**
 * The encryption keys: from REFUGIO_KEY (base64, 32 bytes) or from a key file in the data
 * directory, created on first start with mode 0600. Rotation adds a key and makes it current;
 * old keys stay so existing rows still decrypt until they are re-encrypted.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Keyring {
  readonly currentId: string;
  readonly keys: ReadonlyMap<string, Buffer>;
  /** The key blind indexes are derived from (the first one), stable across rotations. */
  readonly indexKey: Buffer;
}

interface KeyFile {
  readonly current: string;
  readonly keys: readonly { readonly id: string; readonly key: string }[];
}

const KEY_FILE = 'refugio.key';

function decodeKey(text: string, where: string): Buffer {
  const key = Buffer.from(text, 'base64');
  if (key.length !== 32) throw new Error(`${where} must be 32 bytes in base64 (got ${key.length} bytes)`);
  return key;
}

function toKeyring(file: KeyFile, where: string): Keyring {
  const keys = new Map(file.keys.map((k) => [k.id, decodeKey(k.key, where)]));
  if (!keys.has(file.current)) throw new Error(`${where} names a current key it does not contain`);
  return { currentId: file.current, keys, indexKey: keys.get(file.keys[0]!.id)! };
}

function keyPath(dataDir: string) {
  return join(dataDir, KEY_FILE);
}

function readKeyFile(path: string): KeyFile {
  const mode = statSync(path).mode & 0o777;
  if (mode & 0o077) {
    throw new Error(`${path} can be read by other users (mode ${mode.toString(8)}); run: chmod 600 ${path}`);
  }
  return JSON.parse(readFileSync(path, 'utf8')) as KeyFile;
}

function writeKeyFile(path: string, file: KeyFile) {
  writeFileSync(path, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
}

export async function loadKeyring({
  env,
  dataDir,
}: {
  env: NodeJS.ProcessEnv;
  dataDir: string;
}): Promise<Keyring> {
  if (env.REFUGIO_KEY) {
    const id = env.REFUGIO_KEY_ID ?? 'env';
    return toKeyring({ current: id, keys: [{ id, key: env.REFUGIO_KEY }] }, 'REFUGIO_KEY');
  }
  const path = keyPath(dataDir);
  if (!existsSync(path)) {
    mkdirSync(dataDir, { recursive: true });
    writeKeyFile(path, { current: 'k1', keys: [{ id: 'k1', key: randomBytes(32).toString('base64') }] });
  }
  return toKeyring(readKeyFile(path), path);
}

/** Adds a new key to the key file and makes it current; returns its id. */
export function rotateKey({ dataDir }: { dataDir: string }): string {
  const path = keyPath(dataDir);
  const file = readKeyFile(path);
  const id = `k${file.keys.length + 1}`;
  writeKeyFile(path, { current: id, keys: [...file.keys, { id, key: randomBytes(32).toString('base64') }] });
  return id;
}
