import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'refugio-cli-'));
const write = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

// The issue's own example: an IJ denial 52 days before the as-of date, never appealed.
const issueExample = {
  asOf: '2026-11-22',
  person: { birthDate: '2009-04-30', aNumber: 'A123456789' },
  events: [
    { type: 'arrival', date: '2025-12-01', manner: 'entry_without_inspection' },
    { type: 'asylum_filed', date: '2026-03-01', forum: 'uscis' },
    {
      type: 'hearing_notice',
      date: '2026-09-01',
      hearingDate: '2027-01-12',
      hearing: 'individual',
      detained: false,
    },
    { type: 'ij_decision', date: '2026-10-01', outcome: 'denied' },
  ],
};

describe('refugio deadlines', () => {
  it('prints exactly one JSON document with the contract fields', () => {
    const r = runCli(['deadlines', write('case.json', JSON.stringify(issueExample)), '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(expect.arrayContaining(['asOf', 'posture', 'deadlines', 'warnings']));
    expect(out.asOf).toBe('2026-11-22');
    // 30 days after 2026-10-01 is Sat 2026-10-31 -> Mon 2026-11-02, so the order became final.
    expect(out.posture).toBe('final_order');
    const appeal = out.deadlines.find((d: { id: string }) => d.id === 'bia_appeal');
    expect(appeal).toMatchObject({
      kind: 'deadline',
      due: '2026-11-02',
      status: 'passed',
      forum: 'bia',
      form: 'EOIR-26',
    });
    expect(appeal.authority).toContain('8 CFR 1003.38(b)');
    expect(appeal.steps.join(' ')).toMatch(/2026-10-31.*Saturday.*2026-11-02/);
    // 90 days after 2026-10-01 is Wed 2026-12-30.
    expect(out.deadlines.find((d: { id: string }) => d.id === 'motion_to_reopen')).toMatchObject({
      due: '2026-12-30',
      status: 'upcoming',
    });
    // One year after 2025-12-01 is Tue 2026-12-01; the I-589 was filed 2026-03-01.
    expect(out.deadlines.find((d: { id: string }) => d.id === 'one_year_filing')).toMatchObject({
      due: '2026-12-01',
      status: 'met',
    });
    for (const d of out.deadlines) {
      expect(d.due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(['upcoming', 'passed', 'met']).toContain(d.status);
      expect(['deadline', 'earliest']).toContain(d.kind);
      expect(d.authority.length).toBeGreaterThan(0);
    }
  });

  it('reads stdin with -', () => {
    const r = runCli(['deadlines', '-', '--format', 'json'], { input: JSON.stringify(issueExample) });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).posture).toBe('final_order');
  });

  it('prints readable text by default, with the legal-information notice', () => {
    const r = runCli(['deadlines', write('case-text.json', JSON.stringify(issueExample))]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Motion to reopen/);
    expect(r.stdout).toMatch(/legal information, not legal advice/i);
    expect(r.stdout).not.toMatch(/A123456789/);
  });

  it('answers NDJSON with NDJSON, one result per line in order, and an error object for a bad line', () => {
    const lines = [
      JSON.stringify({ asOf: '2024-04-04', events: [{ type: 'arrival', date: '2024-03-15' }] }),
      '{ not json',
      JSON.stringify({ asOf: '2024-04-04', events: [{ type: 'teleported', date: '2024-03-15' }] }),
      JSON.stringify({ asOf: '2025-07-24', events: [{ type: 'arrival', date: '2025-07-04' }] }),
    ];
    const r = runCli(['deadlines', '-', '--format', 'json'], { input: `${lines.join('\n')}\n` });
    expect(r.code).toBe(0);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out).toHaveLength(4);
    expect(out[0].deadlines[0]).toMatchObject({ id: 'one_year_filing', due: '2025-03-17' });
    expect(out[1].error.message).toMatch(/line 2/);
    expect(out[2].error.path).toBe('events.0.type');
    expect(out[3].deadlines[0]).toMatchObject({ id: 'one_year_filing', due: '2026-07-06' });
  });

  it('writes an iCalendar file with one all-day event and reminders per live deadline', () => {
    const r = runCli(['deadlines', write('case-ics.json', JSON.stringify(issueExample)), '--format', 'ics']);
    expect(r.code).toBe(0);
    const ics = r.stdout;
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics).toContain('DTSTART;VALUE=DATE:20261230');
    expect(ics).toContain('DTEND;VALUE=DATE:20261231');
    expect(ics).toMatch(/TRIGGER:-P7D/);
    expect(ics).not.toContain('A123456789');
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(ics).not.toMatch(/DTSTART;VALUE=DATE:20261102/); // passed deadlines are not live
  });

  it.each([
    [
      'an event after the as-of date',
      { asOf: '2026-01-01', events: [{ type: 'arrival', date: '2026-02-01' }] },
      'events.0.date',
    ],
    [
      'a BIA decision before any IJ decision',
      { asOf: '2026-01-01', events: [{ type: 'bia_decision', date: '2025-02-01', outcome: 'dismissed' }] },
      'events.0',
    ],
    [
      'an unknown event type',
      { asOf: '2026-01-01', events: [{ type: 'deported_by_magic', date: '2025-02-01' }] },
      'events.0.type',
    ],
    ['a date that does not exist', { asOf: '2026-02-30', events: [] }, 'asOf'],
    ['a missing as-of date', { events: [] }, 'asOf'],
    [
      'a wrong forum',
      { asOf: '2026-01-01', events: [{ type: 'asylum_filed', date: '2025-02-01', forum: 'mail' }] },
      'events.0.forum',
    ],
  ])('refuses %s with exit code 2 and a JSON error naming the path', (_name, input, path) => {
    const r = runCli(['deadlines', '-', '--format', 'json'], { input: JSON.stringify(input) });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const err = JSON.parse(r.stderr);
    expect(err.error.path).toBe(path);
    expect(err.error.message).toContain(path.split('.')[0]);
    expect(err.error.message.length).toBeGreaterThan(12);
  });

  it('refuses bad JSON, an empty input, a missing file and an unknown format with exit code 2', () => {
    expect(runCli(['deadlines', '-', '--format', 'json'], { input: '{' })).toMatchObject({ code: 2 });
    expect(
      JSON.parse(runCli(['deadlines', '-', '--format', 'json'], { input: '' }).stderr).error.message,
    ).toMatch(/empty/);
    expect(
      JSON.parse(runCli(['deadlines', join(dir, 'nope.json'), '--format', 'json']).stderr).error.message,
    ).toMatch(/not found/);
    expect(runCli(['deadlines', '-', '--format', 'xml'], { input: '{}' }).code).toBe(2);
    expect(runCli(['frobnicate']).code).toBe(2);
  });
});

describe('refugio holidays', () => {
  it('lists 2027 with observed days and Inauguration Day absent (not an inauguration year)', () => {
    const r = runCli(['holidays', '2027', '--format', 'json']);
    expect(r.code).toBe(0);
    const { holidays } = JSON.parse(r.stdout);
    expect(holidays).toHaveLength(11);
    expect(holidays.find((h: { id: string }) => h.id === 'juneteenth')).toMatchObject({
      date: '2027-06-19',
      observed: '2027-06-18',
      scope: 'nationwide',
    });
    expect(holidays.find((h: { id: string }) => h.id === 'christmas_day')).toMatchObject({
      observed: '2027-12-24',
    });
    for (const h of holidays)
      expect(Object.keys(h)).toEqual(expect.arrayContaining(['name', 'date', 'observed', 'scope']));
  });

  it('marks Inauguration Day 2029 as DC-area only', () => {
    const { holidays } = JSON.parse(runCli(['holidays', '2029', '--format', 'json']).stdout);
    expect(holidays).toHaveLength(12);
    expect(holidays.find((h: { name: string }) => h.name === 'Inauguration Day')).toMatchObject({
      date: '2029-01-20',
      scope: 'dc_area',
    });
  });

  it('refuses a year outside 1997-2100', () => {
    const r = runCli(['holidays', '1850', '--format', 'json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stderr).error.message).toMatch(/1997/);
  });
});

describe('refugio a-number', () => {
  it('normalises to A plus nine digits and reports bad ones', () => {
    const r = runCli([
      'a-number',
      'A12345678',
      'a-012-345-678',
      'A 123 456 789',
      'B123',
      '12345',
      '--format',
      'json',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).results).toEqual([
      { input: 'A12345678', normalized: 'A012345678' },
      { input: 'a-012-345-678', normalized: 'A012345678' },
      { input: 'A 123 456 789', normalized: 'A123456789' },
      { input: 'B123', error: expect.any(String) },
      { input: '12345', error: expect.stringMatching(/7 to 9 digits/) },
    ]);
  });
});
