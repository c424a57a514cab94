/**
 * The motion to reconsider, end to end. The last days below are worked out by hand from the law
 * (RULES.md A.1 and B.3), never copied from the code's output.
 */
import { describe, expect, it } from 'vitest';
import { buildMotionToReconsider } from '../../src/documents/kinds/motion-to-reconsider.ts';
import { documentStrings } from '../../src/documents/model.ts';
import { fixture, refusalOf, renderBoth, withDocument } from './support.ts';

const ARGUMENT = '[Argument: to be written by your attorney or accredited representative]';
const base = fixture('motion-to-reconsider.json');

describe('the motion to reconsider', () => {
  it.each([
    ['José Núñez', 'pdf'],
    ['Аня Петрова', 'cyrillic'],
  ])('carries %s, the 30-day deadline and the space for errors of fact or law', async (name, tag) => {
    const { pages, docx } = await renderBoth(
      buildMotionToReconsider(withDocument(base, { name })),
      `motion-to-reconsider-${tag}`,
    );
    // Cover, motion, proposed order, proof of service, the person's page, the explanation.
    expect(pages).toHaveLength(6);
    const [cover, motion, order, proof] = pages as [string, string, string, string];
    for (const text of [cover, docx]) {
      expect(text).toContain(`${name} 12 Main St, Apt 3 Newark, NJ 07102 Respondent, pro se`);
      expect(text).toContain('NON-DETAINED');
      expect(text).toContain(`In the Matter of: ${name}, Respondent. In removal proceedings.`);
      expect(text).toContain('File No.: A012-345-678');
      expect(text).toContain("RESPONDENT'S MOTION TO RECONSIDER");
    }
    // Neither a judge nor a hearing is known: the cover leaves them out.
    expect(cover).not.toContain('Immigration Judge:');
    for (const text of [motion, docx]) {
      expect(text).toContain(
        `The respondent, ${name}, asks the Court to reconsider its decision of August 28, 2026.`,
      );
      // Decision Fri 2026-08-28: day 30 is Sun 2026-09-27 (3 + 27 days), so the last day rolls to
      // Monday 2026-09-28. As of 2026-09-14 it has not passed.
      expect(text).toContain('Last day: Monday, September 28, 2026');
      expect(text).toContain('Status: Not passed on September 14, 2026.');
      expect(text).toContain('Authority: INA 240(c)(6); 8 CFR 1003.23(b)(1)');
      expect(text).toContain(`Errors of fact or law in the decision ${ARGUMENT}`);
      expect(text).toContain('new facts or evidence belong in a motion to reopen');
      expect(text).toContain(`${name} Date: September 14, 2026 Respondent, pro se`);
    }
    // No exception to the 30 days is named by the core, so none is offered.
    expect(motion).not.toContain('Exceptions and special time limits');
    for (const text of [order, docx]) {
      expect(text).toContain('ORDER OF THE IMMIGRATION JUDGE');
      expect(text).toMatch(/GRANTED.*DENIED/);
      expect(text).toContain(
        'If the motion is granted, the Court reconsiders its decision of August 28, 2026.',
      );
      expect(text).toMatch(/Immigration Judge Date: _+/);
    }
    for (const text of [proof, docx]) {
      expect(text).toContain(
        `On September 14, 2026, I, ${name}, served a copy of the respondent's motion to reconsider`,
      );
      // Neither the office's address nor the method is given: blanks and boxes to fill by hand.
      expect(text).toContain('[Address of the DHS Office of the Principal Legal Advisor: to be completed]');
      expect(text).toMatch(
        /I served it \(tick one\):.*by mail.*by delivering it in person.*ECAS.*by commercial courier/,
      );
    }
    expect(pages[4]).toContain('Only one motion to reconsider is allowed for each decision.');
    expect(pages[4]).not.toContain('EOIR-28');
  });

  it('says when the 30 days have passed', () => {
    const text = documentStrings(buildMotionToReconsider({ ...base, asOf: '2026-11-22' })).join('\n');
    expect(text).toContain('Passed: the last day is over.');
  });
});

describe('refusals', () => {
  it('refuses an order made in absentia, pointing to the motion to reopen', () => {
    const err = refusalOf(() =>
      buildMotionToReconsider({
        ...base,
        events: [
          { type: 'nta_filed', date: '2026-01-10', detained: false },
          { type: 'in_absentia_order', date: '2026-06-01' },
        ],
      }),
    );
    expect(err.path).toEqual(['events']);
    expect(err.message).toContain('Final order of removal');
    expect(err.message).toContain('motion-to-reopen');
  });

  it('refuses a case still waiting for its hearing', () => {
    const err = refusalOf(() => buildMotionToReconsider(fixture('motion-to-withdraw.json')));
    expect(err.path).toEqual(['events']);
  });
});
