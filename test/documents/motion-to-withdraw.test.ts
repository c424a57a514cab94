/**
 * The motion to withdraw an asylum application before the immigration court, end to end: built
 * from a case the law core places before the court, written as PDF and DOCX, and read back.
 */
import { describe, expect, it } from 'vitest';
import { assess, parseCaseFacts } from '../../src/core/index.ts';
import {
  buildMotionToWithdraw,
  motionToWithdrawStatement,
} from '../../src/documents/kinds/motion-to-withdraw.ts';
import { documentStrings } from '../../src/documents/model.ts';
import { fixture, refusalOf, renderBoth, withDocument } from './support.ts';

const base = fixture('motion-to-withdraw.json');
const TITLE =
  "RESPONDENT'S MOTION TO WITHDRAW THE APPLICATION FOR ASYLUM AND FOR WITHHOLDING OF REMOVAL (FORM I-589)";

describe('the motion to withdraw', () => {
  it('fits a case the law core places before the immigration court, and fills what the core asks for', () => {
    const advice = assess(parseCaseFacts(base), { withdrawal: true }).withdrawal!;
    expect(advice.channel).toBe('ij_motion');
    const text = documentStrings(buildMotionToWithdraw(base)).join('\n');
    const expected: Record<string, string> = {
      caption: 'In the Matter of:',
      name: 'José Núñez',
      aNumber: 'File No.: A012-345-678',
      statementOfWithdrawal: motionToWithdrawStatement('José Núñez'),
      withOrWithoutPrejudice: 'The respondent asks that the withdrawal be without prejudice.',
      otherReliefSought:
        'the respondent asks the Court for: voluntary departure before the end of proceedings.',
      proofOfServiceOnDhs: 'PROOF OF SERVICE',
      signature: 'Respectfully submitted,',
      date: 'Date: November 22, 2026',
    };
    for (const item of advice.contents) expect(text, item).toContain(expected[item]);
  });

  it.each([
    ['José Núñez', 'pdf'],
    ['Аня Петрова', 'cyrillic'],
  ])(
    'carries %s through PDF and DOCX: cover, motion, proposed order, proof of service',
    async (name, tag) => {
      const { pages, docx } = await renderBoth(
        buildMotionToWithdraw(withDocument(base, { name })),
        `motion-to-withdraw-${tag}`,
      );
      // Cover, motion, proposed order, proof of service, the page for the person, and the
      // explanation in the person's language (explanations.test.ts).
      expect(pages).toHaveLength(6);
      const [cover, motion, order, proof, notes] = pages as [string, string, string, string, string];
      for (const text of [cover, docx]) {
        expect(text).toContain(`${name} 12 Main St, Apt 3 Newark, NJ 07102 Respondent, pro se`);
        expect(text).toContain('NON-DETAINED');
        expect(text).toContain(
          'UNITED STATES DEPARTMENT OF JUSTICE EXECUTIVE OFFICE FOR IMMIGRATION REVIEW IMMIGRATION COURT NEWARK, NJ',
        );
        expect(text).toContain(`In the Matter of: ${name}, Respondent. In removal proceedings.`);
        expect(text).toContain('File No.: A012-345-678');
        expect(text).toContain(TITLE);
        expect(text).toContain('Immigration Judge: Daniel Okafor');
        // From the case's hearing notice: 2027-01-12 is a Tuesday.
        expect(text).toContain('Next hearing: Tuesday, January 12, 2027');
      }
      for (const text of [motion, docx]) {
        expect(text).toContain(motionToWithdrawStatement(name));
        expect(text).toContain('The application was filed on March 1, 2026.');
        expect(text).toContain('without prejudice');
        expect(text).toContain(
          "The respondent's reason for withdrawing: I intend to leave the United States.",
        );
        expect(text).toContain(`${name} Date: November 22, 2026 Respondent, pro se`);
      }
      for (const text of [order, docx]) {
        expect(text).toContain('ORDER OF THE IMMIGRATION JUDGE');
        expect(text).toMatch(/GRANTED.*DENIED/);
        expect(text).toMatch(
          /If the motion is granted, the application is withdrawn: . ?with prejudice . ?without prejudice/,
        );
        expect(text).toContain('Immigration Judge Daniel Okafor Date: ____');
      }
      for (const text of [proof, docx]) {
        expect(text).toContain('PROOF OF SERVICE');
        expect(text).toContain(
          `On November 22, 2026, I, ${name}, served a copy of the respondent's motion to withdraw the application ` +
            'for asylum and for withholding of removal (Form I-589) and of everything attached to it on the ' +
            'Department of Homeland Security, Office of the Principal Legal Advisor, Newark, at this address: ' +
            '1 Example Plaza, Suite 100 Newark, NJ 07102 I served it by mail.',
        );
      }
      // Each part on its own page.
      expect(order).not.toContain('Respectfully submitted');
      expect(proof).not.toContain('ORDER OF THE IMMIGRATION JUDGE');
      expect(notes).toContain('Do not file this page.');
      expect(notes).toContain(
        'Without another form of relief, withdrawing in court leads to a removal order',
      );
      expect(notes).toContain('This is legal information, not legal advice.');
      expect(docx).toContain('This is legal information, not legal advice.');
    },
  );

  it('says "with prejudice" when that is what is asked, and warns when no other relief is asked', () => {
    const text = documentStrings(
      buildMotionToWithdraw(withDocument(base, { prejudice: 'with', otherRelief: undefined })),
    ).join('\n');
    expect(text).toContain('The respondent agrees that the withdrawal is with prejudice');
    expect(text).toContain(
      'understands that without other relief the Court may order the respondent removed',
    );
  });
});

describe('refusals', () => {
  it('refuses an application still pending at USCIS: there a letter withdraws it', () => {
    const err = refusalOf(() => buildMotionToWithdraw(fixture('withdrawal-letter.json')));
    expect(err.path).toEqual(['events']);
    expect(err.message).toContain('Asylum application pending at USCIS');
    expect(err.message).toContain('withdrawal-letter');
    expect(err.message).toContain('uscis_letter');
  });

  it('refuses a case with a final order: nothing is pending to withdraw', () => {
    const err = refusalOf(() => buildMotionToWithdraw(fixture('motion-to-reopen.json')));
    expect(err.path).toEqual(['events']);
    expect(err.message).toContain('There is a final order');
    expect(err.message).toContain('not_applicable');
  });

  it('asks whether the withdrawal is with or without prejudice', () => {
    const err = refusalOf(() => buildMotionToWithdraw(withDocument(base, { prejudice: undefined })));
    expect(err.path).toEqual(['document', 'prejudice']);
    expect(err.message).toMatch(/"without".*"with"/);
    expect(refusalOf(() => buildMotionToWithdraw(withDocument(base, { prejudice: 'maybe' }))).message).toBe(
      'document.prejudice must be "with" or "without"',
    );
  });
});
