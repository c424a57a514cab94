/**
 * Change of address (RULES.md B.8): EOIR-33/IC to the immigration court within 5 days
 * (8 CFR 1003.15(d)(2)); EOIR-33/BIA within 5 working days while the BIA has the case
 * (8 CFR 1003.38(e)); AR-11 to USCIS within 10 days for every non-citizen (INA 265(a)).
 */
import { isBeforeBia, isBeforeImmigrationCourt, postureBefore } from '../../posture/posture.ts';
import { parseDate } from '../../time/plain-date.ts';
import type { RuleContext } from '../context.ts';
import { applyPeriod, build, type Deadline } from '../deadline.ts';
import { versionInForce } from '../rule-versions.ts';

export function addressChange(ctx: RuleContext): Deadline[] {
  const move = ctx.timeline.last('address_change');
  if (!move) return [];
  const before = postureBefore(ctx.timeline, move);
  const eoir33 = move.event.eoir33Filed !== undefined ? parseDate(move.event.eoir33Filed) : undefined;
  const ar11 = move.event.ar11Filed !== undefined ? parseDate(move.event.ar11Filed) : undefined;
  const out: Deadline[] = [];
  const add = (
    id: 'address_change_court' | 'address_change_bia' | 'address_change_uscis',
    doneOn: typeof eoir33,
  ) => {
    const version = versionInForce(id, move.on);
    out.push(
      build(version, move, applyPeriod(version, move.on), ctx.asOf, {
        ...(doneOn !== undefined ? { doneOn } : {}),
        notes:
          id === 'address_change_uscis'
            ? [{ code: 'address.ar11_every_case', params: {} }]
            : [{ code: 'address.in_absentia_risk', params: {} }],
      }),
    );
  };
  if (isBeforeImmigrationCourt(before)) add('address_change_court', eoir33);
  if (isBeforeBia(before)) add('address_change_bia', eoir33);
  add('address_change_uscis', ar11);
  if (out.length > 1) ctx.warnings.push({ code: 'address.file_both', params: {} });
  return out;
}
