/**
 * The Learn explainers: every language has every topic the results link to, with the same
 * citations and related topics as English, and every citation is one the law data knows.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CITATIONS } from '../../law/citations.ts';
import { TOPIC_OF_POSTURE, TOPIC_OF_RELIEF, topicOfDeadline } from '../../src/web/learn-topics.ts';

interface Topic {
  id: string;
  title: string;
  summary: string;
  body: string[];
  citations: string[];
  related: string[];
  keywords?: string[];
}

const dir = join(import.meta.dirname, '../../src/content/learn');
const languages = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -5));
const topics = (lang: string): Topic[] =>
  (JSON.parse(readFileSync(join(dir, `${lang}.json`), 'utf8')) as { topics: Topic[] }).topics;

/** Every topic the web app links to from a result. */
const linked = new Set([
  ...Object.values(TOPIC_OF_RELIEF),
  ...Object.values(TOPIC_OF_POSTURE),
  ...['address_change', 'bia_appeal', 'motion_to_reopen', 'ead_clock', 'one_year_filing', 'prehearing']
    .map(topicOfDeadline)
    .filter((t): t is string => t !== undefined),
]);

describe('Learn explainers', () => {
  it('exist in English, Spanish and French', () => {
    expect(languages).toEqual(expect.arrayContaining(['en', 'es', 'fr']));
  });

  const english = topics('en');
  it('cover every topic the results link to, with real citations and related topics', () => {
    const ids = english.map((t) => t.id);
    expect([...linked].filter((id) => !ids.includes(id))).toEqual([]);
    for (const t of english) {
      expect(t.title.length, t.id).toBeGreaterThan(0);
      expect(t.body.length, t.id).toBeGreaterThanOrEqual(3);
      expect(t.citations.length, t.id).toBeGreaterThan(0);
      expect(t.citations.filter((c) => !Object.hasOwn(CITATIONS, c))).toEqual([]);
      expect(t.related.filter((r) => !ids.includes(r))).toEqual([]);
    }
  });

  for (const lang of languages.filter((l) => l !== 'en')) {
    it(`${lang} has the same topics, paragraphs, citations and related topics as English`, () => {
      const own = topics(lang);
      expect(own.map((t) => t.id)).toEqual(english.map((t) => t.id));
      own.forEach((t, i) => {
        const en = english[i]!;
        expect(t.body.length, t.id).toBe(en.body.length);
        expect(t.citations, t.id).toEqual(en.citations);
        expect(t.related, t.id).toEqual(en.related);
        // A topic left in English is a missing translation, not a translation.
        expect(t.title, t.id).not.toBe(en.title);
        expect(t.summary, t.id).not.toBe(en.summary);
      });
    });
  }
});
