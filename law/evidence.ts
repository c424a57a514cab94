import type { EvidenceItem } from './relief-types.ts';

/**
 * The evidence checklist: for each form of relief, what to gather and which element of
 * law/relief.ts it proves. Words are `evidence.<id>` (what to bring) and `evidence.<id>.why`
 * (why it matters) in src/content/locales/<lang>/relief.json.
 *
 * An item serves every relief in `relief` but names one element; for the protection claims
 * (asylum, withholding, CAT) that is the asylum element, or the CAT one for torture-only evidence.
 */
const PROTECTION = ['asylum', 'withholding_of_removal', 'cat_withholding', 'cat_deferral'] as const;
const PERSECUTION = ['asylum', 'withholding_of_removal'] as const;
const CAT = ['cat_withholding', 'cat_deferral'] as const;

export const EVIDENCE: readonly EvidenceItem[] = [
  // Asylum, withholding of removal, CAT: who you are
  { id: 'passport_or_national_id', relief: PROTECTION, element: 'asylum.identity_and_nationality' },
  { id: 'birth_certificate', relief: PROTECTION, element: 'asylum.identity_and_nationality' },
  { id: 'entry_documents', relief: PROTECTION, element: 'asylum.identity_and_nationality' },

  // What happened and what you fear
  { id: 'personal_declaration', relief: PROTECTION, element: 'asylum.persecution_or_fear' },
  { id: 'proof_of_past_harm', relief: PROTECTION, element: 'asylum.persecution_or_fear' },
  { id: 'threats_received', relief: PROTECTION, element: 'asylum.persecution_or_fear' },
  { id: 'medical_evaluation', relief: PROTECTION, element: 'asylum.persecution_or_fear' },
  { id: 'psychological_evaluation', relief: PROTECTION, element: 'asylum.persecution_or_fear' },
  { id: 'witness_declarations', relief: PROTECTION, element: 'asylum.persecution_or_fear' },
  { id: 'country_conditions_reports', relief: PROTECTION, element: 'asylum.persecution_or_fear' },
  { id: 'explanation_of_missing_evidence', relief: PROTECTION, element: 'asylum.persecution_or_fear' },
  { id: 'harm_to_similar_people', relief: PERSECUTION, element: 'asylum.persecution_or_fear' },

  // Why: the protected ground and the link to it
  { id: 'proof_of_protected_ground', relief: PERSECUTION, element: 'asylum.protected_ground' },
  { id: 'evidence_of_persecutor_motive', relief: PERSECUTION, element: 'asylum.nexus' },

  // Who did it, and why the state did not protect
  { id: 'reports_to_authorities', relief: PROTECTION, element: 'asylum.persecutor_state_or_uncontrolled' },
  { id: 'state_protection_reports', relief: PERSECUTION, element: 'asylum.persecutor_state_or_uncontrolled' },
  { id: 'expert_declaration', relief: PROTECTION, element: 'asylum.persecutor_state_or_uncontrolled' },

  // Why moving elsewhere in the country would not work
  { id: 'relocation_evidence', relief: PROTECTION, element: 'asylum.no_internal_relocation' },

  // Filing on time, or an exception to the one-year deadline (asylum only)
  { id: 'proof_of_last_arrival', relief: ['asylum'], element: 'asylum.filed_on_time' },
  { id: 'changed_circumstances_evidence', relief: ['asylum'], element: 'asylum.filed_on_time' },
  { id: 'extraordinary_circumstances_evidence', relief: ['asylum'], element: 'asylum.filed_on_time' },

  // Discretion
  { id: 'good_character_letters', relief: ['asylum'], element: 'asylum.discretion' },

  // Criminal record, for the particularly-serious-crime bar
  {
    id: 'criminal_record_dispositions',
    relief: ['withholding_of_removal', 'cat_withholding'],
    element: 'withholding.no_particularly_serious_crime',
  },

  // CAT: torture and official involvement
  { id: 'torture_evidence', relief: CAT, element: 'cat.torture_more_likely' },
  { id: 'official_involvement_evidence', relief: CAT, element: 'cat.official_acquiescence' },

  // U visa
  { id: 'u_supplement_b', relief: ['u_visa'], element: 'u_visa.certification' },
  { id: 'u_police_report', relief: ['u_visa'], element: 'u_visa.qualifying_crime' },
  { id: 'u_proof_of_abuse', relief: ['u_visa'], element: 'u_visa.substantial_abuse' },
  { id: 'u_personal_statement', relief: ['u_visa'], element: 'u_visa.has_information' },
  { id: 'u_helpfulness_records', relief: ['u_visa'], element: 'u_visa.helpful' },
  { id: 'u_crime_location', relief: ['u_visa'], element: 'u_visa.crime_in_us' },
  { id: 'u_waiver_request', relief: ['u_visa'], element: 'u_visa.admissible_or_waiver' },

  // T visa
  { id: 't_personal_statement', relief: ['t_visa'], element: 't_visa.trafficking_victim' },
  { id: 't_trafficking_records', relief: ['t_visa'], element: 't_visa.trafficking_victim' },
  { id: 't_presence_evidence', relief: ['t_visa'], element: 't_visa.present_on_account' },
  { id: 't_law_enforcement_evidence', relief: ['t_visa'], element: 't_visa.complied_with_requests' },
  { id: 't_hardship_evidence', relief: ['t_visa'], element: 't_visa.extreme_hardship' },

  // Special Immigrant Juvenile Status
  { id: 'sijs_proof_of_age', relief: ['sijs'], element: 'sijs.under_21' },
  { id: 'sijs_state_court_order', relief: ['sijs'], element: 'sijs.juvenile_court_order' },
  { id: 'sijs_abuse_neglect_evidence', relief: ['sijs'], element: 'sijs.reunification_not_viable' },
  { id: 'sijs_best_interest_evidence', relief: ['sijs'], element: 'sijs.best_interest' },
  { id: 'sijs_court_petition_record', relief: ['sijs'], element: 'sijs.dhs_consent' },

  // Family-based residence
  {
    id: 'fb_relationship_documents',
    relief: ['family_based'],
    element: 'family_based.qualifying_relationship',
  },
  { id: 'fb_petitioner_status', relief: ['family_based'], element: 'family_based.qualifying_relationship' },
  { id: 'fb_bona_fide_marriage', relief: ['family_based'], element: 'family_based.qualifying_relationship' },
  { id: 'fb_priority_date', relief: ['family_based'], element: 'family_based.visa_available' },
  {
    id: 'fb_proof_of_inspection_or_parole',
    relief: ['family_based'],
    element: 'family_based.inspection_or_parole',
  },
  { id: 'fb_245i_proof', relief: ['family_based'], element: 'family_based.section_245i' },
  { id: 'fb_affidavit_of_support', relief: ['family_based'], element: 'family_based.admissible_or_waiver' },
  {
    id: 'fb_waiver_hardship_evidence',
    relief: ['family_based'],
    element: 'family_based.admissible_or_waiver',
  },

  // Employment-based residence
  { id: 'eb_petition', relief: ['employment_based'], element: 'employment_based.qualifying_petition' },
  {
    id: 'eb_labor_certification',
    relief: ['employment_based'],
    element: 'employment_based.labor_certification',
  },
  {
    id: 'eb_status_history',
    relief: ['employment_based'],
    element: 'employment_based.inspection_and_status',
  },

  // Cancellation of removal
  {
    id: 'cancel_presence_records',
    relief: ['cancellation_of_removal'],
    element: 'cancellation.ten_years_presence',
  },
  {
    id: 'cancel_notice_to_appear',
    relief: ['cancellation_of_removal'],
    element: 'cancellation.ten_years_presence',
  },
  {
    id: 'cancel_travel_records',
    relief: ['cancellation_of_removal'],
    element: 'cancellation.ten_years_presence',
  },
  {
    id: 'cancel_good_moral_character',
    relief: ['cancellation_of_removal'],
    element: 'cancellation.good_moral_character',
  },
  {
    id: 'cancel_tax_returns',
    relief: ['cancellation_of_removal'],
    element: 'cancellation.good_moral_character',
  },
  {
    id: 'cancel_criminal_record_check',
    relief: ['cancellation_of_removal'],
    element: 'cancellation.no_disqualifying_conviction',
  },
  {
    id: 'cancel_relative_status',
    relief: ['cancellation_of_removal'],
    element: 'cancellation.qualifying_relative_hardship',
  },
  {
    id: 'cancel_hardship_evidence',
    relief: ['cancellation_of_removal'],
    element: 'cancellation.qualifying_relative_hardship',
  },

  // Voluntary departure
  {
    id: 'vd_travel_document',
    relief: ['voluntary_departure'],
    element: 'voluntary_departure.means_and_intent_to_depart',
  },
  {
    id: 'vd_means_to_depart',
    relief: ['voluntary_departure'],
    element: 'voluntary_departure.means_and_intent_to_depart',
  },
  {
    id: 'vd_presence_one_year',
    relief: ['voluntary_departure'],
    element: 'voluntary_departure.one_year_presence',
  },
  { id: 'vd_bond_receipt', relief: ['voluntary_departure'], element: 'voluntary_departure.bond' },

  // Humanitarian parole
  {
    id: 'hp_urgent_reason',
    relief: ['humanitarian_parole'],
    element: 'humanitarian_parole.urgent_reason_or_public_benefit',
  },
  { id: 'hp_length_of_need', relief: ['humanitarian_parole'], element: 'humanitarian_parole.temporary_need' },
  { id: 'hp_financial_support', relief: ['humanitarian_parole'], element: 'humanitarian_parole.discretion' },

  // Prosecutorial discretion
  { id: 'pd_equities', relief: ['prosecutorial_discretion'], element: 'prosecutorial_discretion.equities' },
  {
    id: 'pd_pending_benefit',
    relief: ['prosecutorial_discretion'],
    element: 'prosecutorial_discretion.equities',
  },
  {
    id: 'pd_clean_record',
    relief: ['prosecutorial_discretion'],
    element: 'prosecutorial_discretion.low_priority',
  },

  // Administrative closure
  { id: 'ac_uscis_receipt', relief: ['administrative_closure'], element: 'administrative_closure.reason' },
  {
    id: 'ac_dhs_position',
    relief: ['administrative_closure'],
    element: 'administrative_closure.dhs_position',
  },
  { id: 'ac_likely_success', relief: ['administrative_closure'], element: 'administrative_closure.factors' },
];
