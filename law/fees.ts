import type { CitationId } from './citations.ts';

/**
 * Filing fees as dated data (RULES.md E). `validTo` is the last day an amount applied; an amount
 * with `verified: false` is shown with "check the current fee before filing".
 */
export interface Fee {
  readonly id: string;
  readonly amount: number;
  readonly validFrom: string;
  readonly validTo?: string;
  readonly waivable: boolean;
  readonly verified: boolean;
  readonly authority: readonly CitationId[];
  /** What the date range is measured by (e.g. the postmark), when it is not simply the filing date. */
  readonly dateBasis?: 'postmark' | 'filing' | 'grant';
}

export const FEES: readonly Fee[] = [
  {
    id: 'I-589',
    amount: 0,
    validFrom: '1997-04-01',
    validTo: '2025-07-21',
    waivable: false,
    verified: true,
    authority: ['USCIS-FEE-RULE-2024'],
  },
  {
    id: 'I-589',
    amount: 100,
    validFrom: '2025-07-22',
    waivable: false,
    verified: true,
    authority: ['OBBBA-100002', 'FR-90-34511'],
    dateBasis: 'postmark',
  },
  {
    id: 'annual_asylum_fee',
    amount: 100,
    validFrom: '2025-07-22',
    validTo: '2025-12-31',
    waivable: false,
    verified: true,
    authority: ['OBBBA-100009', 'FR-90-34511'],
    dateBasis: 'postmark',
  },
  {
    id: 'annual_asylum_fee',
    amount: 102,
    validFrom: '2026-01-01',
    waivable: false,
    verified: true,
    authority: ['OBBBA-100009', 'FR-90-52693'],
    dateBasis: 'postmark',
  },
  {
    id: 'I-765_c8_initial',
    amount: 0,
    validFrom: '2024-04-01',
    validTo: '2025-07-21',
    waivable: false,
    verified: true,
    authority: ['USCIS-FEE-RULE-2024'],
  },
  {
    id: 'I-765_c8_initial',
    amount: 550,
    validFrom: '2025-07-22',
    validTo: '2025-12-31',
    waivable: false,
    verified: true,
    authority: ['OBBBA-100003', 'FR-90-34511'],
  },
  {
    id: 'I-765_c8_initial',
    amount: 560,
    validFrom: '2026-01-01',
    waivable: false,
    verified: true,
    authority: ['OBBBA-100003', 'FR-90-52693'],
  },
  {
    id: 'I-765_c8_renewal',
    amount: 275,
    validFrom: '2025-07-22',
    waivable: false,
    verified: false,
    authority: ['OBBBA-100003', 'FR-90-34511'],
  },
  {
    id: 'I-360_sij',
    amount: 250,
    validFrom: '2025-07-22',
    waivable: false,
    verified: true,
    authority: ['OBBBA-100002'],
  },
  {
    id: 'EOIR-26',
    amount: 110,
    validFrom: '1986-01-01',
    validTo: '2025-07-08',
    waivable: true,
    verified: true,
    authority: ['8-CFR-1103.7'],
  },
  {
    id: 'EOIR-26',
    amount: 900,
    validFrom: '2025-07-09',
    waivable: true,
    verified: false,
    authority: ['OBBBA-100013', 'EOIR-PM-25-35'],
  },
  {
    id: 'EOIR-29',
    amount: 900,
    validFrom: '2025-07-09',
    waivable: true,
    verified: false,
    authority: ['OBBBA-100013', 'EOIR-PM-25-35'],
  },
  {
    id: 'motion_to_reopen_or_reconsider',
    amount: 110,
    validFrom: '1986-01-01',
    validTo: '2025-07-08',
    waivable: true,
    verified: true,
    authority: ['8-CFR-1103.7'],
  },
  {
    id: 'motion_to_reopen_or_reconsider',
    amount: 900,
    validFrom: '2025-07-09',
    waivable: true,
    verified: false,
    authority: ['OBBBA-100013', 'EOIR-PM-25-35'],
  },
  {
    id: 'EOIR-42B',
    amount: 100,
    validFrom: '1997-04-01',
    validTo: '2025-07-08',
    waivable: true,
    verified: true,
    authority: ['8-CFR-1103.7'],
  },
  {
    id: 'EOIR-42B',
    amount: 1500,
    validFrom: '2025-07-09',
    waivable: false,
    verified: false,
    authority: ['OBBBA-100013', 'EOIR-PM-25-35'],
  },
  {
    id: 'EOIR-42A',
    amount: 100,
    validFrom: '1997-04-01',
    validTo: '2025-07-08',
    waivable: true,
    verified: true,
    authority: ['8-CFR-1103.7'],
  },
  {
    id: 'EOIR-42A',
    amount: 600,
    validFrom: '2025-07-09',
    waivable: false,
    verified: false,
    authority: ['OBBBA-100013', 'EOIR-PM-25-35'],
  },
  {
    id: 'I-485_in_court',
    amount: 1500,
    validFrom: '2025-07-09',
    waivable: false,
    verified: false,
    authority: ['OBBBA-100013', 'EOIR-PM-25-35'],
  },
  {
    id: 'humanitarian_parole_on_grant',
    amount: 1000,
    validFrom: '2025-07-22',
    waivable: false,
    verified: false,
    authority: ['OBBBA-100005'],
    dateBasis: 'grant',
  },
  {
    id: 'I-730',
    amount: 0,
    validFrom: '1997-04-01',
    waivable: false,
    verified: true,
    authority: ['8-CFR-106.2'],
  },
  {
    id: 'I-918',
    amount: 0,
    validFrom: '2000-10-28',
    waivable: false,
    verified: true,
    authority: ['8-CFR-106.2'],
  },
  {
    id: 'I-914',
    amount: 0,
    validFrom: '2000-10-28',
    waivable: false,
    verified: true,
    authority: ['8-CFR-106.2'],
  },
  {
    id: 'I-246',
    amount: 155,
    validFrom: '2010-11-23',
    waivable: false,
    verified: false,
    authority: ['8-CFR-106.2', '8-CFR-241.6'],
  },
];
