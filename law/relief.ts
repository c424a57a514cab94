import type { ReliefEntry } from './relief-types.ts';

/**
 * The catalogue of relief (RULES.md section C, with B.14 and B.15): for each form of relief, what a
 * person must prove, how strongly, what stops it whatever else is proven, who decides, on which
 * form, and what a grant brings. Words live in src/content/locales/<lang>/relief.json under the
 * same ids; evidence for each element is in law/evidence.ts.
 *
 * `inForce.from` is the day the framework encoded here began. Where a rule changed, the entry
 * describes the current version and lists the change in `uncertain` so the product can say so.
 * Element ids shared by two entries (`cat.*`) mean the same thing in both.
 */
export const RELIEF: readonly ReliefEntry[] = [
  {
    id: 'asylum',
    kind: 'protection',
    channels: ['affirmative', 'defensive'],
    elements: [
      // Being outside one's country of nationality is part of the refugee definition; identity
      // and nationality are what the evidence must show first.
      { id: 'asylum.identity_and_nationality', authority: ['INA-101-a-42', 'INA-208-b-1-B-ii-iii'] },
      {
        id: 'asylum.persecution_or_fear',
        authority: [
          'INA-101-a-42',
          '8-CFR-1208.13-b-1',
          '8-CFR-1208.13-b-2',
          'CASE-INS-v-Cardoza-Fonseca',
          'INA-208-b-1-B-ii-iii',
        ],
      },
      { id: 'asylum.protected_ground', authority: ['INA-101-a-42'] },
      { id: 'asylum.nexus', authority: ['INA-208-b-1-B-i'] },
      { id: 'asylum.persecutor_state_or_uncontrolled', authority: ['INA-101-a-42', '8-CFR-1208.13-b'] },
      { id: 'asylum.no_internal_relocation', authority: ['8-CFR-1208.13-b-3'] },
      // INTERPRETATION: timely filing is an element the applicant proves (clear and convincing
      // evidence), not only a bar, so the evidence for an exception has an element to attach to.
      {
        id: 'asylum.filed_on_time',
        authority: [
          'INA-208-a-2-B',
          'INA-208-a-2-D',
          'INA-208-a-2-E',
          '8-CFR-208.4-a-4-5',
          'CASE-Matter-of-T-M-H',
        ],
      },
      { id: 'asylum.discretion', authority: ['INA-208-b-1-A', 'CASE-Matter-of-Pula'] },
    ],
    standardOfProof: 'reasonable_possibility',
    // C.1 and C.14: every aggravated felony is a particularly serious crime for asylum
    // (INA 208(b)(2)(B)(i)), so both are listed.
    mandatoryBars: [
      'one_year_deadline',
      'prior_asylum_denial',
      'safe_third_country',
      'persecutor_of_others',
      'particularly_serious_crime',
      'aggravated_felony',
      'serious_nonpolitical_crime',
      'security_or_terrorism',
      'firm_resettlement',
      'frivolous_application',
    ],
    oneYearDeadlineApplies: true,
    deciders: ['uscis_asylum_office', 'immigration_judge', 'bia', 'court_of_appeals'],
    mainForm: 'I-589',
    benefits: {
      protectionFromRemoval: 'all_countries',
      workPermit: 'yes',
      greenCardPath: 'yes',
      citizenshipPath: 'yes',
      derivatives: 'yes',
      travel: 'yes',
    },
    authority: [
      'INA-208-a-1',
      'INA-208-b-1-A',
      'INA-208-b-1-B',
      'INA-101-a-42',
      '8-CFR-1208.13-b',
      'INA-208-a-2-A',
      'INA-208-a-2-B',
      'INA-208-a-2-C',
      'INA-208-b-2-A',
      'INA-208-b-2-B-i',
      'INA-208-d-6',
      'INA-208-b-3-A',
      'INA-208-c-1',
      '8-CFR-274a.12-a-5',
      '8-CFR-223.1-b',
      '8-CFR-208.21-d',
      'INA-209-b-2',
      'INA-316-a',
      '8-CFR-208.14-c-1',
      '8-CFR-208.33',
      '8-CFR-208.35',
      'PROC-10888',
      'PL-96-212',
    ],
    inForce: { from: '1980-03-17' },
    uncertain: [
      'border_rules_2023_2025',
      'safe_third_country_agreements_2025',
      'asylum_decision_hold_2025',
      'annual_asylum_fee_2025',
      'uac_one_year_exemption',
      'advance_parole_last_arrival',
      'mendez_rojas_class',
    ],
  },
  {
    id: 'withholding_of_removal',
    kind: 'protection',
    // Asylum offices do not grant it: only an immigration judge, on the I-589.
    channels: ['defensive'],
    elements: [
      { id: 'withholding.identity_and_nationality', authority: ['INA-241-b-3-A', 'INA-241-b-3-C'] },
      {
        id: 'withholding.threat_to_life_or_freedom',
        authority: ['INA-241-b-3-A', '8-CFR-1208.16-b', 'CASE-INS-v-Stevic'],
      },
      { id: 'withholding.protected_ground', authority: ['INA-241-b-3-A'] },
      {
        id: 'withholding.nexus',
        authority: ['INA-241-b-3-A', 'CASE-Matter-of-C-T-L', 'CASE-Barajas-Romero-v-Lynch'],
      },
      { id: 'withholding.persecutor_state_or_uncontrolled', authority: ['8-CFR-1208.16-b'] },
      { id: 'withholding.no_internal_relocation', authority: ['8-CFR-1208.16-b'] },
      // C.2 and C.14: an aggravated felony is a particularly serious crime automatically only when
      // the aggregate sentence is at least 5 years; below that the judge decides case by case
      // (drug trafficking presumptively). The words of this element and `psc_case_by_case` say so.
      {
        id: 'withholding.no_particularly_serious_crime',
        authority: ['INA-241-b-3-B', 'CASE-Matter-of-Y-L-A-G-R-S-R'],
      },
    ],
    standardOfProof: 'more_likely_than_not',
    mandatoryBars: [
      'persecutor_of_others',
      'particularly_serious_crime',
      'serious_nonpolitical_crime',
      'security_or_terrorism',
    ],
    oneYearDeadlineApplies: false,
    deciders: ['immigration_judge', 'bia', 'court_of_appeals'],
    mainForm: 'I-589',
    benefits: {
      protectionFromRemoval: 'one_country',
      workPermit: 'yes',
      greenCardPath: 'no',
      citizenshipPath: 'no',
      derivatives: 'no',
      travel: 'no',
    },
    authority: [
      'INA-241-b-3-A',
      'INA-241-b-3-B',
      'INA-241-b-3-C',
      '8-CFR-1208.16-b',
      '8-CFR-274a.12-a-10',
      'PL-104-208-C',
    ],
    // INA 241(b)(3) since IIRIRA; the same protection was INA 243(h) before.
    inForce: { from: '1997-04-01' },
    uncertain: ['withholding_nexus_circuit_split', 'psc_case_by_case'],
  },
  {
    id: 'cat_withholding',
    kind: 'protection',
    channels: ['defensive'],
    elements: [
      { id: 'cat.identity_and_country', authority: ['8-CFR-1208.16-c'] },
      { id: 'cat.torture_more_likely', authority: ['8-CFR-1208.16-c-2', '8-CFR-1208.18-a-1'] },
      { id: 'cat.official_acquiescence', authority: ['8-CFR-1208.18-a-1', '8-CFR-1208.18-a-7'] },
      { id: 'cat.all_evidence_and_relocation', authority: ['8-CFR-1208.16-c-3'] },
      { id: 'cat_withholding.not_barred', authority: ['8-CFR-1208.16-d-2', 'INA-241-b-3-B'] },
    ],
    standardOfProof: 'more_likely_than_not',
    // The same bars as statutory withholding (8 CFR 1208.16(d)(2)); aggravated felonies as there.
    mandatoryBars: [
      'persecutor_of_others',
      'particularly_serious_crime',
      'serious_nonpolitical_crime',
      'security_or_terrorism',
    ],
    oneYearDeadlineApplies: false,
    deciders: ['immigration_judge', 'bia', 'court_of_appeals'],
    mainForm: 'I-589',
    benefits: {
      protectionFromRemoval: 'one_country',
      workPermit: 'yes',
      greenCardPath: 'no',
      citizenshipPath: 'no',
      derivatives: 'no',
      travel: 'no',
    },
    authority: [
      'FARRA-2242',
      '8-CFR-1208.16-c',
      '8-CFR-1208.16-c-4',
      '8-CFR-1208.16-d-2',
      '8-CFR-1208.18-a',
      '8-CFR-274a.12-a-10',
      'FR-64-8478',
    ],
    inForce: { from: '1999-03-22' },
    uncertain: ['psc_case_by_case'],
  },
  {
    id: 'cat_deferral',
    kind: 'protection',
    channels: ['defensive'],
    elements: [
      { id: 'cat.identity_and_country', authority: ['8-CFR-1208.16-c'] },
      { id: 'cat.torture_more_likely', authority: ['8-CFR-1208.16-c-2', '8-CFR-1208.18-a-1'] },
      { id: 'cat.official_acquiescence', authority: ['8-CFR-1208.18-a-1', '8-CFR-1208.18-a-7'] },
      { id: 'cat.all_evidence_and_relocation', authority: ['8-CFR-1208.16-c-3'] },
      { id: 'cat_deferral.barred_from_withholding', authority: ['8-CFR-1208.17-a', '8-CFR-1208.16-c-4'] },
    ],
    standardOfProof: 'more_likely_than_not',
    // C.3 and C.14: no criminal or persecutor bar. That is the point of deferral.
    mandatoryBars: [],
    oneYearDeadlineApplies: false,
    deciders: ['immigration_judge', 'bia', 'court_of_appeals'],
    mainForm: 'I-589',
    // INTERPRETATION: a work permit is possible, not automatic; people with deferral are usually
    // released on an order of supervision (8 CFR 274a.12(c)(18)), and detention may continue.
    benefits: {
      protectionFromRemoval: 'one_country',
      workPermit: 'possible',
      greenCardPath: 'no',
      citizenshipPath: 'no',
      derivatives: 'no',
      travel: 'no',
    },
    authority: [
      'FARRA-2242',
      '8-CFR-1208.17',
      '8-CFR-1208.17-a',
      '8-CFR-1208.17-d',
      '8-CFR-1208.18-a',
      '8-CFR-1208.18-c',
      '8-CFR-274a.12-c-18',
      'FR-64-8478',
    ],
    inForce: { from: '1999-03-22' },
  },
  {
    id: 'u_visa',
    kind: 'status',
    // USCIS only, even for a person in removal proceedings (the court may close or continue).
    channels: ['affirmative'],
    elements: [
      { id: 'u_visa.qualifying_crime', authority: ['INA-101-a-15-U-iii', '8-CFR-214.14-a-9'] },
      { id: 'u_visa.substantial_abuse', authority: ['INA-101-a-15-U-i', '8-CFR-214.14-b'] },
      { id: 'u_visa.has_information', authority: ['INA-101-a-15-U-i', '8-CFR-214.14-b'] },
      { id: 'u_visa.helpful', authority: ['INA-101-a-15-U-i', '8-CFR-214.14-b'] },
      { id: 'u_visa.crime_in_us', authority: ['INA-101-a-15-U-i', '8-CFR-214.14-b'] },
      { id: 'u_visa.certification', authority: ['INA-214-p-1', '8-CFR-214.14-c-2-i'] },
      { id: 'u_visa.admissible_or_waiver', authority: ['INA-212-d-14', '8-CFR-212.17'] },
    ],
    standardOfProof: 'preponderance',
    // INA 212(d)(14) waives every inadmissibility ground except 212(a)(3)(E) (participation in
    // Nazi persecution, genocide, torture or extrajudicial killing), the closest BarId being
    // persecutor_of_others. Everything else is for the waiver.
    mandatoryBars: ['persecutor_of_others'],
    oneYearDeadlineApplies: false,
    deciders: ['uscis'],
    mainForm: 'I-918',
    benefits: {
      protectionFromRemoval: 'temporary',
      workPermit: 'yes',
      greenCardPath: 'yes',
      citizenshipPath: 'yes',
      derivatives: 'yes',
      travel: 'restricted',
    },
    authority: [
      'INA-101-a-15-U',
      'INA-214-p-1',
      'INA-214-p-2',
      'INA-214-p-6',
      'INA-212-d-14',
      'INA-245-m',
      '8-CFR-214.14',
      '8-CFR-214.14-d-2',
      'FR-72-53014',
      'USCIS-PM-3-C',
    ],
    // The regulations took effect 2007-10-17; the bona fide determination process (2021-06-14)
    // is policy on top of them and is what may have changed in 2025.
    inForce: { from: '2007-10-17' },
    uncertain: ['u_visa_bfd_policy_2025'],
  },
  {
    id: 't_visa',
    kind: 'status',
    channels: ['affirmative'],
    elements: [
      { id: 't_visa.trafficking_victim', authority: ['INA-101-a-15-T-i', '8-CFR-214.206'] },
      { id: 't_visa.present_on_account', authority: ['INA-101-a-15-T-i', '8-CFR-214.207'] },
      { id: 't_visa.complied_with_requests', authority: ['INA-101-a-15-T-i', '8-CFR-214.208'] },
      { id: 't_visa.extreme_hardship', authority: ['INA-101-a-15-T-i', '8-CFR-214.209'] },
      { id: 't_visa.admissible_or_waiver', authority: ['INA-212-d-13', '8-CFR-212.16'] },
    ],
    // INTERPRETATION: the burden is the ordinary preponderance; the "extreme hardship involving
    // unusual and severe harm" test is an element (t_visa.extreme_hardship), and it is higher than
    // plain extreme hardship, so `extreme_hardship` would understate it.
    standardOfProof: 'preponderance',
    // INA 212(d)(13) cannot waive the security grounds of 212(a)(3), which include 212(a)(3)(E).
    mandatoryBars: ['security_or_terrorism', 'persecutor_of_others'],
    oneYearDeadlineApplies: false,
    deciders: ['uscis'],
    mainForm: 'I-914',
    benefits: {
      protectionFromRemoval: 'temporary',
      workPermit: 'yes',
      greenCardPath: 'yes',
      citizenshipPath: 'yes',
      derivatives: 'yes',
      travel: 'restricted',
    },
    authority: [
      'INA-101-a-15-T',
      'INA-214-o',
      'INA-212-d-13',
      'INA-245-l',
      '8-CFR-214.201',
      '8-CFR-214.202',
      '8-CFR-214.205',
      '8-CFR-214.211',
      'FR-89-34864',
    ],
    // The current rule (89 FR 34864); T status itself exists since 2000.
    inForce: { from: '2024-08-28' },
    uncertain: ['t_visa_rule_2024'],
  },
  {
    id: 'sijs',
    kind: 'status',
    channels: ['affirmative'],
    elements: [
      { id: 'sijs.under_21', authority: ['INA-101-a-27-J', '8-CFR-204.11-b-1'] },
      { id: 'sijs.unmarried', authority: ['8-CFR-204.11-b'] },
      { id: 'sijs.present_in_us', authority: ['8-CFR-204.11-b'] },
      { id: 'sijs.juvenile_court_order', authority: ['INA-101-a-27-J-i', '8-CFR-204.11-c'] },
      { id: 'sijs.reunification_not_viable', authority: ['INA-101-a-27-J-i', '8-CFR-204.11-c'] },
      { id: 'sijs.best_interest', authority: ['INA-101-a-27-J-ii', '8-CFR-204.11-c'] },
      { id: 'sijs.dhs_consent', authority: ['INA-101-a-27-J-iii', '8-CFR-204.11-b'] },
    ],
    standardOfProof: 'preponderance',
    mandatoryBars: ['age_21_sijs', 'married_sijs'],
    oneYearDeadlineApplies: false,
    deciders: ['state_court', 'uscis'],
    mainForm: 'I-360',
    // INTERPRETATION: SIJ classification alone does not stop removal; the deferred action that
    // did is in litigation (sijs_deferred_action_litigation), so the conservative value is 'none'.
    // Parents can never immigrate through the child (INA 101(a)(27)(J)(iii)), so no derivatives.
    benefits: {
      protectionFromRemoval: 'none',
      workPermit: 'possible',
      greenCardPath: 'yes',
      citizenshipPath: 'yes',
      derivatives: 'no',
      travel: 'restricted',
    },
    authority: [
      'INA-101-a-27-J',
      'INA-101-a-27-J-iii',
      'INA-203-b-4',
      'INA-245-h',
      '8-CFR-204.11',
      'FR-87-13066',
      'CASE-A-C-R-v-Noem',
    ],
    inForce: { from: '2022-04-07' },
    uncertain: ['sijs_deferred_action_litigation', 'sijs_state_court_age'],
  },
  {
    id: 'family_based',
    kind: 'status',
    channels: ['affirmative', 'defensive'],
    elements: [
      {
        id: 'family_based.qualifying_relationship',
        authority: ['INA-201-b-2-A-i', 'INA-203-a', 'INA-204-a-1-A'],
      },
      { id: 'family_based.visa_available', authority: ['INA-203-a', 'INA-245-a'] },
      { id: 'family_based.inspection_or_parole', authority: ['INA-245-a', 'INA-245-c-2'] },
      { id: 'family_based.section_245i', authority: ['INA-245-i', '8-CFR-245.10'] },
      {
        id: 'family_based.admissible_or_waiver',
        authority: ['INA-212-a-9-B', 'INA-212-a-9-C', '8-CFR-212.7-e', 'INA-213A'],
      },
      { id: 'family_based.discretion', authority: ['INA-245-a'] },
    ],
    standardOfProof: 'preponderance',
    // unlawful_presence_3_10_year is waivable (I-601A); it is listed because it stops the case
    // unless the waiver is granted. OPEN QUESTION: a frivolousness finding bars "any benefits"
    // under the Act (INA 208(d)(6)); we list it for the green-card paths and leave its reach to
    // U, T, SIJS and voluntary departure to a lawyer.
    mandatoryBars: [
      'unlawful_presence_3_10_year',
      'permanent_bar_reentry',
      'in_absentia_ten_year',
      'voluntary_departure_failure_ten_year',
      'security_or_terrorism',
      'frivolous_application',
    ],
    oneYearDeadlineApplies: false,
    deciders: ['uscis', 'immigration_judge', 'bia', 'department_of_state'],
    mainForm: 'I-130/I-485',
    benefits: {
      protectionFromRemoval: 'all_countries',
      workPermit: 'yes',
      greenCardPath: 'yes',
      citizenshipPath: 'yes',
      derivatives: 'yes',
      travel: 'yes',
    },
    authority: [
      'INA-201-b-2-A-i',
      'INA-203-a',
      'INA-204-a-1-A',
      'INA-245-a',
      'INA-245-c-2',
      'INA-245-i',
      'INA-212-a-9-B',
      'INA-212-a-9-C',
      '8-CFR-212.7-e',
      '8-CFR-1245.2-a-1',
      'CASE-Matter-of-Chawathe',
      'PL-104-208-C',
    ],
    // INTERPRETATION: the framework as encoded (unlawful-presence and permanent bars) dates from
    // IIRIRA; the I-130/I-485 path itself is older.
    inForce: { from: '1997-04-01' },
  },
  {
    id: 'employment_based',
    kind: 'status',
    channels: ['affirmative', 'defensive'],
    // OPEN QUESTION: RULES.md has no section on employment-based residence (C.8 is missing); these
    // elements come from the statute and need a lawyer's review (employment_based_not_in_reference).
    elements: [
      { id: 'employment_based.qualifying_petition', authority: ['INA-203-b', 'INA-204-a-1-F'] },
      { id: 'employment_based.labor_certification', authority: ['INA-212-a-5-A', '20-CFR-656'] },
      { id: 'employment_based.visa_available', authority: ['INA-203-b', 'INA-245-a'] },
      { id: 'employment_based.inspection_and_status', authority: ['INA-245-a', 'INA-245-c', 'INA-245-k'] },
      { id: 'employment_based.admissible_or_waiver', authority: ['INA-212-a-9-B', 'INA-212-a-9-C'] },
    ],
    standardOfProof: 'preponderance',
    mandatoryBars: [
      'unlawful_presence_3_10_year',
      'permanent_bar_reentry',
      'in_absentia_ten_year',
      'voluntary_departure_failure_ten_year',
      'security_or_terrorism',
      'frivolous_application',
    ],
    oneYearDeadlineApplies: false,
    deciders: ['uscis', 'immigration_judge', 'bia', 'department_of_state'],
    mainForm: 'I-140/I-485',
    benefits: {
      protectionFromRemoval: 'all_countries',
      workPermit: 'yes',
      greenCardPath: 'yes',
      citizenshipPath: 'yes',
      derivatives: 'yes',
      travel: 'yes',
    },
    authority: [
      'INA-203-b',
      'INA-204-a-1-F',
      'INA-212-a-5-A',
      'INA-245-a',
      'INA-245-c',
      'INA-245-k',
      '20-CFR-656',
      '8-CFR-1245.2-a-1',
      'PL-104-208-C',
    ],
    inForce: { from: '1997-04-01' },
    uncertain: ['employment_based_not_in_reference'],
  },
  {
    id: 'cancellation_of_removal',
    kind: 'status',
    channels: ['defensive'],
    elements: [
      {
        id: 'cancellation.ten_years_presence',
        authority: ['INA-240A-b-1-A', 'INA-240A-d', 'CASE-Pereira-v-Sessions', 'CASE-Niz-Chavez'],
      },
      { id: 'cancellation.good_moral_character', authority: ['INA-240A-b-1-B', 'INA-101-f'] },
      { id: 'cancellation.no_disqualifying_conviction', authority: ['INA-240A-b-1-C'] },
      {
        id: 'cancellation.qualifying_relative_hardship',
        authority: ['INA-240A-b-1-D', 'CASE-Wilkinson-v-Garland'],
      },
      { id: 'cancellation.discretion', authority: ['INA-240A-b-1'] },
    ],
    standardOfProof: 'exceptional_and_extremely_unusual_hardship',
    // INA 240A(c)(4)-(5) add the security and persecutor classes to the elements' own limits.
    mandatoryBars: [
      'criminal_conviction_cancellation',
      'aggravated_felony',
      'no_good_moral_character',
      'continuous_presence_broken',
      'persecutor_of_others',
      'security_or_terrorism',
      'in_absentia_ten_year',
      'voluntary_departure_failure_ten_year',
      'frivolous_application',
    ],
    oneYearDeadlineApplies: false,
    deciders: ['immigration_judge', 'bia', 'court_of_appeals'],
    mainForm: 'EOIR-42B',
    // Each family member needs a case of their own, hence no derivatives.
    benefits: {
      protectionFromRemoval: 'all_countries',
      workPermit: 'yes',
      greenCardPath: 'yes',
      citizenshipPath: 'yes',
      derivatives: 'no',
      travel: 'yes',
    },
    authority: ['INA-240A-b-1', 'INA-240A-c', 'INA-240A-d', 'INA-240A-e', 'INA-101-f', 'PL-104-208-C'],
    inForce: { from: '1997-04-01' },
  },
  {
    id: 'prosecutorial_discretion',
    kind: 'discretion',
    // A request to ICE, mostly to its lawyers in a pending court case.
    channels: ['defensive'],
    elements: [
      { id: 'prosecutorial_discretion.request', authority: ['6-USC-202-5', 'CASE-Reno-v-AADC'] },
      { id: 'prosecutorial_discretion.equities', authority: ['EO-14159'] },
      { id: 'prosecutorial_discretion.low_priority', authority: ['EO-14159'] },
    ],
    standardOfProof: 'discretion_only',
    mandatoryBars: [],
    oneYearDeadlineApplies: false,
    deciders: ['ice'],
    mainForm: null,
    benefits: {
      protectionFromRemoval: 'temporary',
      workPermit: 'possible',
      greenCardPath: 'no',
      citizenshipPath: 'no',
      derivatives: 'no',
      travel: 'no',
    },
    authority: ['6-USC-202-5', 'CASE-Reno-v-AADC', 'EO-14159', '8-CFR-274a.12-c-14'],
    // The guidance in force since EO 14159; earlier memoranda no longer apply.
    inForce: { from: '2025-01-20' },
    uncertain: ['pd_guidance_2025'],
  },
  {
    id: 'humanitarian_parole',
    kind: 'discretion',
    // Form I-131 to USCIS; ICE and CBP grant parole too, outside the affirmative/defensive split.
    channels: ['affirmative'],
    elements: [
      {
        id: 'humanitarian_parole.urgent_reason_or_public_benefit',
        authority: ['INA-212-d-5-A', '8-CFR-212.5'],
      },
      { id: 'humanitarian_parole.temporary_need', authority: ['INA-212-d-5-A'] },
      { id: 'humanitarian_parole.discretion', authority: ['INA-212-d-5-A', '8-CFR-212.5'] },
    ],
    standardOfProof: 'discretion_only',
    mandatoryBars: [],
    oneYearDeadlineApplies: false,
    deciders: ['uscis', 'ice', 'cbp'],
    mainForm: 'I-131',
    // Parole is not admission, but it satisfies "inspected and admitted or paroled" for adjustment
    // (INA 245(a)) when another basis exists: hence a possible, not a direct, green-card path.
    benefits: {
      protectionFromRemoval: 'temporary',
      workPermit: 'possible',
      greenCardPath: 'possible',
      citizenshipPath: 'possible',
      derivatives: 'no',
      travel: 'no',
    },
    authority: ['INA-212-d-5-A', '8-CFR-212.5', '8-CFR-274a.12-c-11', 'PL-104-208-C'],
    // INA 212(d)(5)(A) in its case-by-case form since IIRIRA.
    inForce: { from: '1997-04-01' },
    uncertain: ['parole_fee_2025', 'parole_programs_ended_2025'],
  },
  {
    id: 'administrative_closure',
    kind: 'procedural',
    channels: ['defensive'],
    elements: [
      { id: 'administrative_closure.reason', authority: ['8-CFR-1003.18-c', '8-CFR-1003.1-l'] },
      { id: 'administrative_closure.dhs_position', authority: ['8-CFR-1003.18-c-3'] },
      {
        id: 'administrative_closure.factors',
        authority: ['8-CFR-1003.18-c-3', 'CASE-Matter-of-Cruz-Valdez'],
      },
    ],
    standardOfProof: 'discretion_only',
    mandatoryBars: [],
    oneYearDeadlineApplies: false,
    deciders: ['immigration_judge', 'bia'],
    mainForm: null,
    benefits: {
      protectionFromRemoval: 'temporary',
      workPermit: 'no',
      greenCardPath: 'no',
      citizenshipPath: 'no',
      derivatives: 'no',
      travel: 'no',
    },
    authority: ['8-CFR-1003.18-c', '8-CFR-1003.18-c-3', '8-CFR-1003.1-l', 'FR-89-46742'],
    inForce: { from: '2024-07-29' },
    uncertain: ['admin_closure_policy_2025'],
  },
  {
    id: 'voluntary_departure',
    kind: 'procedural',
    channels: ['defensive'],
    elements: [
      // Before the end of proceedings (INA 240B(a), up to 120 days).
      { id: 'voluntary_departure.early_request', authority: ['INA-240B-a', '8-CFR-1240.26-b'] },
      // At the end of proceedings (INA 240B(b), up to 60 days): the next four.
      { id: 'voluntary_departure.one_year_presence', authority: ['INA-240B-b', '8-CFR-1240.26-c'] },
      { id: 'voluntary_departure.good_moral_character', authority: ['INA-240B-b', 'INA-101-f'] },
      {
        id: 'voluntary_departure.means_and_intent_to_depart',
        authority: ['INA-240B-b', '8-CFR-1240.26-c'],
      },
      {
        id: 'voluntary_departure.bond',
        authority: ['INA-240B-b', '8-CFR-1240.26-c-3', 'CASE-Matter-of-Gamero'],
      },
    ],
    // INA 240B(b)(1)(D): means and intent to depart by clear and convincing evidence, the only
    // standard the statute states; voluntary departure before the end of proceedings is discretionary.
    standardOfProof: 'clear_and_convincing',
    mandatoryBars: [
      'aggravated_felony',
      'security_or_terrorism',
      'in_absentia_ten_year',
      'voluntary_departure_failure_ten_year',
    ],
    oneYearDeadlineApplies: false,
    deciders: ['immigration_judge', 'bia', 'ice'],
    mainForm: null,
    benefits: {
      protectionFromRemoval: 'temporary',
      workPermit: 'no',
      greenCardPath: 'no',
      citizenshipPath: 'no',
      derivatives: 'no',
      travel: 'no',
    },
    authority: [
      'INA-240B-a',
      'INA-240B-b',
      'INA-240B-d-1',
      '8-CFR-1240.26-b',
      '8-CFR-1240.26-c',
      '8-CFR-1240.26-i',
      '8-CFR-240.25',
      'FR-73-76927',
      'CASE-Monsalvo-Velazquez',
    ],
    // The current regulation on motions and petitions for review ending the grant (73 FR 76927).
    inForce: { from: '2009-01-20' },
    uncertain: ['vd_last_day_rolls_2025'],
  },
];
