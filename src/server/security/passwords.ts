/**
 * Password hashes and opaque tokens.
 *
 * Passwords use argon2id through @node-rs/argon2 (a prebuilt npm platform package, no build step)
 * with OWASP's recommended parameters (19 MiB, 2 passes, 1 lane: ~9 ms here, and small enough that
 * a burst of logins cannot exhaust a small server's memory). The PHC string it returns carries its
 * parameters, so they can be raised later: `needsRehash` tells when a stored hash is weaker than
 * today's, and the caller re-hashes at the next successful login.
 *
 * Hashes from Refugio's first releases, `scrypt$N$r$p$salt$hash` (node:crypto), still verify.
 *
 * Tokens (sessions, API tokens, calendar feeds) are 32 random bytes, stored only as their SHA-256:
 * a database dump then holds nothing that can be replayed, and a fast hash is enough because the
 * token itself has 256 bits of entropy.
 */

import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { type Algorithm, hash, verify } from '@node-rs/argon2';

// `Algorithm` is an ambient const enum, which isolatedModules cannot read: 2 is Argon2id.
const ARGON2ID = 2 as Algorithm;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
const CURRENT_PREFIX = `$argon2id$v=19$m=${OPTIONS.memoryCost},t=${OPTIONS.timeCost},p=${OPTIONS.parallelism}$`;

/**
 * The same password typed on two keyboards can reach us composed (é) or decomposed (e + ´):
 * normalise so both verify.
 */
const normalise = (password: string) => password.normalize('NFC');

export async function hashPassword(password: string): Promise<string> {
  return hash(normalise(password), OPTIONS);
}

function scryptKey(password: string, salt: Buffer, n: number, r: number, p: number, length: number) {
  return new Promise<Buffer>((resolve, reject) =>
    scrypt(password, salt, length, { N: n, r, p, maxmem: 256 * n * r }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

async function verifyScrypt(stored: string, password: string): Promise<boolean> {
  const [, n, r, p, salt, digest] = stored.split('$');
  const expected = Buffer.from(digest ?? '', 'base64url');
  const [N, R, P] = [Number(n), Number(r), Number(p)];
  // Bounded so a corrupted row cannot make one login allocate gigabytes.
  if (!(N >= 2 && N <= 2 ** 20 && R >= 1 && R <= 32 && P >= 1 && P <= 16) || expected.length < 16)
    return false;
  const key = await scryptKey(password, Buffer.from(salt ?? '', 'base64url'), N, R, P, expected.length);
  return timingSafeEqual(key, expected);
}

/** False for a wrong password and for a stored value that is not a hash this code knows. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    if (stored.startsWith('$argon2')) return await verify(stored, normalise(password));
    if (stored.startsWith('scrypt$')) return await verifyScrypt(stored, normalise(password));
    return false;
  } catch {
    return false;
  }
}

/** True when a stored hash was made with other (older) parameters than hashPassword uses now. */
export function needsRehash(stored: string): boolean {
  return !stored.startsWith(CURRENT_PREFIX);
}

/** 32 random bytes, base64url: for sessions, API tokens and calendar feed URLs. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database stores instead of a token (SHA-256, hex). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Constant-time string comparison (CSRF tokens, signatures). Comparing fixed-length digests means
 * neither the content nor the length of the secret shows in the timing.
 */
export function safeEqual(a: string, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(a), digest(b));
}
