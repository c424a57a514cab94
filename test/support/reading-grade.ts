/**
 * The Flesch-Kincaid grade of English text, with a plain syllable count (vowel groups, a silent
 * final e): rough, but it catches drift into legal prose. The interview's words and the documents'
 * explanation pages aim at a 6th-8th grade reading level.
 */
function syllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (w.length <= 3) return 1;
  const groups = w.replace(/(?:[^laeiouy]es|ed|[^laeiouy]e)$/, '').match(/[aeiouy]{1,2}/g);
  return Math.max(1, groups?.length ?? 1);
}

/** The grade of sentences read as one text. */
export function fleschKincaidGrade(sentences: readonly string[]): number {
  const words = sentences.flatMap((s) => s.split(/\s+/).filter((w) => /[a-z]/i.test(w)));
  const syll = words.reduce((n, w) => n + syllables(w), 0);
  return 0.39 * (words.length / sentences.length) + 11.8 * (syll / words.length) - 15.59;
}
