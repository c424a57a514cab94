/**
 * Encryption of sensitive database fields (names, A-numbers, birth dates, addresses, screening
 * answers, notes, events) with AES-256-GCM, because asylum information is confidential by law
 * (8 CFR 208.6) and a copied database file or backup must not disclose it.
 *
 * Format: `v1.<keyId>.<iv>.<tag>.<ciphertext>`, each part base64url. The key id travels with the
 * ciphertext so old rows still decrypt after a key rotation (see keyring.ts, docs/key-rotation.md).
 * The caller's context (table, column and row id, e.g. `cases.person_enc:<caseId>`) is bound as
 * associated data, so a ciphertext copied to another row or column fails its integrity check.
 *
 * Blind indexes (HMAC-SHA256) allow exact search by A-number or by name words without storing
 * either in clear. They are keyed from the current key, so they must be recomputed when the key
 * rotates (docs/key-rotation.md).
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { Keyring } from './keyring.ts';

export interface FieldCrypto {
  /** The id of the key new ciphertexts and blind indexes use. */
  readonly currentKeyId: string;
  encrypt(value: unknown, context: string): string;
  decrypt(text: string, context: string): unknown;
  /** The key id a ciphertext names (without decrypting it), or undefined if it is not one. */
  keyIdOf(text: string): string | undefined;
  /** A stable keyed hash of a normalised text, for exact-match search. */
  blindIndex(text: string, purpose: string): string;
  /** Blind indexes of each distinct word of a name (accents and case ignored), for search by name. */
  nameTokens(name: string): string[];
}

/** Codes let callers (and logs) tell failures apart without reading a message. */
export type FieldCryptoErrorCode = 'ERR_FIELD_FORMAT' | 'ERR_FIELD_UNKNOWN_KEY' | 'ERR_FIELD_INTEGRITY';

/** Messages never contain the plaintext, the ciphertext or the context. */
export class FieldCryptoError extends Error {
  override readonly name = 'FieldCryptoError';
  constructor(
    readonly code: FieldCryptoErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const VERSION = 'v1';
const IV_BYTES = 12; // the GCM standard nonce; random nonces are safe far beyond this project's row counts
const TAG_BYTES = 16; // full-length tags only: Node would otherwise accept truncated ones
export const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/; // no dots: the key id is a field of the format

/**
 * Strict base64url: Buffer.from ignores stray characters and unused trailing bits, so several
 * strings decode to the same bytes. Requiring the canonical form keeps the format non-malleable.
 */
function decodePart(part: string): Buffer | undefined {
  const bytes = Buffer.from(part, 'base64url');
  return bytes.toString('base64url') === part ? bytes : undefined;
}

/**
 * Words of a name for search: NFKD with combining marks removed and lowercased, so "José Núñez"
 * and "JOSE NUNEZ" match; letters that do not decompose (ß, ł, ø, æ...) are folded to what people
 * type on a plain keyboard; punctuation and spaces separate words.
 */
const FOLDS: Record<string, string> = {
  ß: 'ss',
  ł: 'l',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  æ: 'ae',
  œ: 'oe',
  ı: 'i',
};

export function normaliseWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßłøđðþæœı]/g, (c) => FOLDS[c] ?? c)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** A-numbers are written "A012-345-678", "a 12345678" or "012345678": keep the digits that count. */
export function normaliseANumber(text: string): string {
  return text
    .replace(/[^A-Za-z0-9]/g, '')
    .toUpperCase()
    .replace(/^A/, '')
    .replace(/^0+/, '');
}

/** Which normalisation a purpose uses: identifiers lose their formatting, texts their accents. */
function normaliseFor(purpose: string, text: string): string {
  return purpose === 'a_number' ? normaliseANumber(text) : normaliseWords(text).join(' ');
}

export function createFieldCrypto(keyring: Keyring): FieldCrypto {
  const currentKey = keyring.keys.get(keyring.currentId);
  if (!currentKey) throw new FieldCryptoError('ERR_FIELD_UNKNOWN_KEY', 'the keyring has no current key');

  // One HMAC key per purpose (HKDF info), so an index for one purpose says nothing about another.
  const indexKeys = new Map<string, Buffer>();
  const indexKey = (purpose: string) => {
    let key = indexKeys.get(purpose);
    if (!key) {
      key = Buffer.from(
        hkdfSync('sha256', currentKey, Buffer.alloc(0), `refugio blind index v1 ${purpose}`, 32),
      );
      indexKeys.set(purpose, key);
    }
    return key;
  };
  const hmac = (purpose: string, text: string) =>
    createHmac('sha256', indexKey(purpose)).update(text, 'utf8').digest('base64url');

  return {
    currentKeyId: keyring.currentId,

    encrypt(value, context) {
      const json = JSON.stringify(value);
      // JSON.stringify(undefined) is undefined: refuse rather than store something that reads back wrong.
      if (json === undefined) throw new TypeError('only JSON values can be encrypted');
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', currentKey, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(json, 'utf8'), cipher.final()]);
      return [
        VERSION,
        keyring.currentId,
        iv.toString('base64url'),
        cipher.getAuthTag().toString('base64url'),
        body.toString('base64url'),
      ].join('.');
    },

    decrypt(text, context) {
      const parts = text.split('.');
      const [version, keyId, ivText, tagText, bodyText] = parts;
      if (
        parts.length !== 5 ||
        version !== VERSION ||
        !keyId ||
        !ivText ||
        !tagText ||
        bodyText === undefined
      )
        throw new FieldCryptoError('ERR_FIELD_FORMAT', 'encrypted field has an unknown format');
      const key = keyring.keys.get(keyId);
      if (!key)
        // The unknown id is not echoed: a text that only looks like a ciphertext could carry
        // anything there. keyIdOf() tells an operator which key a stored value names.
        throw new FieldCryptoError(
          'ERR_FIELD_UNKNOWN_KEY',
          `encrypted field names a key this server does not have (it has: ${[...keyring.keys.keys()].join(', ')})`,
        );
      const iv = decodePart(ivText);
      const tag = decodePart(tagText);
      const body = decodePart(bodyText);
      if (iv?.length !== IV_BYTES || tag?.length !== TAG_BYTES || !body)
        throw new FieldCryptoError('ERR_FIELD_FORMAT', 'encrypted field has an unknown format');
      let plain: Buffer;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
        decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(tag);
        plain = Buffer.concat([decipher.update(body), decipher.final()]);
      } catch {
        throw new FieldCryptoError(
          'ERR_FIELD_INTEGRITY',
          'encrypted field failed its integrity check (altered, or moved from another row or column)',
        );
      }
      try {
        return JSON.parse(plain.toString('utf8'));
      } catch {
        // JSON.parse's own message quotes the text it read, which here is the plaintext.
        throw new FieldCryptoError('ERR_FIELD_FORMAT', 'encrypted field does not hold a JSON value');
      }
    },

    keyIdOf(text) {
      const [version, keyId] = text.split('.', 2);
      return version === VERSION && keyId && KEY_ID_PATTERN.test(keyId) ? keyId : undefined;
    },

    blindIndex(text, purpose) {
      return hmac(purpose, normaliseFor(purpose, text));
    },

    nameTokens(name) {
      return [...new Set(normaliseWords(name))].map((word) => hmac('name', word));
    },
  };
}
