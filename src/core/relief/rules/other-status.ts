/**
 * Other paths to stay (RULES.md C.4-C.9): U and T visas, Special Immigrant Juvenile Status,
 * family-based residence, employment-based status (screened only to refer), and non-LPR
 * cancellation of removal.
 */
import { formatDate, parseDate } from '../../time/plain-date.ts';
import { ageOn, convicted, fromEvents, hasRemovalCase } from '../facts-view.ts';
import { tenYearBars } from '../ten-year-bars.ts';
import { type ReliefRule, type ScreeningContext, VerdictBuilder } from '../verdict.ts';

export const uVisa: ReliefRule = {
  id: 'u_visa',
  consults: ['crimeVictimHelpfulToLawEnforcement'],
  evaluate(ctx) {
    const { s } = ctx;
    const cite = ['INA-101-a-15-U', '8-CFR-214.14'] as const;
    const v = new VerdictBuilder('possible', ctx);
    if (s.crimeVictimHelpfulToLawEnforcement === false)
      return v.atMost('not_available').because('u_visa.not_victim_or_helpful', cite).build();
    if (s.crimeVictimHelpfulToLawEnforcement === undefined)
      return v.atMost('needs_more_facts').because('u_visa.unknown', cite).build();
    return v.because('u_visa.victim_helpful', cite).because('u_visa.certification_and_wait', cite).build();
  },
};

export const tVisa: ReliefRule = {
  id: 't_visa',
  consults: ['traffickingVictim'],
  evaluate(ctx) {
    const { s } = ctx;
    const cite = ['INA-101-a-15-T', '8-CFR-214.201'] as const;
    const v = new VerdictBuilder('possible', ctx);
    if (s.traffickingVictim === false)
      return v.atMost('not_available').because('t_visa.not_victim', cite).build();
    if (s.traffickingVictim === undefined)
      return v.atMost('needs_more_facts').because('t_visa.unknown', cite).build();
    return v.because('t_visa.victim', cite).build();
  },
};

export const sijs: ReliefRule = {
  id: 'sijs',
  consults: ['unmarried', 'parentalAbuseNeglectAbandonment', 'stateCourtOrder'],
  evaluate(ctx) {
    const { s } = ctx;
    const cite = ['INA-101-a-27-J', '8-CFR-204.11'] as const;
    const v = new VerdictBuilder('likely', ctx);
    if (ctx.birthDate === undefined)
      v.atMost('needs_more_facts').need('person.birthDate').because('sijs.age_unknown', cite);
    else if (ageOn(ctx.birthDate, ctx.asOf) >= 21) v.bar('age_21_sijs', 'bar.age_21_sijs', cite);
    else v.because('sijs.under_21', cite, { age: ageOn(ctx.birthDate, ctx.asOf) });
    if (s.unmarried === false) v.bar('married_sijs', 'bar.married_sijs', ['8-CFR-204.11']);
    else if (s.unmarried === undefined)
      v.atMost('possible').because('sijs.marital_status_unknown', ['8-CFR-204.11']);
    if (s.parentalAbuseNeglectAbandonment === false)
      v.atMost('not_available').because('sijs.no_parental_mistreatment', cite);
    else if (s.parentalAbuseNeglectAbandonment === undefined)
      v.atMost('needs_more_facts').because('sijs.mistreatment_unknown', cite);
    if (s.stateCourtOrder !== true) v.atMost('possible').because('sijs.needs_state_court_order', cite);
    else v.because('sijs.has_state_court_order', cite);
    return v.build();
  },
};

export const familyBased: ReliefRule = {
  id: 'family_based',
  consults: [
    'usCitizenSpouse',
    'usCitizenChild',
    'lprSpouse',
    'lprParent',
    'reentryAfterUnlawfulPresence',
    'priorRemoval',
    'section245iGrandfathered',
  ],
  evaluate(ctx) {
    const { s } = ctx;
    const v = new VerdictBuilder('likely', ctx);
    const relatives = [s.usCitizenSpouse, s.usCitizenChild, s.lprSpouse, s.lprParent];
    if (relatives.every((r) => r === false))
      v.atMost('not_available').because('family.no_qualifying_relative', ['INA-201-b-2-A-i', 'INA-203-a']);
    else if (!relatives.some((r) => r === true))
      v.atMost('needs_more_facts').because('family.relatives_unknown', ['INA-201-b-2-A-i']);
    else {
      const immediate = s.usCitizenSpouse === true || s.usCitizenChild === true;
      v.because(
        immediate ? 'family.immediate_relative' : 'family.preference_wait',
        immediate ? ['INA-201-b-2-A-i'] : ['INA-203-a'],
      );
      const manner = ctx.report.timeline.last('arrival')?.event.manner;
      const inspected = manner === 'admitted' || manner === 'paroled' || s.section245iGrandfathered === true;
      // A US-citizen spouse who can adjust inside the US (INA 245(a), 245(c)(2), 245(i)) is the clear case.
      if (s.usCitizenSpouse === true && inspected)
        v.because('family.adjust_in_us', ['INA-245-a', 'INA-245-i']);
      else v.atMost('possible');
      if (manner === 'entry_without_inspection' && s.section245iGrandfathered !== true) {
        // Waivable (Form I-601A), so it keeps the path possible rather than closing it.
        v.barAt('unlawful_presence_3_10_year', 'possible', 'family.consular_processing_waiver', [
          'INA-212-a-9-B',
          '8-CFR-212.7-e',
        ]);
      }
      if (s.marriageDate !== undefined && hasRemovalCase(ctx))
        v.because('family.marriage_during_proceedings', ['INA-245-a']);
    }
    tenYearBars(ctx, v);
    if (s.reentryAfterUnlawfulPresence === true)
      v.bar('permanent_bar_reentry', 'bar.permanent_bar_reentry', ['INA-212-a-9-C']);
    else if (s.priorRemoval === true) v.atMost('possible').because('family.prior_removal', ['INA-212-a-9-C']);
    return v.build();
  },
};

export const employmentBased: ReliefRule = {
  id: 'employment_based',
  consults: ['otherRelief'],
  evaluate(ctx) {
    const { s } = ctx;
    const v = new VerdictBuilder('possible', ctx);
    if (s.otherRelief === undefined)
      return v.atMost('needs_more_facts').because('employment.unknown', ['INA-203-b']).build();
    if (!s.otherRelief.includes('employment_based'))
      return v.atMost('not_available').because('employment.none_mentioned', ['INA-203-b']).build();
    return v.because('employment.see_a_lawyer', ['INA-203-b']).build();
  },
};

/**
 * Continuous physical presence (INA 240A(b)(1)(A)): from the first arrival until the stop-time
 * event, the service of an NTA that states the hearing's time and place (INA 240A(d); Niz-Chavez),
 * or until the as-of date. Undefined when no arrival is known.
 */
function continuousPresence(ctx: ScreeningContext) {
  const first = ctx.report.timeline.first('arrival');
  if (!first) return undefined;
  const nta = ctx.report.timeline.first('nta_filed');
  let until = ctx.asOf;
  if (nta && nta.event.ntaHasTimeAndPlace === true)
    until = nta.event.ntaServedDate !== undefined ? parseDate(nta.event.ntaServedDate) : nta.on;
  return {
    since: first.on,
    until,
    years: ageOn(first.on, until),
    ntaTimeAndPlaceUnknown: nta !== undefined && nta.event.ntaHasTimeAndPlace === undefined,
  };
}

export const cancellationOfRemoval: ReliefRule = {
  id: 'cancellation_of_removal',
  consults: [
    'absencesOver90Days',
    'goodMoralCharacter',
    'criminalHistory',
    'usCitizenSpouse',
    'usCitizenChild',
    'usCitizenParent',
    'lprSpouse',
    'lprParent',
    'lprChild',
    'hardshipToQualifyingRelative',
  ],
  evaluate(ctx) {
    const { s } = ctx;
    const cite = ['INA-240A-b-1'] as const;
    const v = new VerdictBuilder('possible', ctx).because('cancellation.elements', cite);
    const presence = fromEvents(ctx, continuousPresence);
    if (!presence)
      v.atMost('needs_more_facts').need('events.arrival').because('cancellation.presence_unknown', cite);
    else {
      const { since, until, years } = presence;
      if (years < 10)
        v.atMost('not_available').because(
          'cancellation.under_ten_years',
          ['INA-240A-b-1', 'INA-240A-d', 'CASE-Niz-Chavez'],
          { since: formatDate(since), until: formatDate(until), years },
        );
      else v.because('cancellation.ten_years', ['INA-240A-b-1', 'INA-240A-d'], { years });
      if (presence.ntaTimeAndPlaceUnknown && years >= 10)
        v.because('cancellation.nta_time_place_unknown', ['CASE-Niz-Chavez']);
    }
    if (s.absencesOver90Days === true) {
      v.barAt('continuous_presence_broken', 'not_available', 'cancellation.absence_breaks_presence', [
        'INA-240A-d',
      ]);
    }
    tenYearBars(ctx, v);
    if (s.goodMoralCharacter === false)
      v.bar('no_good_moral_character', 'bar.no_good_moral_character', ['INA-240A-b-1', 'INA-101-f']);
    for (const category of [
      'aggravated_felony',
      'particularly_serious_crime',
      'serious_nonpolitical_crime',
    ] as const) {
      if (convicted(s, category) === true) {
        v.bar('criminal_conviction_cancellation', 'bar.criminal_conviction_cancellation', cite);
        break;
      }
    }
    const relatives = [
      s.usCitizenSpouse,
      s.usCitizenChild,
      s.usCitizenParent,
      s.lprSpouse,
      s.lprParent,
      s.lprChild,
    ];
    if (relatives.every((r) => r === false))
      v.atMost('not_available').because('cancellation.no_qualifying_relative', cite);
    else if (!relatives.some((r) => r === true))
      v.atMost('possible').because('cancellation.relative_unknown', cite);
    if (s.hardshipToQualifyingRelative === false)
      v.atMost('not_available').because('cancellation.no_hardship', cite);
    else if (s.hardshipToQualifyingRelative === undefined)
      v.atMost('possible').because('cancellation.hardship_unknown', cite);
    if (!hasRemovalCase(ctx)) v.because('cancellation.only_in_proceedings', cite);
    return v.build();
  },
};

export const OTHER_STATUS_RULES = [uVisa, tVisa, sijs, familyBased, employmentBased, cancellationOfRemoval];
