/**
 * Protection from persecution and torture (RULES.md C.1-C.3, C.14): asylum (INA 208),
 * withholding of removal (INA 241(b)(3)), CAT withholding (8 CFR 1208.16(c)) and CAT deferral
 * (8 CFR 1208.17).
 */
import type { CitationId } from '../../../../law/citations.ts';
import { formatDate } from '../../time/plain-date.ts';
import {
  afterDenial,
  ageOn,
  aggravatedFelonySentenceAtLeastFive,
  convicted,
  deadline,
  fromEvents,
  grounds,
  outOfStatus,
  posture,
} from '../facts-view.ts';
import { type ReliefRule, type ScreeningContext, VerdictBuilder } from '../verdict.ts';

/** The persecution elements shared by asylum and withholding; lowers `v` as the facts require. */
function persecutionClaim(ctx: ScreeningContext, v: VerdictBuilder, cite: readonly CitationId[]): void {
  const { s } = ctx;
  if (s.fearOfReturn === false) {
    v.atMost('not_available').because('protection.no_fear', cite);
    return;
  }
  if (s.fearOfReturn === undefined) v.atMost('needs_more_facts').because('protection.fear_unknown', cite);
  const g = grounds(s);
  if (g !== undefined && g.length === 0)
    v.atMost('not_available').because('protection.no_protected_ground', ['INA-101-a-42', 'INA-208-b-1-B']);
  else if (g === undefined) v.atMost('possible').because('protection.ground_unknown', ['INA-101-a-42']);
  else v.because('protection.ground', ['INA-101-a-42', 'INA-208-b-1-B'], { grounds: g.join(', ') });
  if (s.harmSeverity === 'harassment_discrimination_only') {
    v.atMost('not_available').because('protection.harassment_not_persecution', [
      'INA-101-a-42',
      '8-CFR-1208.13-b',
    ]);
  } else if (s.harmSeverity === undefined)
    v.atMost('possible').because('protection.severity_unknown', ['INA-101-a-42']);
  if (s.harmBy === 'private_actors_state_protects') {
    v.atMost('not_available').because('protection.state_protects', ['8-CFR-1208.13-b']);
  } else if (s.harmBy === undefined)
    v.atMost('possible').because('protection.actor_unknown', ['8-CFR-1208.13-b']);
}

/** Bars shared by asylum and both withholdings (INA 208(b)(2)(A), 241(b)(3)(B)). */
function commonBars(ctx: ScreeningContext, v: VerdictBuilder, cite: readonly CitationId[]): void {
  const { s } = ctx;
  if (s.persecutorOfOthers === true) v.bar('persecutor_of_others', 'bar.persecutor_of_others', cite);
  if (convicted(s, 'particularly_serious_crime') === true)
    v.bar('particularly_serious_crime', 'bar.particularly_serious_crime', cite);
  if (convicted(s, 'serious_nonpolitical_crime') === true)
    v.bar('serious_nonpolitical_crime', 'bar.serious_nonpolitical_crime', cite);
  if (s.securityOrTerrorismBar === true) v.bar('security_or_terrorism', 'bar.security_or_terrorism', cite);
}

/** After a final order, a new claim needs a motion to reopen (INA 240(c)(7)). */
function finalOrderGate(ctx: ScreeningContext, v: VerdictBuilder): void {
  if (posture(ctx) !== 'final_order') {
    if (afterDenial(ctx))
      v.atMost('possible').because('protection.denied_under_review', ['8-CFR-1003.38-b', 'INA-242-b-1']);
    return;
  }
  if (ctx.s.newCountryConditionsEvidence === true) {
    v.atMost('possible').because('protection.reopen_changed_country_conditions', ['INA-240-c-7-C-ii']);
    return;
  }
  const reopen = deadline(ctx, 'motion_to_reopen') ?? deadline(ctx, 'motion_to_reopen_in_absentia');
  if (reopen && reopen.status === 'upcoming') {
    v.atMost('possible').because('protection.reopen_window_open', ['INA-240-c-7'], {
      due: formatDate(reopen.due),
    });
  } else if (ctx.s.newCountryConditionsEvidence === false) {
    v.atMost('not_available').because('protection.final_order', ['8-CFR-1241.1', 'INA-240-c-7']);
  } else {
    v.atMost('needs_more_facts').because('protection.final_order_new_evidence_unknown', ['INA-240-c-7-C-ii']);
  }
}

function unaccompaniedChild(ctx: ScreeningContext): boolean | undefined {
  if (ctx.s.unaccompaniedChild !== undefined) return ctx.s.unaccompaniedChild;
  return unaccompaniedFromEvents(ctx);
}

/** What the arrival event or the birth date already say about arriving as an unaccompanied child. */
function unaccompaniedFromEvents(ctx: ScreeningContext): boolean | undefined {
  const arrival = ctx.report.timeline.last('arrival');
  if (arrival?.event.unaccompanied !== undefined) return arrival.event.unaccompanied;
  if (arrival && ctx.birthDate !== undefined && ageOn(ctx.birthDate, arrival.on) >= 18) return false;
  return undefined;
}

/** INA 208(a)(2)(B) and its exceptions, read from the computed one_year_filing deadline. */
function oneYear(ctx: ScreeningContext, v: VerdictBuilder): void {
  const d = deadline(ctx, 'one_year_filing');
  const cite: CitationId[] = ['INA-208-a-2-B', '8-CFR-208.4-a-2'];
  if (!d) {
    if (posture(ctx) !== 'granted') v.need('events.arrival').because('asylum.one_year_unknown', cite);
    return;
  }
  if (d.status === 'met') return;
  if (d.status === 'upcoming') {
    v.because('asylum.file_before_one_year', cite, { due: formatDate(d.due) });
    return;
  }
  const child = unaccompaniedChild(ctx);
  if (child === true) {
    v.because('asylum.unaccompanied_child_exempt', ['INA-208-a-2-E']);
    return;
  }
  const ex = ctx.s.oneYearExceptions;
  if (ex?.changedCircumstances === true || ex?.extraordinaryCircumstances === true) {
    v.atMost('possible').because('asylum.one_year_exception_claimed', [
      'INA-208-a-2-D',
      '8-CFR-208.4-a-4-5',
      'CASE-Matter-of-T-M-H',
    ]);
    return;
  }
  // INTERPRETATION: the exceptions are asked, never presumed absent (ARCHITECTURE principle 6);
  // an unknown "unaccompanied child" answer is read as an adult's, since most applicants are,
  // and the question is still asked when it could change the result.
  if (ex?.changedCircumstances === undefined || ex?.extraordinaryCircumstances === undefined) {
    v.atMost('needs_more_facts').because('asylum.one_year_missed_exceptions_unknown', cite, {
      due: formatDate(d.due),
    });
    return;
  }
  v.bar('one_year_deadline', 'bar.one_year_deadline', [...cite, 'INA-208-a-2-D']);
}

const ASYLUM: readonly CitationId[] = ['INA-208-b-2-A'];

/** An immigration judge denied asylum, the denial stood, and a new application followed. */
function refiledAfterStandingDenial(ctx: ScreeningContext): boolean {
  const { timeline } = ctx.report;
  const denial = timeline.all('ij_decision').find((d) => d.event.outcome === 'denied');
  if (!denial) return false;
  const reversed =
    timeline.anyAfter(denial, 'asylum_granted') ||
    timeline.since('bia_decision', denial).some((b) => b.event.outcome !== 'dismissed');
  return !reversed && timeline.since('asylum_filed', denial).length > 0;
}

/**
 * INA 208(a)(2)(C): a new asylum application after an immigration judge's denial that stood is
 * barred, unless changed circumstances materially affect eligibility (INA 208(a)(2)(D)).
 */
function priorDenial(ctx: ScreeningContext, v: VerdictBuilder): void {
  if (!fromEvents(ctx, refiledAfterStandingDenial)) return;
  const cite: CitationId[] = ['INA-208-a-2-C', 'INA-208-a-2-D'];
  const changed = ctx.s.oneYearExceptions?.changedCircumstances;
  if (changed === true) v.atMost('possible').because('asylum.prior_denial_changed_circumstances', cite);
  else if (changed === undefined)
    v.atMost('needs_more_facts').because('asylum.prior_denial_changed_unknown', cite);
  else v.bar('prior_asylum_denial', 'bar.prior_asylum_denial', cite);
}

export const asylum: ReliefRule = {
  id: 'asylum',
  consults: [
    'fearOfReturn',
    'protectedGround',
    'harmSeverity',
    'harmBy',
    'oneYearExceptions',
    'unaccompaniedChild',
    'criminalHistory',
    'persecutorOfOthers',
    'securityOrTerrorismBar',
    'firmResettlement',
    'safeThirdCountry',
    'newCountryConditionsEvidence',
  ],
  settledElsewhere: (ctx) => (unaccompaniedFromEvents(ctx) === undefined ? [] : ['unaccompaniedChild']),
  evaluate(ctx) {
    const { s } = ctx;
    const v = new VerdictBuilder('likely', ctx).because('asylum.standard', [
      'INA-208-b-1-B',
      '8-CFR-1208.13-b',
      'CASE-INS-v-Cardoza-Fonseca',
    ]);
    if (posture(ctx) === 'granted') return v.because('asylum.granted', ['INA-208-b-1-B']).build();
    persecutionClaim(ctx, v, ['INA-101-a-42', 'INA-208-b-1-B']);
    oneYear(ctx, v);
    priorDenial(ctx, v);
    if (convicted(s, 'aggravated_felony') === true)
      v.bar('aggravated_felony', 'bar.aggravated_felony_asylum', ['INA-208-b-2-B-i']);
    commonBars(ctx, v, ASYLUM);
    if (s.firmResettlement === true) v.bar('firm_resettlement', 'bar.firm_resettlement', ASYLUM);
    if (s.safeThirdCountry === true) v.bar('safe_third_country', 'bar.safe_third_country', ['INA-208-a-2-A']);
    finalOrderGate(ctx, v);
    const affirmative =
      posture(ctx) === 'affirmative_pending' ||
      (posture(ctx) === 'not_filed' && s.planningAffirmativeFiling === true);
    if (affirmative && outOfStatus(s) === true)
      v.because('asylum.referral_if_not_granted', ['8-CFR-208.14-c-1']);
    return v.build();
  },
};

export const withholdingOfRemoval: ReliefRule = {
  id: 'withholding_of_removal',
  consults: [
    'fearOfReturn',
    'protectedGround',
    'harmSeverity',
    'harmBy',
    'criminalHistory',
    'persecutorOfOthers',
    'securityOrTerrorismBar',
    'newCountryConditionsEvidence',
  ],
  evaluate(ctx) {
    const v = new VerdictBuilder('possible', ctx).because('withholding.standard', [
      'INA-241-b-3-A',
      '8-CFR-1208.16-b',
      'CASE-INS-v-Stevic',
    ]);
    if (posture(ctx) === 'granted') return v.because('withholding.not_needed_granted', []).build();
    persecutionClaim(ctx, v, ['INA-241-b-3-A']);
    withholdingBars(ctx, v, ['INA-241-b-3-B']);
    finalOrderGate(ctx, v);
    v.because('withholding.no_deadline_ij_only', ['8-CFR-208.4-a-2']);
    return v.build();
  },
};

/** Withholding's bars, shared by CAT withholding (8 CFR 1208.16(d)(2)). */
function withholdingBars(ctx: ScreeningContext, v: VerdictBuilder, cite: readonly CitationId[]): void {
  commonBars(ctx, v, cite);
  const five = aggravatedFelonySentenceAtLeastFive(ctx.s);
  if (five === true) v.bar('particularly_serious_crime', 'bar.aggravated_felony_five_years', cite);
  else if (convicted(ctx.s, 'aggravated_felony') === true) {
    v.atMost('possible').because(
      five === undefined
        ? 'withholding.aggravated_felony_sentence_unknown'
        : 'withholding.aggravated_felony_case_by_case',
      cite,
    );
    if (five === undefined) v.need('criminalHistory.sentenceYears');
  }
}

/** CAT merits: torture more likely than not, by or with the acquiescence of a public official. */
function catMerits(ctx: ScreeningContext, v: VerdictBuilder): void {
  const { s } = ctx;
  const cite: CitationId[] = ['8-CFR-1208.16-c', '8-CFR-1208.18-a'];
  switch (s.tortureRisk) {
    case 'none':
      v.atMost('not_available').because('cat.no_torture_risk', cite);
      return;
    case 'possible':
      v.atMost('possible').because('cat.torture_possible', cite);
      break;
    case undefined:
      v.atMost('needs_more_facts').because('cat.torture_unknown', cite);
      break;
    case 'more_likely_than_not':
      v.because('cat.torture_more_likely_than_not', cite);
      break;
  }
  if (s.harmBy === 'state') v.because('cat.by_public_official', ['8-CFR-1208.18-a']);
  else if (s.stateAcquiescence === true) v.because('cat.acquiescence', ['8-CFR-1208.18-a']);
  else if (s.stateAcquiescence === false && s.harmBy !== undefined)
    v.atMost('not_available').because('cat.no_state_involvement', ['8-CFR-1208.18-a']);
  else v.atMost('possible').because('cat.state_involvement_unknown', ['8-CFR-1208.18-a']);
}

export const catWithholding: ReliefRule = {
  id: 'cat_withholding',
  consults: [
    'tortureRisk',
    'harmBy',
    'stateAcquiescence',
    'criminalHistory',
    'persecutorOfOthers',
    'securityOrTerrorismBar',
    'newCountryConditionsEvidence',
  ],
  evaluate(ctx) {
    const v = new VerdictBuilder('likely', ctx).because('cat.standard', ['8-CFR-1208.16-c']);
    if (posture(ctx) === 'granted') return v.atMost('possible').because('cat.not_needed_granted', []).build();
    catMerits(ctx, v);
    withholdingBars(ctx, v, ['8-CFR-1208.16-d-2']);
    finalOrderGate(ctx, v);
    return v.build();
  },
};

export const catDeferral: ReliefRule = {
  id: 'cat_deferral',
  consults: ['tortureRisk', 'harmBy', 'stateAcquiescence', 'newCountryConditionsEvidence'],
  evaluate(ctx) {
    const v = new VerdictBuilder('likely', ctx).because('cat_deferral.for_the_barred', ['8-CFR-1208.17']);
    if (posture(ctx) === 'granted') return v.atMost('possible').because('cat.not_needed_granted', []).build();
    catMerits(ctx, v);
    finalOrderGate(ctx, v);
    v.because('cat_deferral.weaker', ['8-CFR-1208.17']);
    return v.build();
  },
};

export const PROTECTION_RULES = [asylum, withholdingOfRemoval, catWithholding, catDeferral];
