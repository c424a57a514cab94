/**
 * Which writing systems a PDF page can show by placing one glyph after another, left to right:
 * Latin, Greek, Cyrillic, Armenian and Georgian, with the digits, punctuation and symbols they
 * share (Common) and combining accents (Inherited). Arabic, Hebrew, Devanagari, Ethiopic and other
 * scripts need shaping or reordering, which pdf-lib does not do.
 */
export const PLACED_GLYPH_BY_GLYPH =
  /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Armenian}\p{Script=Georgian}\p{Script=Common}\p{Script=Inherited}]$/u;

/** Whether every character of a text can be drawn glyph by glyph (see above). */
export function drawableGlyphByGlyph(text: string): boolean {
  for (const ch of text) if (!PLACED_GLYPH_BY_GLYPH.test(ch)) return false;
  return true;
}

/** Latin letters only, with digits, spaces, punctuation and accents: how courts spell a name. */
export function inLatinLetters(text: string): boolean {
  return /^[\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]+$/u.test(text);
}
