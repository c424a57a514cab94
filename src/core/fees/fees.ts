/** The fees in force on a date, from the dated fee data in law/fees.ts. */
import { FEES, type Fee } from '../../../law/fees.ts';
import { formatDate, type PlainDate } from '../time/plain-date.ts';

export function feesInForce(on: PlainDate): Fee[] {
  const iso = formatDate(on);
  return FEES.filter((f) => f.validFrom <= iso && (f.validTo === undefined || iso <= f.validTo));
}
