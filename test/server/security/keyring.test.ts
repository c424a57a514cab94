import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFieldCrypto } from '../../../src/server/security/field-crypto.ts';
import { keyFilePath, loadKeyring, reencrypt, rotateKey } from '../../../src/server/security/keyring.ts';

const PERSON = { name: 'José Núñez', aNumber: 'A012345678', birthDate: '1990-02-03' };
const CONTEXT = 'cases.person_enc:0b6f3c1e-9c1a-4a57-9d0e-3a2f1c7f5e11';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'refugio-keyring-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const modeOf = (path: string) => statSync(path).mode & 0o777;
const posix = process.platform !== 'win32';

describe('the key file', () => {
  it('is created on first start with mode 0600, in a data directory it creates', async () => {
    const dataDir = join(tempDir(), 'not', 'yet');
    const keyring = await loadKeyring({ env: {}, dataDir });
    expect(keyring.currentId).toBe('k1');
    expect(keyring.keys.get('k1')).toHaveLength(32);
    if (posix) {
      expect(modeOf(keyFilePath(dataDir))).toBe(0o600);
      expect(modeOf(dataDir)).toBe(0o700);
    }
    const file = JSON.parse(readFileSync(keyFilePath(dataDir), 'utf8'));
    expect(file).toMatchObject({ current: 'k1', keys: [{ id: 'k1' }] });
    expect(readdirSync(dataDir)).toEqual(['refugio.key']); // no temporary file left behind
  });

  it('gives the same key on every start', async () => {
    const dataDir = tempDir();
    const first = createFieldCrypto(await loadKeyring({ env: {}, dataDir }));
    const second = createFieldCrypto(await loadKeyring({ env: {}, dataDir }));
    expect(second.decrypt(first.encrypt(PERSON, CONTEXT), CONTEXT)).toEqual(PERSON);
    expect(second.blindIndex('A012345678', 'a_number')).toBe(first.blindIndex('A012345678', 'a_number'));
  });

  it.runIf(posix)('is refused when group or others can read it, without showing the key', async () => {
    const dataDir = tempDir();
    await loadKeyring({ env: {}, dataDir });
    const path = keyFilePath(dataDir);
    const key = JSON.parse(readFileSync(path, 'utf8')).keys[0].key as string;
    for (const mode of [0o644, 0o640, 0o604]) {
      chmodSync(path, mode);
      const error = await loadKeyring({ env: {}, dataDir }).catch((e: Error) => e);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toMatch(/other users can access it .*chmod 600/);
      expect((error as Error).message).not.toContain(key);
      expect(() => rotateKey({ dataDir })).toThrow(/other users/);
    }
  });

  it('is not quoted when it is damaged', async () => {
    const dataDir = tempDir();
    writeFileSync(keyFilePath(dataDir), 'c2VjcmV0IGtleSBtYXRlcmlhbA== not json', { mode: 0o600 });
    const error = (await loadKeyring({ env: {}, dataDir }).catch((e: Error) => e)) as Error;
    expect(error.message).toMatch(/not a valid Refugio key file/);
    expect(error.message).not.toContain('c2Vj');
    writeFileSync(
      keyFilePath(dataDir),
      JSON.stringify({ current: 'k1', keys: [{ id: 'k1', key: 'c2hvcnQ=' }] }),
    );
    await expect(loadKeyring({ env: {}, dataDir })).rejects.toThrow(/32 bytes/);
  });
});

describe('REFUGIO_KEY', () => {
  const key = Buffer.alloc(32, 7).toString('base64');

  it('is used instead of a key file, with its id', async () => {
    const dataDir = tempDir();
    const keyring = await loadKeyring({ env: { REFUGIO_KEY: key, REFUGIO_KEY_ID: 'prod-2026' }, dataDir });
    expect(keyring.currentId).toBe('prod-2026');
    expect(readdirSync(dataDir)).toEqual([]);
    const other = await loadKeyring({ env: { REFUGIO_KEY: key }, dataDir: tempDir() });
    expect(other.currentId).toBe('env');
    expect(other.keys.get('env')).toEqual(keyring.keys.get('prod-2026'));
  });

  it('counts as unset when empty', async () => {
    const keyring = await loadKeyring({ env: { REFUGIO_KEY: '' }, dataDir: tempDir() });
    expect(keyring.currentId).toBe('k1');
  });

  it('is refused when it is not 32 bytes or its id could not be part of a ciphertext', async () => {
    await expect(loadKeyring({ env: { REFUGIO_KEY: 'c2hvcnQ=' }, dataDir: tempDir() })).rejects.toThrow(
      /32 bytes/,
    );
    await expect(
      loadKeyring({ env: { REFUGIO_KEY: key, REFUGIO_KEY_ID: 'a.b' }, dataDir: tempDir() }),
    ).rejects.toThrow(/key id/);
  });

  it('rotates with REFUGIO_PREVIOUS_KEYS, and rotateKey leaves it alone', async () => {
    const oldKey = Buffer.alloc(32, 1).toString('base64');
    const before = createFieldCrypto(
      await loadKeyring({ env: { REFUGIO_KEY: oldKey, REFUGIO_KEY_ID: 'k1' }, dataDir: tempDir() }),
    );
    const sealed = before.encrypt(PERSON, CONTEXT);
    const after = createFieldCrypto(
      await loadKeyring({
        env: { REFUGIO_KEY: key, REFUGIO_KEY_ID: 'k2', REFUGIO_PREVIOUS_KEYS: `k1:${oldKey}` },
        dataDir: tempDir(),
      }),
    );
    expect(after.decrypt(sealed, CONTEXT)).toEqual(PERSON);
    expect(after.keyIdOf(reencrypt(sealed, CONTEXT, after))).toBe('k2');
    expect(() => rotateKey({ dataDir: tempDir(), env: { REFUGIO_KEY: key } })).toThrow(/REFUGIO_KEY/);
  });
});

describe('key rotation', () => {
  it('adds a current key, keeps the old ones, and old ciphertexts still decrypt', async () => {
    const dataDir = tempDir();
    const v1 = createFieldCrypto(await loadKeyring({ env: {}, dataDir }));
    const sealed = v1.encrypt(PERSON, CONTEXT);

    expect(rotateKey({ dataDir })).toBe('k2');
    if (posix) expect(modeOf(keyFilePath(dataDir))).toBe(0o600);
    expect(readdirSync(dataDir)).toEqual(['refugio.key']);
    const keyring = await loadKeyring({ env: {}, dataDir });
    expect(keyring.currentId).toBe('k2');
    expect([...keyring.keys.keys()]).toEqual(['k1', 'k2']);
    expect(keyring.keys.get('k1')).toEqual((await loadKeyring({ env: {}, dataDir })).keys.get('k1'));

    const v2 = createFieldCrypto(keyring);
    expect(v2.decrypt(sealed, CONTEXT)).toEqual(PERSON);
    expect(v2.keyIdOf(v2.encrypt(PERSON, CONTEXT))).toBe('k2');
    expect(rotateKey({ dataDir })).toBe('k3');
    expect(createFieldCrypto(await loadKeyring({ env: {}, dataDir })).decrypt(sealed, CONTEXT)).toEqual(
      PERSON,
    );
  });

  it('reencrypt moves a ciphertext to the current key, and leaves one already there unchanged', async () => {
    const dataDir = tempDir();
    const v1 = createFieldCrypto(await loadKeyring({ env: {}, dataDir }));
    const sealed = v1.encrypt(PERSON, CONTEXT);
    rotateKey({ dataDir });
    const v2 = createFieldCrypto(await loadKeyring({ env: {}, dataDir }));

    const moved = reencrypt(sealed, CONTEXT, v2);
    expect(v2.keyIdOf(moved)).toBe('k2');
    expect(v2.decrypt(moved, CONTEXT)).toEqual(PERSON);
    expect(reencrypt(moved, CONTEXT, v2)).toBe(moved);
    // The context still binds: re-encryption cannot be used to move a value to another row.
    expect(() => reencrypt(sealed, 'cases.person_enc:another-row', v2)).toThrow(/integrity/);
  });

  it('changes the blind indexes, which the re-encryption run must recompute', async () => {
    const dataDir = tempDir();
    const v1 = createFieldCrypto(await loadKeyring({ env: {}, dataDir }));
    rotateKey({ dataDir });
    const v2 = createFieldCrypto(await loadKeyring({ env: {}, dataDir }));
    expect(v2.blindIndex('A012345678', 'a_number')).not.toBe(v1.blindIndex('A012345678', 'a_number'));
    expect(v2.nameTokens('José Núñez')).not.toEqual(v1.nameTokens('José Núñez'));
  });

  it('refuses to work without a key file', () => {
    expect(() => rotateKey({ dataDir: tempDir() })).toThrow(/ENOENT/);
  });
});
