/** Picks the version of a deadline rule in force on a date (RULES.md: law is dated data). */
import { DEADLINES, type DeadlineId, type DeadlineVersion } from '../../../law/deadlines.ts';
import { formatDate, type PlainDate } from '../time/plain-date.ts';

/** Each deadline's versions in the order law/deadlines.ts lists them, grouped once at load. */
const VERSIONS_BY_ID = new Map<DeadlineId, DeadlineVersion[]>();
for (const d of DEADLINES) {
  const versions = VERSIONS_BY_ID.get(d.id);
  if (versions) versions.push(d);
  else VERSIONS_BY_ID.set(d.id, [d]);
}

export function versionsOf(id: DeadlineId, trigger?: string): DeadlineVersion[] {
  return (VERSIONS_BY_ID.get(id) ?? []).filter((d) => trigger === undefined || d.trigger === trigger);
}

/**
 * The version in force on `on`. Before the first version's start (e.g. an arrival before the
 * one-year rule took effect) the earliest version applies: the caller decides what the trigger
 * means then. Throws only when the data are wrong, which a corpus test rules out.
 */
export function versionInForce(id: DeadlineId, on: PlainDate, trigger?: string): DeadlineVersion {
  const iso = formatDate(on);
  const candidates = versionsOf(id, trigger);
  const found = candidates.find(
    (v) => v.inForce.from <= iso && (v.inForce.to === undefined || iso <= v.inForce.to),
  );
  if (found) return found;
  const earliest = [...candidates].sort((a, b) => a.inForce.from.localeCompare(b.inForce.from))[0];
  if (earliest && iso < earliest.inForce.from) return earliest;
  throw new Error(`no version of deadline ${id}${trigger ? ` (${trigger})` : ''} is in force on ${iso}`);
}
