/**
 * The interview's English aims at a 6th-8th grade reading level. Flesch-Kincaid grade over the
 * questions, their help and their answers read as one text (test/support/reading-grade.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fleschKincaidGrade } from '../support/reading-grade.ts';

const web = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../src/content/locales/en/web.json'), 'utf8'),
) as Record<string, string>;

describe('reading level of the interview (English)', () => {
  // Names of forms and agencies are what they are; the words around them are what we control.
  const text = Object.entries(web)
    .filter(([k]) => /^(q|opt|event|detail)\./.test(k))
    .map(([, v]) => v.replace(/\{[^}]*\}/g, 'it').replace(/\([^)]*\)/g, ''));

  it('is at most 8th grade on average (Flesch-Kincaid)', () => {
    const grade = fleschKincaidGrade(text);
    process.stdout.write(`Interview reading grade: ${grade.toFixed(1)}\n`);
    expect(grade).toBeLessThanOrEqual(8.5);
  });

  it('the scale itself ranks legal prose above plain words', () => {
    const plain = fleschKincaidGrade(['Did you come here as a child?', 'When did you arrive?']);
    const legal = fleschKincaidGrade([
      'Notwithstanding any other provision of law, an application for asylum shall be adjudicated within the statutorily prescribed period applicable to affirmative applications.',
    ]);
    expect(plain).toBeLessThan(4);
    expect(legal).toBeGreaterThan(14);
  });
});
