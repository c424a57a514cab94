/**
 * Every code the law core can emit has words in English: the core speaks in codes, and a code
 * without a message would reach a person as gibberish (ARCHITECTURE.md principle 8).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEADLINES } from '../../law/deadlines.ts';
import { EVIDENCE } from '../../law/evidence.ts';
import { DENIAL_PLAYBOOK, STEPS_BY_POSTURE } from '../../law/next-steps.ts';
import { RELIEF } from '../../law/relief.ts';
import { POSTURES } from '../../src/core/index.ts';
import { LOCALES } from '../../src/render/messages.ts';

const root = resolve(import.meta.dirname, '../..');
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

function emittedCodes(): Set<string> {
  const codes = new Set<string>();
  const patterns = [
    /because\(\s*'([a-z0-9_.]+)'/g,
    /\.bar\(\s*'[a-z0-9_]+',\s*'([a-z0-9_.]+)'/g,
    /code: '([a-z0-9_.]+)'/g,
    /reason: '([a-z0-9_.]+)'/g,
    /\? '([a-z0-9_.]+)' : '([a-z0-9_.]+)'/g,
  ];
  for (const file of sources(join(root, 'src/core'))) {
    const text = readFileSync(file, 'utf8');
    for (const re of patterns)
      for (const m of text.matchAll(re)) for (const g of m.slice(1)) if (g?.includes('.')) codes.add(g);
  }
  for (const d of DEADLINES) {
    codes.add(`deadline.${d.id}`).add(`awaits.${d.id}`);
    if (d.uncertain) codes.add(`uncertain.${d.uncertain}`);
  }
  for (const p of POSTURES) codes.add(`posture.${p}`);
  for (const steps of Object.values(STEPS_BY_POSTURE)) for (const s of steps) codes.add(`step.${s.id}`);
  for (const [reason, d] of Object.entries(DENIAL_PLAYBOOK)) {
    codes.add(`denial.${reason}`);
    for (const a of d.answers) codes.add(`step.${a}`);
  }
  for (const r of RELIEF) {
    codes.add(`relief.${r.id}.name`);
    for (const e of r.elements) codes.add(`element.${e.id}`);
  }
  for (const e of EVIDENCE) codes.add(`evidence.${e.id}`).add(`evidence.${e.id}.why`);
  codes.add('prehearing.master').add('prehearing.individual');
  const withdrawable = new Set([
    'affirmative_pending',
    'referred_to_court',
    'in_removal_proceedings',
    'administratively_closed',
    'ij_decision',
    'motion_pending',
  ]);
  for (const p of POSTURES) if (!withdrawable.has(p)) codes.add(`withdrawal.not_applicable.${p}`);
  const withdrawalSource = readFileSync(join(root, 'src/core/withdrawal/withdrawal.ts'), 'utf8');
  for (const m of withdrawalSource.matchAll(/contents: \[([^\]]*)\]/g)) {
    for (const f of m[1]!.matchAll(/'([A-Za-z]+)'/g)) codes.add(`withdrawal.content.${f[1]}`);
  }
  return codes;
}

describe('messages', () => {
  it('has English words for every code the core emits', () => {
    const codes = emittedCodes();
    expect(codes.size).toBeGreaterThan(250);
    const missing = [...codes].filter((c) => !(c in LOCALES.en!));
    expect(missing).toEqual([]);
  });
});

describe('codes inside messages', () => {
  it('name an event or a deadline in words, never by its code', async () => {
    const { renderStep } = await import('../../src/render/messages.ts');
    expect(
      renderStep({
        code: 'vd.terminated_by_filing',
        params: { event: 'motion_to_reopen_filed', date: '2026-03-02' },
      }),
    ).toBe('Voluntary departure ended when a motion to reopen was filed on 2026-03-02.');
    expect(
      renderStep({
        code: 'calendar.ad_hoc_closure',
        params: { id: 'bia_appeal', date: '2026-12-24', source: 'an executive order' },
      }),
    ).toContain('the due date of “Appeal to the Board of Immigration Appeals (Form EOIR-26)”');
  });
});
