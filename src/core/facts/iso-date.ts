import * as z from 'zod/mini';

/** Dates the core accepts: real calendar days from 1900 to 2100, written YYYY-MM-DD. */
export const isoDate = z.iso
  .date()
  .check(z.refine((s) => s >= '1900-01-01' && s <= '2100-12-31', { error: 'date_out_of_range' }));
