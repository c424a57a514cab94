/** The evidence checklist for every relief worth pursuing (likely or possible), from law/evidence.ts. */
import { EVIDENCE } from '../../../law/evidence.ts';
import type { ReliefId } from '../../../law/relief-types.ts';
import type { ReliefResult } from './screen.ts';

export interface EvidenceNeed {
  readonly relief: ReliefId;
  readonly element: string;
  readonly item: string;
}

export function evidenceFor(relief: readonly ReliefResult[]): EvidenceNeed[] {
  const worth = relief.filter((r) => r.status === 'likely' || r.status === 'possible').map((r) => r.id);
  const out: EvidenceNeed[] = [];
  for (const id of worth) {
    for (const item of EVIDENCE)
      if (item.relief.includes(id)) out.push({ relief: id, element: item.element, item: item.id });
  }
  return out;
}
