/**
 * Calendar lines fold at 75 octets (RFC 5545 3.1) without splitting a character, in any script:
 * the web app writes the same .ics in Spanish, French or Greek as the CLI does in English.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldLine } from '../../src/render/ics.ts';

describe('foldLine', () => {
  it('keeps every physical line within 75 octets, and unfolding gives the line back', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        const line = `SUMMARY:${text.replace(/[\r\n]/g, ' ')}`;
        const folded = foldLine(line);
        for (const physical of folded.split('\r\n'))
          expect(Buffer.byteLength(physical, 'utf8')).toBeLessThanOrEqual(75);
        expect(folded.replace(/\r\n /g, '')).toBe(line);
      }),
    );
  });

  it('counts a two-, three- and four-octet character as what it is', () => {
    // 70 ASCII octets, then "é" (2), "€" (3) and "𝄞" (4): 70 + 2 + 3 = 75 fits, the clef moves on.
    const line = `${'x'.repeat(70)}é€𝄞`;
    expect(foldLine(line).split('\r\n')).toEqual([`${'x'.repeat(70)}é€`, ' 𝄞']);
  });
});
