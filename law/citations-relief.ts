import type { Citation } from './citations.ts';

export const RELIEF_CITATIONS = {} as const satisfies Record<string, Citation>;
