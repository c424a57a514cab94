import type { CitationId } from './citations.ts';

/**
 * Types for the catalogue of relief (law/relief.ts) and the evidence checklist (law/evidence.ts).
 * Ids are a public contract: extend, never rename. Words live in src/content/locales/<lang>/relief.json
 * keyed by these ids (`relief.<id>.name`, `element.<id>`, `bar.<id>`, `benefit...`, `evidence.<id>`).
 */
export type ReliefId =
  | 'asylum'
  | 'withholding_of_removal'
  | 'cat_withholding'
  | 'cat_deferral'
  | 'u_visa'
  | 't_visa'
  | 'sijs'
  | 'family_based'
  | 'employment_based'
  | 'cancellation_of_removal'
  | 'prosecutorial_discretion'
  | 'humanitarian_parole'
  | 'administrative_closure'
  | 'voluntary_departure';

/** Grounds that stop a form of relief whatever else is proven. */
export type BarId =
  | 'one_year_deadline' // INA 208(a)(2)(B)
  | 'prior_asylum_denial' // INA 208(a)(2)(C)
  | 'safe_third_country' // INA 208(a)(2)(A)
  | 'persecutor_of_others' // INA 208(b)(2)(A)(i), 241(b)(3)(B)(i)
  | 'particularly_serious_crime' // INA 208(b)(2)(A)(ii), 241(b)(3)(B)(ii)
  | 'aggravated_felony' // INA 208(b)(2)(B)(i); 240A(b)(1)(C); 240B
  | 'serious_nonpolitical_crime' // INA 208(b)(2)(A)(iii), 241(b)(3)(B)(iii)
  | 'security_or_terrorism' // INA 208(b)(2)(A)(iv)-(v), 241(b)(3)(B)(iv)
  | 'firm_resettlement' // INA 208(b)(2)(A)(vi)
  | 'frivolous_application' // INA 208(d)(6)
  | 'in_absentia_ten_year' // INA 240(b)(7)
  | 'voluntary_departure_failure_ten_year' // INA 240B(d)(1)
  | 'permanent_bar_reentry' // INA 212(a)(9)(C)
  | 'unlawful_presence_3_10_year' // INA 212(a)(9)(B), waivable
  | 'no_good_moral_character' // INA 101(f)
  | 'criminal_conviction_cancellation' // INA 240A(b)(1)(C)
  | 'continuous_presence_broken' // INA 240A(d)
  | 'married_sijs' // 8 CFR 204.11(b)
  | 'age_21_sijs'; // INA 101(a)(27)(J)

export type StandardOfProof =
  | 'reasonable_possibility' // asylum, well-founded fear (~10%)
  | 'more_likely_than_not' // withholding, CAT
  | 'preponderance'
  | 'clear_and_convincing'
  | 'exceptional_and_extremely_unusual_hardship'
  | 'extreme_hardship'
  | 'discretion_only';

export type Decider =
  | 'uscis_asylum_office'
  | 'uscis'
  | 'immigration_judge'
  | 'bia'
  | 'court_of_appeals'
  | 'ice'
  | 'cbp'
  | 'state_court'
  | 'department_of_state';

export interface Benefits {
  /** Protection from removal: to every country, only to the feared country, only for a while, or none. */
  readonly protectionFromRemoval: 'all_countries' | 'one_country' | 'temporary' | 'none';
  readonly workPermit: 'yes' | 'possible' | 'no';
  readonly greenCardPath: 'yes' | 'possible' | 'no';
  readonly citizenshipPath: 'yes' | 'possible' | 'no';
  /** Spouse and children included or able to follow. */
  readonly derivatives: 'yes' | 'no';
  readonly travel: 'yes' | 'restricted' | 'no';
}

export interface ReliefElement {
  /** Stable id, e.g. `asylum.nexus`; its words are `element.<id>` in the locale files. */
  readonly id: string;
  readonly authority: readonly CitationId[];
}

export interface ReliefEntry {
  readonly id: ReliefId;
  /** `protection` from persecution or torture; `status` another path to stay; `discretion` a favour an agency may grant; `procedural` a way to manage the case. */
  readonly kind: 'protection' | 'status' | 'discretion' | 'procedural';
  /** Affirmative (USCIS) and/or defensive (in court) where that distinction exists. */
  readonly channels: readonly ('affirmative' | 'defensive')[];
  readonly elements: readonly ReliefElement[];
  readonly standardOfProof: StandardOfProof;
  readonly mandatoryBars: readonly BarId[];
  readonly oneYearDeadlineApplies: boolean;
  readonly deciders: readonly Decider[];
  readonly mainForm: string | null;
  readonly benefits: Benefits;
  readonly authority: readonly CitationId[];
  readonly inForce: { readonly from: string; readonly to?: string };
  /** Points RULES.md marks [uncertain] or [changed]; each id has words in the locale file (`uncertain.<id>`). */
  readonly uncertain?: readonly string[];
}

export interface EvidenceItem {
  /** Stable id; words `evidence.<id>` (what to bring) and `evidence.<id>.why` (why it matters). */
  readonly id: string;
  readonly relief: readonly ReliefId[];
  /** The element it proves (an element id from the catalogue). */
  readonly element: string;
}
