/**
 * Certificates of translation (8 CFR 1003.33; 8 CFR 103.2(b)(3)): one page per translated
 * document, then a page of instructions that is not filed; rendered as PDF and DOCX and read back.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildTranslationCertificate,
  translationStatement,
} from '../../src/documents/kinds/translation-certificate.ts';
import { documentStrings } from '../../src/documents/model.ts';
import { renderPdf } from '../../src/documents/pdf.ts';
import { cliError, runCli } from '../cli/run-cli.ts';
import { flat, pageSizes, pdfPages, readBackDocx, readBackPdf } from './read-back.ts';
import { FIXTURES, fixture, type Input, refusalOf, scratchDir } from './support.ts';

const base = fixture<
  Input & { translation: Record<string, unknown> & { translator: Record<string, unknown> } }
>('translation-certificate.json');
const withTranslation = (changes: Record<string, unknown>) => ({
  ...base,
  translation: { ...base.translation, ...changes },
});
const withTranslator = (changes: Record<string, unknown>) =>
  withTranslation({ translator: { ...base.translation.translator, ...changes } });

const text = (input: unknown) => flat(documentStrings(buildTranslationCertificate(input)).join('\n'));

describe('the certificates', () => {
  it('makes one certificate per translated document, then one page of instructions, then the explanation', () => {
    const model = buildTranslationCertificate(base);
    expect(model.sections).toHaveLength(4);
    expect(model.title).toBe('Certificate of translation');
    for (const s of model.sections.slice(0, 2)) {
      expect(s.blocks[0]).toEqual({ type: 'heading', text: 'Certificate of Translation' });
      expect(s.blocks.filter((b) => b.type === 'signature')).toEqual([
        { type: 'signature', signer: 'Γιώργος Παπαδόπουλος', dateLine: 'Date: ______________________' },
      ]);
    }
  });

  it('states competence in both languages and a complete and accurate translation, per document and language', () => {
    const t = text(base);
    expect(t).toContain(
      'I, Γιώργος Παπαδόπουλος, certify that I am competent in Spanish and in English, and competent to translate from Spanish into English. ' +
        'I certify that the attached English translation of the document titled "Birth certificate of José Núñez" is a complete, true and accurate translation of the original',
    );
    expect(t).toContain('competent to translate from Russian into English');
    expect(t).toContain('"Letter from Аня Петрова about the events of March 2023"');
    expect(t).toContain('Translated from Spanish into English');
    expect(t).toContain('Translation 2 pages, attached');
    expect(t).toContain('Translation 1 page, attached');
  });

  it("gives the translator's name, address and contact, and names the case when the person is given", () => {
    const t = text(base);
    expect(t).toContain(
      'Translator Γιώργος Παπαδόπουλος Address 7 Elm St, Apt 2B Queens, NY 11101 Phone +1 718 555 0199',
    );
    expect(t).toContain('In the matter of José Núñez A-Number A012345678');
    const { document: _d, ...anonymous } = base;
    const without = text(anonymous);
    expect(without).not.toContain('In the matter of');
    expect(without).not.toContain('A-Number');
  });

  it('cites both rules on the instructions page, and says it is not filed', () => {
    const model = buildTranslationCertificate(base);
    // The instructions come before the explanation in the person's language (explanations.test.ts).
    const last = flat(documentStrings({ ...model, sections: [model.sections.at(-2)!] }).join('\n'));
    expect(last).toContain('Keep this page; do not file it.');
    expect(last).toContain(
      '8 CFR 1003.33 for the immigration court and the BIA; 8 CFR 103.2(b)(3) for USCIS',
    );
    expect(last).toContain('This is legal information, not legal advice.');
  });
});

describe('refusals', () => {
  it.each([
    ['no translation object', { translation: undefined }, 'translation', /translation is required/],
    [
      'no documents',
      withTranslation({ documents: [] }),
      'translation.documents',
      /at least one translated document/,
    ],
    ['a missing list', withTranslation({ documents: undefined }), 'translation.documents', /is required/],
    [
      'English as the source',
      withTranslation({ fromLanguage: 'English' }),
      'translation.fromLanguage',
      /language of the original/,
    ],
    [
      'no language',
      withTranslation({ fromLanguage: undefined, documents: [{ title: 'Birth certificate' }] }),
      'translation.documents.0.fromLanguage',
      /is required \(or translation.fromLanguage/,
    ],
    [
      'zero pages',
      withTranslation({ documents: [{ title: 'x', pages: 0 }] }),
      'translation.documents.0.pages',
      /at least 1/,
    ],
    [
      'half a page',
      withTranslation({ documents: [{ title: 'x', pages: 1.5 }] }),
      'translation.documents.0.pages',
      /whole number/,
    ],
    [
      'an unknown field',
      withTranslation({ documents: [{ title: 'x', name: 'x' }] }),
      'translation.documents.0',
      /unknown field "name"/,
    ],
    [
      'no translator address',
      withTranslator({ address: undefined }),
      'translation.translator.address',
      /is required/,
    ],
    [
      'a control character',
      withTranslator({ name: 'Ana\u0007' }),
      'translation.translator.name',
      /control characters/,
    ],
    ['a bad email', withTranslator({ email: 'nope' }), 'translation.translator.email', /email address/],
  ])('refuses %s', (_label, input, path, message) => {
    const err = refusalOf(() => buildTranslationCertificate({ ...base, ...input }));
    expect(err.path.join('.')).toBe(path);
    expect(err.message).toMatch(message);
  });

  it('refuses a bad A-number when the person is given', () => {
    const err = refusalOf(() =>
      buildTranslationCertificate({ ...base, document: { name: 'José Núñez', aNumber: 'A1' } }),
    );
    expect(err.path.join('.')).toBe('document.aNumber');
  });
});

const NAMES = ['José Núñez', 'Γιώργος', 'Аня Петрова'];

describe('the PDF', () => {
  it.each(NAMES)('carries the translator %s and the statement on each certificate page', async (name) => {
    const pdf = await readBackPdf(
      buildTranslationCertificate(withTranslator({ name })),
      `translation-certificate-${NAMES.indexOf(name) + 1}`,
    );
    const pages = pdf.pages.map(flat);
    expect(pages).toHaveLength(4);
    expect(pages[0]).toContain(
      flat(translationStatement(name.normalize('NFC'), 'Spanish', 'Birth certificate of José Núñez')),
    );
    expect(pages[0]).toContain('A-Number: A012345678');
    expect(pages[1]).toContain(
      flat(
        translationStatement(
          name.normalize('NFC'),
          'Russian',
          'Letter from Аня Петрова about the events of March 2023',
        ),
      ),
    );
    expect(pages[1]).toContain('Address: 7 Elm St, Apt 2B Queens, NY 11101');
    expect(pages[2]).toContain('How to use these certificates');
    expect(pages[3]).toContain('About this document');
    if (pdf.poppler !== null) expect(flat(pdf.poppler)).toContain(name.normalize('NFC'));
    expect(await pageSizes(pdf.bytes)).toEqual(Array(4).fill({ width: 612, height: 792 }));
  });

  it('makes one page per document for many documents', async () => {
    const documents = Array.from({ length: 5 }, (_, i) => ({ title: `Exhibit ${i + 1}` }));
    const pages = await pdfPages(
      await renderPdf(buildTranslationCertificate(withTranslation({ documents }))),
    );
    expect(pages).toHaveLength(7);
    for (const [i, p] of pages.slice(0, 5).entries()) expect(flat(p)).toContain(`Document: Exhibit ${i + 1}`);
  });
});

describe('the DOCX', () => {
  it.each(NAMES)('carries the translator %s, one section per certificate', async (name) => {
    const docx = await readBackDocx(
      buildTranslationCertificate(withTranslator({ name })),
      `translation-certificate-${NAMES.indexOf(name) + 1}`,
    );
    expect([...docx.xml.matchAll(/<w:pgSz /g)]).toHaveLength(4);
    const t = docx.text;
    expect(t).toContain(
      translationStatement(name.normalize('NFC'), 'Spanish', 'Birth certificate of José Núñez'),
    );
    expect(flat(t)).toContain('Translated: from Russian into English');
  });
});

describe('refugio document translation-certificate', () => {
  const dir = scratchDir('translation');

  it('writes the certificates as PDF', async () => {
    const out = join(dir, 'cert.pdf');
    const r = runCli([
      'document',
      'translation-certificate',
      join(FIXTURES, 'translation-certificate.json'),
      '--out',
      out,
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Wrote translation-certificate (PDF) to ${out}`);
    expect(await pdfPages(readFileSync(out))).toHaveLength(4);
  });

  it('exits 2 when the source language is English, pointing at the field', () => {
    const file = join(dir, 'english.json');
    writeFileSync(file, JSON.stringify(withTranslation({ fromLanguage: 'english' })));
    const r = runCli([
      'document',
      'translation-certificate',
      file,
      '--out',
      join(dir, 'x.pdf'),
      '--format',
      'json',
    ]);
    expect(r.code).toBe(2);
    const error = cliError(r.stderr);
    expect(error.path).toBe('translation.fromLanguage');
    expect(error.message).toMatch(/must be the language of the original document/);
  });
});
