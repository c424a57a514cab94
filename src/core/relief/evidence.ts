/** The evidence checklist for every relief worth pursuing (likely or possible), from law/evidence.ts. */
import { EVIDENCE } from '../../../law/evidence.ts';
import type { ReliefId } from '../../../law/relief-types.ts';
import type { ReliefResult } from './screen.ts';

export interface EvidenceNeed {
  readonly relief: ReliefId;
  readonly element: string;
  readonly item: string;
}

/** Each relief's items in law/evidence.ts order, sorted out once at load rather than per case. */
const ITEMS_BY_RELIEF = new Map<ReliefId, (typeof EVIDENCE)[number][]>();
for (const item of EVIDENCE) {
  for (const id of item.relief) {
    const items = ITEMS_BY_RELIEF.get(id);
    if (items) {
      if (items.at(-1) !== item) items.push(item);
    } else ITEMS_BY_RELIEF.set(id, [item]);
  }
}

export function evidenceFor(relief: readonly ReliefResult[]): EvidenceNeed[] {
  const worth = relief.filter((r) => r.status === 'likely' || r.status === 'possible').map((r) => r.id);
  const out: EvidenceNeed[] = [];
  for (const id of worth) {
    for (const item of ITEMS_BY_RELIEF.get(id) ?? [])
      out.push({ relief: id, element: item.element, item: item.id });
  }
  return out;
}
