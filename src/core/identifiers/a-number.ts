/**
 * A-numbers (RULES.md F.1): the letter A and 7 to 9 digits, written on forms as nine digits
 * (A12345678 -> A012345678). Spaces, dashes and dots are ignored; anything else is refused.
 */
export type ANumberResult =
  | { readonly ok: true; readonly normalized: string }
  | { readonly ok: false; readonly error: string };

export function normalizeANumber(input: string): ANumberResult {
  const compact = input.trim().replace(/[\s\-.]/g, '');
  const m = /^[Aa]?(\d+)$/.exec(compact);
  if (!m) {
    return {
      ok: false,
      error: 'an A-number is the letter A followed by 7 to 9 digits (for example A012345678)',
    };
  }
  const digits = m[1]!;
  if (digits.length < 7 || digits.length > 9) {
    return { ok: false, error: `an A-number has 7 to 9 digits; this one has ${digits.length}` };
  }
  if (/^0+$/.test(digits)) return { ok: false, error: 'an A-number cannot be all zeros' };
  return { ok: true, normalized: `A${digits.padStart(9, '0')}` };
}
