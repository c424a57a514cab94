/**
 * An encrypted, portable copy of one case: what a person exports for their lawyer and what a
 * legal team imports into the tracker. Sealed with a passphrase (PBKDF2-SHA256 then AES-256-GCM)
 * through WebCrypto only, so the same code runs in the browser and on the server.
 */
import * as z from 'zod';

export const BUNDLE_FORMAT = 'refugio-case-bundle';
export const ITERATIONS = 600_000; // OWASP's 2023 figure for PBKDF2-HMAC-SHA256

export const bundleContent = z.object({
  person: z.object({
    name: z.string().min(1).max(300),
    aNumber: z.string().max(40).optional(),
    birthDate: z.string().max(10).optional(),
    address: z.string().max(500).optional(),
    countryOfNationality: z.string().max(100).optional(),
  }),
  screening: z.record(z.string(), z.unknown()).nullable(),
  events: z.array(z.record(z.string(), z.unknown())).max(1000),
  notes: z.array(z.string().max(20_000)).max(1000),
});
export type BundleContent = z.infer<typeof bundleContent>;

export const sealedBundle = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(1),
  kdf: z.strictObject({
    name: z.literal('PBKDF2-SHA256'),
    iterations: z.int().min(100_000).max(10_000_000),
    salt: z.string().max(64),
  }),
  iv: z.string().max(32),
  ciphertext: z.string().max(20_000_000),
});
export type SealedBundle = z.infer<typeof sealedBundle>;

function b64(bytes: Uint8Array): string {
  // In chunks: spreading a large array into one call would overflow the stack.
  let raw = '';
  for (let i = 0; i < bytes.length; i += 0x8000) raw += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(raw);
}
function unb64(text: string): Uint8Array<ArrayBuffer> {
  const raw = atob(text);
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

/** The AES-256-GCM key a passphrase gives with PBKDF2-SHA256 (also used by src/backup's organisation backups). */
export async function deriveKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number) {
  const material = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

export class BundleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BundleError';
  }
}

/** A value sealed with a passphrase; `purpose` is bound into the cipher, so one kind of file cannot pass for another. */
export interface Sealed {
  readonly format: string;
  readonly version: 1;
  readonly kdf: { readonly name: 'PBKDF2-SHA256'; readonly iterations: number; readonly salt: string };
  readonly iv: string;
  readonly ciphertext: string;
}

export async function sealJson(
  value: unknown,
  passphrase: string,
  purpose: string,
  iterations = ITERATIONS,
): Promise<Sealed> {
  if (passphrase.length < 8) throw new BundleError('the passphrase needs at least 8 characters');
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await deriveKey(passphrase, salt, iterations);
  const plain = new TextEncoder().encode(JSON.stringify(value));
  const cipher = new Uint8Array(
    await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(purpose) },
      key,
      plain,
    ),
  );
  return {
    format: purpose,
    version: 1,
    kdf: { name: 'PBKDF2-SHA256', iterations, salt: b64(salt) },
    iv: b64(iv),
    ciphertext: b64(cipher),
  };
}

/** Opens a sealed value; a wrong passphrase and a damaged file give the same error, naming neither. */
export async function openJson(sealed: Sealed, passphrase: string, purpose: string): Promise<unknown> {
  const { kdf, iv, ciphertext } = sealed;
  let plain: ArrayBuffer;
  try {
    if (sealed.format !== purpose) throw new Error('other purpose');
    const key = await deriveKey(passphrase, unb64(kdf.salt), kdf.iterations);
    plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: unb64(iv), additionalData: new TextEncoder().encode(purpose) },
      key,
      unb64(ciphertext),
    );
  } catch {
    throw new BundleError('the passphrase is wrong or the file is damaged');
  }
  return JSON.parse(new TextDecoder().decode(plain));
}

export async function sealBundle(
  content: BundleContent,
  passphrase: string,
  iterations = ITERATIONS,
): Promise<SealedBundle> {
  return (await sealJson(content, passphrase, BUNDLE_FORMAT, iterations)) as SealedBundle;
}

/** Opens a bundle; a wrong passphrase and a damaged file give the same error, naming neither. */
export async function openBundle(input: unknown, passphrase: string): Promise<BundleContent> {
  const sealed = sealedBundle.safeParse(input);
  if (!sealed.success) throw new BundleError('this is not a Refugio case file');
  const content = bundleContent.safeParse(await openJson(sealed.data, passphrase, BUNDLE_FORMAT));
  if (!content.success) throw new BundleError('the case file does not contain a valid case');
  return content.data;
}
