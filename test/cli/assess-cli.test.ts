import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

const RELIEF_IDS = [
  'asylum',
  'withholding_of_removal',
  'cat_withholding',
  'cat_deferral',
  'u_visa',
  't_visa',
  'sijs',
  'family_based',
  'cancellation_of_removal',
  'prosecutorial_discretion',
  'humanitarian_parole',
  'administrative_closure',
  'voluntary_departure',
];

// An IJ denial 20 days ago; the person fears the state for political opinion and was harmed.
const denied = {
  asOf: '2026-11-22',
  person: { birthDate: '1990-02-03', aNumber: 'A012345678' },
  events: [
    { type: 'arrival', date: '2024-02-10', manner: 'entry_without_inspection' },
    { type: 'nta_filed', date: '2024-03-01' },
    { type: 'asylum_filed', date: '2024-09-01', forum: 'immigration_court' },
    { type: 'ij_decision', date: '2026-11-02', outcome: 'denied' },
  ],
  screening: {
    fearOfReturn: true,
    protectedGround: 'political_opinion',
    harmBy: 'state',
    harmSeverity: 'persecution',
    tortureRisk: 'possible',
    criminalHistory: [],
    wantsToWithdraw: false,
    denialReasons: ['inconsistent_testimony'],
  },
};

describe('refugio assess', () => {
  it('prints the assessment contract as one JSON document', () => {
    const r = runCli(['assess', '-', '--format', 'json'], { input: JSON.stringify(denied) });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(
      expect.arrayContaining(['asOf', 'posture', 'deadlines', 'relief', 'nextSteps', 'evidence', 'warnings']),
    );
    expect(out.posture).toBe('ij_decision');
    expect(out.relief.map((x: { id: string }) => x.id)).toEqual(expect.arrayContaining(RELIEF_IDS));
    for (const relief of out.relief) {
      expect(['likely', 'possible', 'barred', 'not_available', 'needs_more_facts']).toContain(relief.status);
      for (const reason of relief.reasons)
        expect(Object.keys(reason)).toEqual(expect.arrayContaining(['code', 'text', 'authority']));
    }
    // 30 days after 2026-11-02 is Wed 2026-12-02.
    const appeal = out.nextSteps.find((s: { id: string }) => s.id === 'appeal_to_bia');
    expect(appeal).toMatchObject({ deadline: '2026-12-02' });
    expect(appeal.authority).toContain('8 CFR 1003.38(b)');
    expect(out.evidence.length).toBeGreaterThan(0);
    for (const e of out.evidence)
      expect(Object.keys(e)).toEqual(expect.arrayContaining(['relief', 'element', 'item', 'why']));
    expect(out.denialPlaybook[0].reason).toBe('inconsistent_testimony');
    expect(out.withdrawal).toBeUndefined();
    expect(r.stdout).not.toContain('A012345678');
  });

  it('adds the withdrawal advisor when asked, with the channel for a case before the judge', () => {
    const r = runCli(['assess', '-', '--format', 'json', '--withdrawal'], {
      input: JSON.stringify({ ...denied, events: denied.events.slice(0, 3) }),
    });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.withdrawal.channel).toBe('ij_motion');
    expect(out.withdrawal.steps.length).toBeGreaterThan(0);
    expect(out.withdrawal.warnings.length).toBeGreaterThan(0);
  });

  it('prints a readable summary by default', () => {
    const r = runCli(['assess', '-'], { input: JSON.stringify(denied) });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/OPTIONS/);
    expect(r.stdout).toMatch(/NEXT STEPS/);
    expect(r.stdout).toMatch(/legal information, not legal advice/i);
  });

  it('answers NDJSON in order and rejects bad screening answers with a path', () => {
    const bad = { ...denied, screening: { fearOfReturn: 'yes' } };
    const r = runCli(['assess', '-', '--format', 'json'], {
      input: `${JSON.stringify(denied)}\n${JSON.stringify(bad)}\n`,
    });
    expect(r.code).toBe(0);
    const [first, second] = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(first.posture).toBe('ij_decision');
    expect(second.error.path).toBe('screening.fearOfReturn');
    const single = runCli(['assess', '-', '--format', 'json'], { input: JSON.stringify(bad) });
    expect(single.code).toBe(2);
    expect(JSON.parse(single.stderr).error.path).toBe('screening.fearOfReturn');
  });
});

describe('refugio fees', () => {
  it('lists the fees in force on a date from the dated data', () => {
    const r = runCli(['fees', '--as-of', '2026-03-01', '--format', 'json']);
    expect(r.code).toBe(0);
    const { fees } = JSON.parse(r.stdout);
    const byId = (id: string) => fees.find((f: { id: string }) => f.id === id);
    // RULES.md E: $100 I-589 since 2025-07-22; $102 annual fee and $560 initial (c)(8) EAD since 2026-01-01.
    expect(byId('I-589')).toMatchObject({ amount: 100, validFrom: '2025-07-22', waivable: false });
    expect(byId('annual_asylum_fee')).toMatchObject({ amount: 102, validFrom: '2026-01-01' });
    expect(byId('I-765_c8_initial')).toMatchObject({ amount: 560 });
    expect(byId('EOIR-26')).toMatchObject({ amount: 900, verified: false });
    for (const f of fees)
      expect(Object.keys(f)).toEqual(
        expect.arrayContaining(['id', 'amount', 'validFrom', 'validTo', 'waivable', 'verified', 'authority']),
      );
  });

  it('gives the older amounts for an earlier date and refuses a bad date', () => {
    const { fees } = JSON.parse(runCli(['fees', '--as-of', '2025-01-15', '--format', 'json']).stdout);
    expect(fees.find((f: { id: string }) => f.id === 'I-589')).toMatchObject({ amount: 0 });
    expect(fees.find((f: { id: string }) => f.id === 'EOIR-26')).toMatchObject({ amount: 110 });
    const bad = runCli(['fees', '--as-of', '2026-02-30', '--format', 'json']);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stderr).error.path).toBe('as-of');
  });
});
