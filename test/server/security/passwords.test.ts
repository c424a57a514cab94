import { randomBytes, scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  hashPassword,
  hashToken,
  needsRehash,
  newToken,
  safeEqual,
  verifyPassword,
} from '../../../src/server/security/passwords.ts';

describe('passwords', () => {
  it('hash with argon2id, verify the right password and reject a wrong one', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(stored).not.toContain('correct');
    expect(await verifyPassword(stored, 'correct horse battery staple')).toBe(true);
    expect(await verifyPassword(stored, 'Correct horse battery staple')).toBe(false);
    expect(await verifyPassword(stored, '')).toBe(false);
    expect(needsRehash(stored)).toBe(false);
  });

  it('salt every hash', async () => {
    expect(await hashPassword('same password')).not.toBe(await hashPassword('same password'));
  });

  it('accept a password typed composed or decomposed', async () => {
    const stored = await hashPassword('contraseña segura'.normalize('NFC'));
    expect(await verifyPassword(stored, 'contraseña segura'.normalize('NFD'))).toBe(true);
  });

  it('reject stored values that are not hashes, without throwing', async () => {
    for (const stored of [
      '',
      'garbage',
      '$argon2id$broken',
      'scrypt$x$y$z$a$b',
      'scrypt$1073741824$8$1$AA$AA',
    ])
      expect(await verifyPassword(stored, 'x')).toBe(false);
  });

  it('still verify the scrypt hashes of the first releases, and ask for a rehash', async () => {
    const salt = randomBytes(16);
    const key = scryptSync('old password', salt, 32, { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
    const stored = ['scrypt', 1 << 15, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$');
    expect(await verifyPassword(stored, 'old password')).toBe(true);
    expect(await verifyPassword(stored, 'old passwort')).toBe(false);
    expect(needsRehash(stored)).toBe(true);
  });
});

describe('tokens', () => {
  it('are 32 random bytes in base64url, stored as their SHA-256', () => {
    const token = newToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(newToken()).not.toBe(token);
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).toBe(hashToken(token));
    expect(hashToken(token)).not.toBe(hashToken(newToken()));
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('compare in constant time, whatever their lengths', () => {
    const token = newToken();
    expect(safeEqual(token, `${token}`)).toBe(true);
    expect(safeEqual(token, newToken())).toBe(false);
    expect(safeEqual(token, token.slice(0, -1))).toBe(false);
    expect(safeEqual('', '')).toBe(true);
    expect(safeEqual('é', 'e\u0301')).toBe(false);
  });
});
