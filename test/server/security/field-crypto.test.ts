import { createCipheriv, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFieldCrypto, FieldCryptoError } from '../../../src/server/security/field-crypto.ts';
import type { Keyring } from '../../../src/server/security/keyring.ts';

const keyring = (id = 'k1', key = randomBytes(32)): Keyring => ({
  currentId: id,
  keys: new Map([[id, key]]),
});

const PERSON = {
  name: 'José Núñez',
  aNumber: 'A012345678',
  birthDate: '1990-02-03',
  address: 'Calle Ñandú 5, Apt 2º',
};
const PLAINTEXTS = ['José', 'Núñez', 'A012345678', '012345678', '1990-02-03', 'Ñandú'];
const CONTEXT = 'cases.person_enc:0b6f3c1e-9c1a-4a57-9d0e-3a2f1c7f5e11';

function expectNoPlaintext(text: string) {
  for (const p of PLAINTEXTS) expect(text).not.toContain(p);
}

function thrown(f: () => unknown): FieldCryptoError {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(FieldCryptoError);
    return err as FieldCryptoError;
  }
  throw new Error('expected a FieldCryptoError');
}

/** Flips one bit of one byte of the n-th dot-separated part, keeping the encoding canonical. */
function flip(text: string, part: number, byte: number): string {
  const parts = text.split('.');
  const bytes = Buffer.from(parts[part]!, 'base64url');
  bytes[byte % bytes.length]! ^= 0x01;
  parts[part] = bytes.toString('base64url');
  return parts.join('.');
}

describe('field encryption', () => {
  it('round-trips JSON values in any script', () => {
    const crypto = createFieldCrypto(keyring());
    const values: unknown[] = [
      PERSON,
      { name: 'محمد رضایی', note: 'ምስክርነት ሰላም', emoji: '👩🏽‍⚖️', mixed: 'Đặng Thị Ngọc Hằng' },
      'plain string',
      '',
      0,
      -1.5,
      true,
      null,
      [1, 'two', { three: [3] }],
    ];
    for (const value of values)
      expect(crypto.decrypt(crypto.encrypt(value, CONTEXT), CONTEXT)).toEqual(value);
  });

  it('round-trips any JSON value (property)', () => {
    const crypto = createFieldCrypto(keyring());
    fc.assert(
      fc.property(fc.jsonValue(), fc.string(), (value, context) => {
        expect(crypto.decrypt(crypto.encrypt(value, context), context)).toEqual(
          JSON.parse(JSON.stringify(value)),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('writes v1.<keyId>.<iv>.<tag>.<ciphertext> with a fresh IV each time and no plaintext', () => {
    const crypto = createFieldCrypto(keyring('k7'));
    const a = crypto.encrypt(PERSON, CONTEXT);
    const b = crypto.encrypt(PERSON, CONTEXT);
    expect(a).toMatch(/^v1\.k7\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    expect(a).not.toBe(b);
    expectNoPlaintext(a);
    expect(crypto.keyIdOf(a)).toBe('k7');
    expect(crypto.keyIdOf('not a ciphertext')).toBeUndefined();
  });

  it('refuses values JSON cannot represent', () => {
    const crypto = createFieldCrypto(keyring());
    expect(() => crypto.encrypt(undefined, CONTEXT)).toThrow(TypeError);
  });

  it('detects a flipped byte anywhere in the IV, the tag or the ciphertext', () => {
    const crypto = createFieldCrypto(keyring());
    const text = crypto.encrypt(PERSON, CONTEXT);
    const lengths = [12, 16, Buffer.from(text.split('.')[4]!, 'base64url').length];
    for (const [i, part] of [2, 3, 4].entries()) {
      for (let byte = 0; byte < lengths[i]!; byte++) {
        const error = thrown(() => crypto.decrypt(flip(text, part, byte), CONTEXT));
        expect(error.code).toBe('ERR_FIELD_INTEGRITY');
        expectNoPlaintext(error.message);
      }
    }
  });

  it('refuses truncated tags, other encodings of the same bytes and malformed texts', () => {
    const crypto = createFieldCrypto(keyring());
    const text = crypto.encrypt(PERSON, CONTEXT);
    const parts = text.split('.');
    const shortTag = [...parts.slice(0, 3), parts[3]!.slice(0, 6), parts[4]].join('.');
    // A 16-byte tag has 4 unused bits in its last base64 character: setting one must not pass.
    const last = parts[3]!.at(-1)!;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const sameBytes = alphabet[alphabet.indexOf(last) ^ 1]!;
    const otherEncoding = [...parts.slice(0, 3), parts[3]!.slice(0, -1) + sameBytes, parts[4]].join('.');
    for (const bad of [
      shortTag,
      otherEncoding,
      'v2.k1.a.b.c',
      'v1.k1.a.b',
      `${text}.extra`,
      '',
      PERSON.name,
    ]) {
      const error = thrown(() => crypto.decrypt(bad, CONTEXT));
      expect(error.code).toBe('ERR_FIELD_FORMAT');
      expectNoPlaintext(error.message);
    }
  });

  it('does not decrypt in another row or column (context bound as associated data)', () => {
    const crypto = createFieldCrypto(keyring());
    const text = crypto.encrypt(PERSON, CONTEXT);
    for (const other of [
      'cases.person_enc:7a1d2b44-0000-4000-8000-000000000000',
      'cases.screening_enc:0b6f3c1e-9c1a-4a57-9d0e-3a2f1c7f5e11',
      '',
    ]) {
      const error = thrown(() => crypto.decrypt(text, other));
      expect(error.code).toBe('ERR_FIELD_INTEGRITY');
      expectNoPlaintext(error.message);
    }
  });

  it('fails on an unknown key id with a message that holds no plaintext', () => {
    const text = createFieldCrypto(keyring('k9')).encrypt(PERSON, CONTEXT);
    const error = thrown(() => createFieldCrypto(keyring('k1')).decrypt(text, CONTEXT));
    expect(error.code).toBe('ERR_FIELD_UNKNOWN_KEY');
    expect(error.message).toContain('k1');
    expectNoPlaintext(error.message);
    // Even a crafted "key id" that is itself personal data is not echoed.
    const crafted = thrown(() =>
      createFieldCrypto(keyring()).decrypt('v1.A012345678.AAAA.BBBB.CCCC', CONTEXT),
    );
    expect(crafted.code).toBe('ERR_FIELD_UNKNOWN_KEY');
    expectNoPlaintext(crafted.message);
  });

  it('does not quote a decrypted text that is not JSON', () => {
    const ring = keyring();
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', ring.keys.get('k1')!, iv);
    cipher.setAAD(Buffer.from(CONTEXT));
    const body = Buffer.concat([cipher.update('José Núñez A012345678', 'utf8'), cipher.final()]);
    const text = ['v1', 'k1', iv, cipher.getAuthTag(), body]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
    const error = thrown(() => createFieldCrypto(ring).decrypt(text, CONTEXT));
    expect(error.code).toBe('ERR_FIELD_FORMAT');
    expectNoPlaintext(error.message);
  });
});

describe('blind indexes', () => {
  const ring = keyring();

  it('are stable across instances and hold no plaintext', () => {
    const a = createFieldCrypto(ring).blindIndex('A012345678', 'a_number');
    expect(createFieldCrypto(ring).blindIndex('A012345678', 'a_number')).toBe(a);
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expectNoPlaintext(a);
  });

  it('match an A-number however it is written, and only that A-number', () => {
    const crypto = createFieldCrypto(ring);
    const index = crypto.blindIndex('A012345678', 'a_number');
    for (const spelling of ['a012-345-678', 'A 012 345 678', '012345678', '12345678'])
      expect(crypto.blindIndex(spelling, 'a_number')).toBe(index);
    expect(crypto.blindIndex('A012345679', 'a_number')).not.toBe(index);
  });

  it('differ per purpose and per key', () => {
    const crypto = createFieldCrypto(ring);
    expect(crypto.blindIndex('12345678', 'a_number')).not.toBe(crypto.blindIndex('12345678', 'receipt'));
    expect(crypto.nameTokens('jose')[0]).not.toBe(crypto.blindIndex('jose', 'email'));
    expect(createFieldCrypto(keyring()).blindIndex('A012345678', 'a_number')).not.toBe(
      crypto.blindIndex('A012345678', 'a_number'),
    );
  });

  it('find a name whatever its case, accents and word order', () => {
    const crypto = createFieldCrypto(ring);
    const tokens = crypto.nameTokens('José Núñez');
    expect(tokens).toHaveLength(2);
    expect(crypto.nameTokens('JOSE NUNEZ')).toEqual(tokens);
    expect(crypto.nameTokens('  jose   nuñez ')).toEqual(tokens);
    expect(crypto.nameTokens('José\u0301 Nu\u0303n\u0303ez'.normalize('NFD'))).toEqual(tokens);
    expect(new Set(crypto.nameTokens('Núñez, José'))).toEqual(new Set(tokens));
    expect(crypto.nameTokens('José María')).toContain(tokens[0]);
    expect(crypto.nameTokens('Łukasz Müller-Straße')).toEqual(crypto.nameTokens('lukasz muller strasse'));
    expect(crypto.nameTokens('José José')).toHaveLength(1);
    expect(crypto.nameTokens('')).toEqual([]);
    for (const token of tokens) expectNoPlaintext(token);
  });

  it('keep letters of other scripts as words', () => {
    const crypto = createFieldCrypto(ring);
    expect(crypto.nameTokens('محمد رضایی')).toHaveLength(2);
    expect(crypto.nameTokens('ሰላም')).toHaveLength(1);
  });
});
