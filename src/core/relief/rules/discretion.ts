/**
 * Discretionary and procedural alternatives (RULES.md C.10-C.13, B.14): prosecutorial
 * discretion, humanitarian parole, administrative closure and voluntary departure.
 */
import { convicted, hasRemovalCase, inProceedings, posture } from '../facts-view.ts';
import { tenYearBars } from '../ten-year-bars.ts';
import { type ReliefRule, VerdictBuilder } from '../verdict.ts';

export const prosecutorialDiscretion: ReliefRule = {
  id: 'prosecutorial_discretion',
  consults: [],
  evaluate(ctx) {
    const v = new VerdictBuilder('possible', ctx);
    if (!hasRemovalCase(ctx)) return v.atMost('not_available').because('pd.no_case', ['EO-14159']).build();
    return v.because('pd.ask_low_expectations', ['EO-14159']).because('pd.equities', []).build();
  },
};

export const humanitarianParole: ReliefRule = {
  id: 'humanitarian_parole',
  consults: [],
  evaluate() {
    return new VerdictBuilder('possible')
      .because('parole.case_by_case', ['INA-212-d-5-A'])
      .because('parole.programs_ended_2025', ['INA-212-d-5-A'])
      .build();
  },
};

export const administrativeClosure: ReliefRule = {
  id: 'administrative_closure',
  consults: [],
  evaluate(ctx) {
    const v = new VerdictBuilder('possible', ctx);
    const p = posture(ctx);
    if (p === 'administratively_closed')
      return v.because('admin_closure.already_closed', ['8-CFR-1003.18-c']).build();
    const inCourt =
      p === 'referred_to_court' ||
      p === 'in_removal_proceedings' ||
      p === 'ij_decision' ||
      p === 'appeal_pending' ||
      p === 'motion_pending';
    if (!inCourt)
      return v
        .atMost('not_available')
        .because('admin_closure.no_court_case', ['8-CFR-1003.18-c', '8-CFR-1003.1-l'])
        .build();
    return v.because('admin_closure.while_uscis_decides', ['8-CFR-1003.18-c', '8-CFR-1003.1-l']).build();
  },
};

export const voluntaryDeparture: ReliefRule = {
  id: 'voluntary_departure',
  consults: ['criminalHistory', 'securityOrTerrorismBar', 'goodMoralCharacter'],
  evaluate(ctx) {
    const { s } = ctx;
    const v = new VerdictBuilder('possible', ctx).because('vd.what_it_is', ['INA-240B-a', 'INA-240B-b']);
    if (posture(ctx) === 'final_order') v.atMost('not_available').because('vd.final_order', ['INA-240B-a']);
    else if (!inProceedings(ctx)) v.atMost('not_available').because('vd.no_proceedings', ['INA-240B-a']);
    if (convicted(s, 'aggravated_felony') === true)
      v.bar('aggravated_felony', 'bar.aggravated_felony_vd', ['INA-240B-a', 'INA-240B-b']);
    if (s.securityOrTerrorismBar === true)
      v.bar('security_or_terrorism', 'bar.security_or_terrorism', ['INA-240B-a']);
    if (s.goodMoralCharacter === false) v.because('vd.gmc_needed_at_conclusion', ['INA-240B-b']);
    tenYearBars(ctx, v);
    v.because('vd.consequences', ['INA-240B-d-1']);
    return v.build();
  },
};

export const DISCRETION_RULES = [
  prosecutorialDiscretion,
  humanitarianParole,
  administrativeClosure,
  voluntaryDeparture,
];
