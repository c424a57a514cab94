/**
 * The files a case may keep: PDFs and the two image formats phones and scanners produce. The
 * declared type must match the first bytes, so a renamed file cannot pass for another kind.
 */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const ALLOWED_FILE_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export type AllowedFileType = (typeof ALLOWED_FILE_TYPES)[number];

const SIGNATURES: Readonly<Record<AllowedFileType, readonly number[]>> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'image/jpeg': [0xff, 0xd8, 0xff],
};

export function isAllowedFileType(type: string): type is AllowedFileType {
  return (ALLOWED_FILE_TYPES as readonly string[]).includes(type);
}

export function looksLike(type: AllowedFileType, bytes: Uint8Array): boolean {
  return SIGNATURES[type].every((b, i) => bytes[i] === b);
}
