/** The screening engine's list of facts is the schema's, in the same order (screening-facts.ts). */
import { expect, it } from 'vitest';
import { screening } from '../../src/core/facts/screening.ts';
import { SCREENING_FACTS } from '../../src/core/facts/screening-facts.ts';

it('lists every screening fact the schema has, and no other', () => {
  expect([...SCREENING_FACTS]).toEqual(Object.keys(screening.shape));
});
