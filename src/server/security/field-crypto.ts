/**
 * Encryption of sensitive database fields with AES-256-GCM (names, A-numbers, birth dates,
 * addresses, screening answers, notes, events). The row and column are bound as associated data,
 * so a ciphertext copied to another row or column does not decrypt. Blind indexes (HMAC) allow
 * exact search without storing the searched text.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { Keyring } from './keyring.ts';

export interface FieldCrypto {
  encrypt(value: unknown, context: string): string;
  decrypt(text: string, context: string): unknown;
  /** A stable keyed hash of a normalised text, for exact-match search. */
  blindIndex(text: string, purpose: string): string;
  /** Blind indexes of each word of a name (accents and case ignored), for search by name. */
  nameTokens(name: string): string[];
}

/** Lowercase, accents removed, punctuation dropped: "José Núñez" and "jose nunez" match. */
export function normaliseWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function normaliseIdentifier(text: string): string {
  return text
    .replace(/[^A-Za-z0-9]/g, '')
    .toUpperCase()
    .replace(/^A/, '')
    .replace(/^0+/, '');
}

export function createFieldCrypto(keyring: Keyring): FieldCrypto {
  const indexKeys = new Map<string, Buffer>();
  const indexKey = (purpose: string) => {
    let key = indexKeys.get(purpose);
    if (!key) {
      // Indexes use the first key ever made, so rotation does not change what a search finds.
      key = Buffer.from(
        hkdfSync('sha256', keyring.indexKey, Buffer.alloc(0), `refugio blind index ${purpose}`, 32),
      );
      indexKeys.set(purpose, key);
    }
    return key;
  };
  const hmac = (purpose: string, text: string) =>
    createHmac('sha256', indexKey(purpose)).update(text).digest('base64url');

  return {
    encrypt(value, context) {
      const key = keyring.keys.get(keyring.currentId)!;
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(context));
      const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
      return [
        'v1',
        keyring.currentId,
        iv.toString('base64url'),
        cipher.getAuthTag().toString('base64url'),
        body.toString('base64url'),
      ].join('.');
    },
    decrypt(text, context) {
      const [version, keyId, iv, tag, body] = text.split('.');
      if (version !== 'v1' || !keyId || !iv || !tag || body === undefined)
        throw new Error('encrypted field has an unknown format');
      const key = keyring.keys.get(keyId);
      if (!key) throw new Error(`encrypted field uses key ${keyId}, which this server does not have`);
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAAD(Buffer.from(context));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        const plain = Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]);
        return JSON.parse(plain.toString('utf8'));
      } catch {
        throw new Error('encrypted field failed its integrity check (wrong key, row or column)');
      }
    },
    blindIndex(text, purpose) {
      return hmac(
        purpose,
        purpose === 'a_number' ? normaliseIdentifier(text) : normaliseWords(text).join(' '),
      );
    },
    nameTokens(name) {
      return [...new Set(normaliseWords(name))].map((w) => hmac('name', w));
    },
  };
}
