import { chmodSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFieldCrypto } from '../../src/server/security/field-crypto.ts';
import { loadKeyring, rotateKey } from '../../src/server/security/keyring.ts';
import { hashPassword, hashToken, newToken, verifyPassword } from '../../src/server/security/passwords.ts';

const tempDir = () => mkdtempSync(join(tmpdir(), 'refugio-keys-'));
const person = { name: 'Şükrü Yılmaz', aNumber: 'A012345678', birthDate: '1990-02-03' };

describe('field encryption', () => {
  it('round-trips values and never stores them in clear', async () => {
    const crypto = createFieldCrypto(await loadKeyring({ env: {}, dataDir: tempDir() }));
    const sealed = crypto.encrypt(person, 'cases.person_enc:1');
    expect(sealed).not.toMatch(/Yılmaz|012345678|1990/);
    expect(crypto.decrypt(sealed, 'cases.person_enc:1')).toEqual(person);
  });

  it('refuses a ciphertext moved to another row, or tampered with, without echoing anything', async () => {
    const crypto = createFieldCrypto(await loadKeyring({ env: {}, dataDir: tempDir() }));
    const sealed = crypto.encrypt(person, 'cases.person_enc:1');
    expect(() => crypto.decrypt(sealed, 'cases.person_enc:2')).toThrow(/integrity/);
    const parts = sealed.split('.');
    const body = Buffer.from(parts[4]!, 'base64url');
    body[0] = body[0]! ^ 1;
    parts[4] = body.toString('base64url');
    expect(() => crypto.decrypt(parts.join('.'), 'cases.person_enc:1')).toThrow(/integrity/);
  });

  it('creates a key file readable only by its owner, and refuses one others can read', async () => {
    const dir = tempDir();
    await loadKeyring({ env: {}, dataDir: dir });
    expect(statSync(join(dir, 'refugio.key')).mode & 0o777).toBe(0o600);
    chmodSync(join(dir, 'refugio.key'), 0o644);
    await expect(loadKeyring({ env: {}, dataDir: dir })).rejects.toThrow(/chmod 600/);
  });

  it('keeps decrypting old rows after a key rotation, and search indexes stay the same', async () => {
    const dir = tempDir();
    const before = createFieldCrypto(await loadKeyring({ env: {}, dataDir: dir }));
    const sealed = before.encrypt(person, 'ctx');
    const index = before.blindIndex('A012345678', 'a_number');
    expect(rotateKey({ dataDir: dir })).toBe('k2');
    const after = createFieldCrypto(await loadKeyring({ env: {}, dataDir: dir }));
    expect(after.decrypt(sealed, 'ctx')).toEqual(person);
    expect(after.encrypt(person, 'ctx').split('.')[1]).toBe('k2');
    expect(after.blindIndex('a-012-345-678', 'a_number')).toBe(index);
    expect(JSON.parse(readFileSync(join(dir, 'refugio.key'), 'utf8')).keys).toHaveLength(2);
  });

  it('matches names whatever their accents or case, per purpose', async () => {
    const crypto = createFieldCrypto(await loadKeyring({ env: {}, dataDir: tempDir() }));
    expect(crypto.nameTokens('José NÚÑEZ')).toEqual(crypto.nameTokens('jose nunez'));
    expect(crypto.blindIndex('x', 'a')).not.toBe(crypto.blindIndex('x', 'b'));
  });

  it('takes the key from REFUGIO_KEY and refuses a key of the wrong size', async () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    const a = createFieldCrypto(await loadKeyring({ env: { REFUGIO_KEY: key }, dataDir: tempDir() }));
    const b = createFieldCrypto(await loadKeyring({ env: { REFUGIO_KEY: key }, dataDir: tempDir() }));
    expect(b.decrypt(a.encrypt('x', 'c'), 'c')).toBe('x');
    await expect(loadKeyring({ env: { REFUGIO_KEY: 'c2hvcnQ=' }, dataDir: tempDir() })).rejects.toThrow(
      /32 bytes/,
    );
  });
});

describe('passwords and tokens', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(hash).toMatch(/^scrypt\$/);
    expect(await verifyPassword(hash, 'correct horse battery staple')).toBe(true);
    expect(await verifyPassword(hash, 'Correct horse battery staple')).toBe(false);
    expect(await verifyPassword('garbage', 'x')).toBe(false);
  });

  it('makes unguessable tokens and stores only their hash', () => {
    const t = newToken();
    expect(t.length).toBeGreaterThanOrEqual(43);
    expect(newToken()).not.toBe(t);
    expect(hashToken(t)).toMatch(/^[0-9a-f]{64}$/);
  });
});
