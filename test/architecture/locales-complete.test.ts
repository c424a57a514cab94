/**
 * Every language has every key, with the same ICU arguments as English, and every key the web app
 * asks for exists. A missing or broken translation fails here, not in front of a person.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const localesDir = join(root, 'src/content/locales');
const languages = readdirSync(localesDir).filter((d) => statSync(join(localesDir, d)).isDirectory());
const files = readdirSync(join(localesDir, 'en')).filter((f) => f.endsWith('.json'));
const read = (lang: string, file: string): Record<string, string> =>
  JSON.parse(readFileSync(join(localesDir, lang, file), 'utf8'));

type Ast = ReturnType<typeof parse>;
function argumentsOf(ast: Ast, out = new Set<string>()): Set<string> {
  for (const el of ast) {
    if (el.type !== TYPE.literal && el.type !== TYPE.pound && 'value' in el)
      out.add(`${el.value}:${el.type}`);
    if ('options' in el) for (const o of Object.values(el.options)) argumentsOf(o.value, out);
    if ('children' in el) argumentsOf(el.children, out);
  }
  return out;
}

describe('locales', () => {
  it('include English, Spanish and French', () => {
    expect(languages).toEqual(expect.arrayContaining(['en', 'es', 'fr']));
  });

  for (const lang of languages.filter((l) => l !== 'en')) {
    for (const file of files) {
      it(`${lang}/${file} has every English key, no other, each valid ICU with the same arguments`, () => {
        const en = read('en', file);
        const tr = read(lang, file);
        expect(
          Object.keys(en).filter((k) => !(k in tr)),
          'missing keys',
        ).toEqual([]);
        expect(
          Object.keys(tr).filter((k) => !(k in en)),
          'keys English does not have',
        ).toEqual([]);
        const broken: string[] = [];
        for (const [key, text] of Object.entries(tr)) {
          try {
            new IntlMessageFormat(text, lang);
            const want = [...argumentsOf(parse(en[key]!))].sort().join();
            const got = [...argumentsOf(parse(text))].sort().join();
            if (want !== got) broken.push(`${key}: ${got} instead of ${want}`);
          } catch (err) {
            broken.push(`${key}: ${(err as Error).message}`);
          }
        }
        expect(broken).toEqual([]);
      });
    }
  }

  it('every literal key the web app asks for exists in English', () => {
    const en = Object.assign({}, ...files.map((f) => read('en', f))) as Record<string, string>;
    const missing: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(name)) {
          const text = readFileSync(path, 'utf8');
          for (const m of text.matchAll(/\bt\.t\('([a-zA-Z0-9_.]+)'/g))
            if (!(m[1]! in en)) missing.push(`${name}: ${m[1]}`);
        }
      }
    };
    walk(join(root, 'src/web'));
    expect(missing).toEqual([]);
  });

  it('every question the interview can ask has a title in English', async () => {
    const { questionFor } = await import('../../src/core/interview/questions.ts');
    const { screening } = await import('../../src/core/facts/screening.ts');
    const web = read('en', 'web.json');
    const ids = [...Object.keys(screening.shape), 'person.birthDate', 'criminalHistory.sentenceYears'];
    expect(
      ids.filter((id) => !(`q.${id}.title` in web)),
      'questions without words',
    ).toEqual([]);
    const options: string[] = [];
    for (const id of ids) {
      const a = questionFor(id).answer;
      const values =
        a.kind === 'one_of' || a.kind === 'some_of'
          ? a.options
          : a.kind === 'convictions'
            ? a.categories
            : [];
      const prefix = a.kind === 'convictions' ? 'opt.criminalHistory' : `opt.${id}`;
      for (const v of values) if (!(`${prefix}.${v}` in web)) options.push(`${prefix}.${v}`);
    }
    expect(options, 'answer options without words').toEqual([]);
  });
});

describe('the case page’s documents', () => {
  it('have words for every document, field and option it offers', async () => {
    const { ADDRESS_PARTS, FIELDS } = await import('../../src/web/team/document-fields.ts');
    const { DOCUMENT_KINDS } = await import('../../src/documents/kinds/index.ts');
    const web = read('en', 'team.json');
    const keys = [
      ...Object.keys(FIELDS).map((k) => `doc.kind.${k}`),
      ...Object.values(FIELDS).flatMap((fields) =>
        fields.flatMap((f) => [
          `doc.field.${f.path}`,
          ...(typeof f.kind === 'object' ? f.kind.options.map((o) => `doc.option.${o}`) : []),
        ]),
      ),
      ...ADDRESS_PARTS.map((p) => `doc.address.${p}`),
    ];
    expect(keys.filter((k) => !(k in web))).toEqual([]);
    // Every document the API prepares is offered on the case page.
    expect(Object.keys(DOCUMENT_KINDS).filter((k) => !(k in FIELDS))).toEqual([]);
  });
});
