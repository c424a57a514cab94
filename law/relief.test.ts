/**
 * The catalogue of relief and the evidence checklist hold together: every relief once, every
 * citation real, every evidence item tied to an element of its relief, every id with English
 * words, and the comparison of RULES.md C.14 (which bars reach which protection) as data.
 */
// biome-ignore lint/style/noRestrictedImports: the test reads the locale file; the law data itself does no I/O.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { CITATIONS } from './citations.ts';
import { RELIEF_CITATIONS } from './citations-relief.ts';
import { EVIDENCE } from './evidence.ts';
import { RELIEF } from './relief.ts';
import type { BarId, Benefits, Decider, ReliefEntry, ReliefId, StandardOfProof } from './relief-types.ts';

// Records over the unions: adding a member to a union without listing it here is a type error.
const RELIEF_IDS = Object.keys({
  asylum: 1,
  withholding_of_removal: 1,
  cat_withholding: 1,
  cat_deferral: 1,
  u_visa: 1,
  t_visa: 1,
  sijs: 1,
  family_based: 1,
  employment_based: 1,
  cancellation_of_removal: 1,
  prosecutorial_discretion: 1,
  humanitarian_parole: 1,
  administrative_closure: 1,
  voluntary_departure: 1,
} satisfies Record<ReliefId, 1>) as ReliefId[];

const BAR_IDS = Object.keys({
  one_year_deadline: 1,
  prior_asylum_denial: 1,
  safe_third_country: 1,
  persecutor_of_others: 1,
  particularly_serious_crime: 1,
  aggravated_felony: 1,
  serious_nonpolitical_crime: 1,
  security_or_terrorism: 1,
  firm_resettlement: 1,
  frivolous_application: 1,
  in_absentia_ten_year: 1,
  voluntary_departure_failure_ten_year: 1,
  permanent_bar_reentry: 1,
  unlawful_presence_3_10_year: 1,
  no_good_moral_character: 1,
  criminal_conviction_cancellation: 1,
  continuous_presence_broken: 1,
  married_sijs: 1,
  age_21_sijs: 1,
} satisfies Record<BarId, 1>) as BarId[];

const STANDARDS = Object.keys({
  reasonable_possibility: 1,
  more_likely_than_not: 1,
  preponderance: 1,
  clear_and_convincing: 1,
  exceptional_and_extremely_unusual_hardship: 1,
  extreme_hardship: 1,
  discretion_only: 1,
} satisfies Record<StandardOfProof, 1>);

const DECIDERS = Object.keys({
  uscis_asylum_office: 1,
  uscis: 1,
  immigration_judge: 1,
  bia: 1,
  court_of_appeals: 1,
  ice: 1,
  cbp: 1,
  state_court: 1,
  department_of_state: 1,
} satisfies Record<Decider, 1>);

const BENEFIT_VALUES: { readonly [F in keyof Benefits]: readonly Benefits[F][] } = {
  protectionFromRemoval: ['all_countries', 'one_country', 'temporary', 'none'],
  workPermit: ['yes', 'possible', 'no'],
  greenCardPath: ['yes', 'possible', 'no'],
  citizenshipPath: ['yes', 'possible', 'no'],
  derivatives: ['yes', 'no'],
  travel: ['yes', 'restricted', 'no'],
};

/** Bars that rest on crimes or on harm done to others: none may stop CAT deferral (RULES.md C.3). */
const CRIMINAL_OR_PERSECUTOR_BARS: readonly BarId[] = [
  'persecutor_of_others',
  'particularly_serious_crime',
  'aggravated_felony',
  'serious_nonpolitical_crime',
  'security_or_terrorism',
  'criminal_conviction_cancellation',
  'no_good_moral_character',
];

const localePath = resolve(import.meta.dirname, '../src/content/locales/en/relief.json');
const words = JSON.parse(readFileSync(localePath, 'utf8')) as Record<string, unknown>;

function entry(id: ReliefId): ReliefEntry {
  const found = RELIEF.find((r) => r.id === id);
  if (!found) throw new Error(`no entry for ${id}`);
  return found;
}

const elementsOf = (id: ReliefId): string[] => entry(id).elements.map((e) => e.id);
const allElementIds = [...new Set(RELIEF.flatMap((r) => r.elements.map((e) => e.id)))];
const allUncertainIds = [...new Set(RELIEF.flatMap((r) => r.uncertain ?? []))];

/** A real calendar date written YYYY-MM-DD, checked without `Date` (ARCHITECTURE.md principle 4). */
function isPlainDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return days !== undefined && day >= 1 && day <= days;
}

/** Every key the catalogue needs words for. */
function expectedKeys(): string[] {
  return [
    ...RELIEF_IDS.flatMap((id) => [`relief.${id}.name`, `relief.${id}.summary`]),
    ...allElementIds.map((id) => `element.${id}`),
    ...BAR_IDS.map((id) => `bar.${id}`),
    ...STANDARDS.map((id) => `standard.${id}`),
    ...DECIDERS.map((id) => `decider.${id}`),
    ...Object.entries(BENEFIT_VALUES).flatMap(([field, values]) => [
      `benefit.${field}`,
      ...values.map((v) => `benefit.${field}.${v}`),
    ]),
    ...EVIDENCE.flatMap((e) => [`evidence.${e.id}`, `evidence.${e.id}.why`]),
    ...allUncertainIds.map((id) => `uncertain.${id}`),
    'channel.affirmative',
    'channel.defensive',
    ...['protection', 'status', 'discretion', 'procedural'].map((k) => `kind.${k}`),
  ];
}

describe('catalogue of relief', () => {
  it('has exactly one entry for every ReliefId and nothing else', () => {
    expect(RELIEF.map((r) => r.id).sort()).toEqual([...RELIEF_IDS].sort());
  });

  it.each(RELIEF_IDS)('%s cites only known authorities, on the entry and on every element', (id) => {
    const r = entry(id);
    expect(r.authority.length).toBeGreaterThan(0);
    const cited = [...r.authority, ...r.elements.flatMap((e) => e.authority)];
    for (const c of cited) expect(Object.hasOwn(CITATIONS, c), `${id} cites unknown ${c}`).toBe(true);
  });

  it.each(RELIEF_IDS)('%s has 3 to 8 distinct elements, each with an authority', (id) => {
    const ids = elementsOf(id);
    expect(ids.length).toBeGreaterThanOrEqual(3);
    expect(ids.length).toBeLessThanOrEqual(8);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of entry(id).elements) {
      expect(e.id).toMatch(/^[a-z_]+\.[a-z0-9_]+$/);
      expect(e.authority.length, e.id).toBeGreaterThan(0);
    }
  });

  it('gives every shared element id to reliefs that mean the same thing by it', () => {
    // An element id used by two entries must carry the same authority in both.
    const seen = new Map<string, string>();
    for (const r of RELIEF) {
      for (const e of r.elements) {
        const key = JSON.stringify(e.authority);
        expect(seen.get(e.id) ?? key, e.id).toBe(key);
        seen.set(e.id, key);
      }
    }
  });

  it('starts every version on a real YYYY-MM-DD date', () => {
    for (const r of RELIEF) {
      expect(isPlainDate(r.inForce.from), `${r.id} from ${r.inForce.from}`).toBe(true);
      if (r.inForce.to !== undefined) {
        expect(isPlainDate(r.inForce.to), `${r.id} to`).toBe(true);
        expect(r.inForce.to > r.inForce.from).toBe(true);
      }
    }
  });

  it('applies the one-year deadline to asylum only (RULES.md B.1)', () => {
    expect(RELIEF.filter((r) => r.oneYearDeadlineApplies).map((r) => r.id)).toEqual(['asylum']);
    expect(RELIEF.filter((r) => r.mandatoryBars.includes('one_year_deadline')).map((r) => r.id)).toEqual([
      'asylum',
    ]);
  });

  it('lets no criminal or persecutor bar stop CAT deferral (RULES.md C.3)', () => {
    const deferral = entry('cat_deferral');
    for (const bar of CRIMINAL_OR_PERSECUTOR_BARS) expect(deferral.mandatoryBars).not.toContain(bar);
    expect(deferral.mandatoryBars).toEqual([]);
  });

  it('follows the C.14 comparison of the protection claims', () => {
    const asylum = entry('asylum').mandatoryBars;
    for (const bar of [
      'aggravated_felony',
      'particularly_serious_crime',
      'firm_resettlement',
      'prior_asylum_denial',
      'safe_third_country',
    ] as const) {
      expect(asylum).toContain(bar);
    }
    for (const id of ['withholding_of_removal', 'cat_withholding'] as const) {
      const r = entry(id);
      expect(r.mandatoryBars).toContain('particularly_serious_crime');
      for (const bar of [
        'aggravated_felony',
        'firm_resettlement',
        'one_year_deadline',
        'prior_asylum_denial',
        'safe_third_country',
      ] as const) {
        expect(r.mandatoryBars, `${id} ${bar}`).not.toContain(bar);
      }
      expect(r.standardOfProof).toBe('more_likely_than_not');
      expect(r.benefits).toMatchObject({
        protectionFromRemoval: 'one_country',
        greenCardPath: 'no',
        derivatives: 'no',
      });
    }
    expect(entry('asylum').standardOfProof).toBe('reasonable_possibility');
    expect(entry('asylum').benefits).toMatchObject({
      greenCardPath: 'yes',
      derivatives: 'yes',
      travel: 'yes',
    });
    expect(elementsOf('asylum')).toContain('asylum.discretion');
    expect(elementsOf('withholding_of_removal').some((e) => e.endsWith('discretion'))).toBe(false);
  });

  it('uses every BarId at least once', () => {
    const used = new Set(RELIEF.flatMap((r) => r.mandatoryBars));
    expect(BAR_IDS.filter((b) => !used.has(b))).toEqual([]);
  });
});

describe('evidence checklist', () => {
  it('has at least 40 items with unique ids', () => {
    expect(EVIDENCE.length).toBeGreaterThanOrEqual(40);
    expect(new Set(EVIDENCE.map((e) => e.id)).size).toBe(EVIDENCE.length);
  });

  it.each(EVIDENCE.map((e) => [e.id, e] as const))('%s proves an element of one of its reliefs', (_id, e) => {
    expect(e.relief.length).toBeGreaterThan(0);
    expect(e.relief.some((r) => elementsOf(r).includes(e.element))).toBe(true);
  });

  it.each(RELIEF_IDS)('%s has at least one evidence item', (id) => {
    expect(EVIDENCE.some((e) => e.relief.includes(id))).toBe(true);
  });
});

describe('English words (src/content/locales/en/relief.json)', () => {
  it('has words for every relief, element, bar, standard, decider, benefit, evidence and uncertain id', () => {
    const missing = expectedKeys().filter((k) => typeof words[k] !== 'string' || words[k] === '');
    expect(missing).toEqual([]);
  });

  it('has no words for ids the catalogue does not use', () => {
    const expected = new Set(expectedKeys());
    expect(Object.keys(words).filter((k) => !expected.has(k))).toEqual([]);
  });

  it('holds only valid ICU messages', () => {
    for (const [key, text] of Object.entries(words)) {
      expect(() => new IntlMessageFormat(String(text), 'en').format(), key).not.toThrow();
    }
  });

  it('gives each relief a summary of two sentences', () => {
    for (const id of RELIEF_IDS) {
      const text = String(words[`relief.${id}.summary`]).replaceAll('U.S.', 'US');
      const sentences = text.match(/[.!?](\s|$)/g) ?? [];
      expect(sentences.length, id).toBe(2);
    }
  });
});

describe('relief citations', () => {
  it('adds no authority twice under another id', () => {
    const labels = new Map<string, string>();
    for (const [id, c] of Object.entries(CITATIONS)) {
      if (!Object.hasOwn(RELIEF_CITATIONS, id)) labels.set(c.label, id);
    }
    for (const [id, c] of Object.entries(RELIEF_CITATIONS)) {
      expect(labels.get(c.label), `${id} repeats ${labels.get(c.label)}`).toBeUndefined();
      expect(isPlainDate(c.verifiedOn)).toBe(true);
      if ('url' in c) expect(c.url).toMatch(/^https:\/\//);
    }
  });
});
