/**
 * The motion to reopen, end to end. The last days below are worked out by hand from the law
 * (RULES.md A.1, B.4, B.5; the 2026 holidays of A.2), never copied from the code's output.
 */
import { describe, expect, it } from 'vitest';
import { buildMotionToReopen, NEW_FACTS } from '../../src/documents/kinds/motion-to-reopen.ts';
import { documentStrings } from '../../src/documents/model.ts';
import { fixture, type Input, refusalOf, renderBoth, withDocument } from './support.ts';

const ARGUMENT = '[Argument: to be written by your attorney or accredited representative]';
const base = fixture('motion-to-reopen.json');

/** A case whose order was made in absentia on Monday 2026-06-01, as of 2026-11-22. */
const inAbsentia: Input = {
  ...base,
  events: [
    { type: 'arrival', date: '2025-12-01', manner: 'entry_without_inspection' },
    { type: 'nta_filed', date: '2026-01-10', detained: false },
    { type: 'in_absentia_order', date: '2026-06-01' },
  ],
};

describe('the motion to reopen after a final order', () => {
  it.each([
    ['Аня Петрова', 'cyrillic'],
    ['José Núñez', 'pdf'],
  ])('carries %s, the 90-day deadline and the marked spaces through PDF and DOCX', async (name, tag) => {
    const { pages, docx } = await renderBoth(
      buildMotionToReopen(withDocument(base, { name })),
      `motion-to-reopen-${tag}`,
    );
    // Cover, the motion on two pages, proposed order, proof of service, the page for the person,
    // and the explanation in the person's language (explanations.test.ts).
    expect(pages).toHaveLength(7);
    const [cover, motion1, motion2, order, proof] = pages as [string, string, string, string, string];
    const motion = `${motion1} ${motion2}`;
    for (const text of [cover, docx]) {
      // A representative files it: name, organisation, address, EOIR ID top left; detained per the NTA.
      expect(text).toContain(
        'Ana Lucía Peña Example Immigrant Legal Services 200 Example Ave, Floor 4 Newark, NJ 07102 ' +
          'Tel. (973) 555-0100 apena@example.org EOIR ID: AB123456',
      );
      expect(text).toMatch(/\bDETAINED\b/);
      expect(text).not.toContain('NON-DETAINED');
      expect(text).toContain('IMMIGRATION COURT ELIZABETH, NJ');
      expect(text).toContain(`In the Matter of: ${name}, Respondent. In removal proceedings.`);
      expect(text).toContain('File No.: A098-765-432');
      expect(text).toContain("RESPONDENT'S MOTION TO REOPEN");
    }
    // No hearing is ahead after a final order.
    expect(cover).not.toContain('Next hearing');
    for (const text of [motion, docx]) {
      expect(text).toContain(`The respondent, ${name}, asks the Court to reopen these removal proceedings.`);
      expect(text).toContain(
        "On August 28, 2026, the Immigration Judge denied the respondent's application for relief.",
      );
      // Final order Fri 2026-08-28 (appeal waived): day 90 is Thu 2026-11-26 (3 + 30 + 31 + 26 days),
      // Thanksgiving Day, so the last day rolls to Friday 2026-11-27 (8 CFR 1001.1(h)).
      expect(text).toContain('Last day: Friday, November 27, 2026');
      expect(text).toContain('Status: Not passed on November 22, 2026.');
      expect(text).toContain('Authority: INA 240(c)(7); 8 CFR 1003.23(b)(1)');
      expect(text).toContain('Thanksgiving Day');
      expect(text).toContain('Exceptions and special time limits that may apply');
      expect(text).toContain('changed conditions in the home country');
      expect(text).toContain(NEW_FACTS);
      expect(text).toContain('The respondent attaches the application for the relief sought');
      expect(text).toContain(ARGUMENT);
      expect(text).toContain('Ana Lucía Peña Date: November 22, 2026 EOIR ID: AB123456');
    }
    for (const text of [order, docx]) {
      expect(text).toContain("Upon consideration of the respondent's motion to reopen");
      expect(text).toMatch(/GRANTED.*DENIED/);
      expect(text).toContain('If the motion is granted, these proceedings are reopened.');
    }
    for (const text of [proof, docx]) {
      expect(text).toContain(
        "On November 22, 2026, I, Ana Lucía Peña, served a copy of the respondent's motion to reopen and of everything " +
          'attached to it on the Department of Homeland Security, Office of the Principal Legal Advisor, Newark. ' +
          "I served it electronically, through EOIR's Courts & Appeals System (ECAS).",
      );
    }
    expect(pages[5]).toContain('Form EOIR-28');
    expect(pages[5]).toContain('Filing the motion does not stop removal');
  });

  it('says when the 90 days have passed, and leaves room to argue an exception', () => {
    const text = documentStrings(buildMotionToReopen({ ...base, asOf: '2026-12-01' })).join('\n');
    expect(text).toContain('Passed: the last day is over.');
    expect(text).toContain(`${ARGUMENT}: why the Court may still decide this motion`);
  });
});

describe('the motion to reopen an order made in absentia', () => {
  it('counts 180 days and names the grounds, including lack of notice at any time', async () => {
    const input = withDocument(inAbsentia, { name: 'José Núñez' });
    const { pages, docx } = await renderBoth(buildMotionToReopen(input), 'motion-to-reopen-in-absentia');
    const all = pages.join(' ');
    for (const text of [all, docx]) {
      expect(text).toContain("RESPONDENT'S MOTION TO REOPEN AND RESCIND THE IN ABSENTIA ORDER OF REMOVAL");
      expect(text).toContain('NON-DETAINED');
      expect(text).toContain('and to rescind the order of removal entered in absentia on June 1, 2026.');
      // Order Mon 2026-06-01: day 180 is Sat 2026-11-28 (29 + 31 + 31 + 30 + 31 + 28 days), so the
      // last day rolls to Monday 2026-11-30.
      expect(text).toContain('Last day: Monday, November 30, 2026');
      expect(text).toContain('Authority: INA 240(b)(5)(C); 8 CFR 1003.23(b)(4)(ii)');
      expect(text).toContain(
        'exceptional circumstances (such as serious illness) must be filed within 180 days',
      );
      expect(text).toContain(
        'not receiving proper notice of the hearing, or being in custody, can be filed at any time',
      );
      expect(text).toContain('and the order of removal entered in absentia on June 1, 2026 is rescinded.');
    }
    // Adverse facts are for the person's page only, never for the motion the court reads.
    const motion = `${pages[1]} ${pages[2]}`;
    expect(motion).not.toContain('bars some relief for 10 years');
    expect(pages.at(-2)).toContain('bars some relief for 10 years');
  });
});

describe('refusals', () => {
  it('refuses a case with no order to reopen, exit-code style: the path names the events', () => {
    const err = refusalOf(() => buildMotionToReopen(fixture('motion-to-withdraw.json')));
    expect(err.path).toEqual(['events']);
    expect(err.message).toContain('Referred by USCIS to the immigration court');
    expect(err.message).toContain('in_absentia_order');
  });

  it('refuses a case the BIA decided last: that motion goes to the Board', () => {
    const err = refusalOf(() =>
      buildMotionToReopen({
        ...base,
        events: [
          { type: 'nta_filed', date: '2026-01-10', detained: true },
          { type: 'ij_decision', date: '2026-03-02', outcome: 'denied' },
          { type: 'bia_appeal_filed', date: '2026-03-20' },
          { type: 'bia_decision', date: '2026-09-01', outcome: 'dismissed' },
        ],
      }),
    );
    expect(err.path).toEqual(['events']);
    expect(err.message).toContain('Board of Immigration Appeals');
    expect(err.message).toContain('bia');
  });
});
