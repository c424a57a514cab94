/**
 * Legal dates must not depend on the machine's time zone: the same cases give byte-identical
 * output in UTC, in Los Angeles (UTC-8/-7) and in Kiritimati (UTC+14).
 */

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGoldenCases } from '../golden/golden-cases.ts';
import { runCli } from './run-cli.ts';

const inputs = loadGoldenCases(join(import.meta.dirname, '../golden/deadlines'))
  .flatMap((f) => f.cases)
  .map((c) => JSON.stringify(c.input));

describe('time zones', () => {
  it('gives identical deadlines under UTC, America/Los_Angeles and Pacific/Kiritimati', () => {
    expect(inputs.length).toBeGreaterThan(10);
    const ndjson = `${inputs.join('\n')}\n`;
    const outputs = ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati'].map((TZ) => {
      const r = runCli(['deadlines', '-', '--format', 'json'], { input: ndjson, env: { TZ } });
      expect(r.code).toBe(0);
      return r.stdout;
    });
    expect(outputs[0]!.split('\n').filter(Boolean)).toHaveLength(inputs.length);
    expect(outputs[1]).toBe(outputs[0]);
    expect(outputs[2]).toBe(outputs[0]);
    const holidays = ['UTC', 'Pacific/Kiritimati'].map(
      (TZ) => runCli(['holidays', '2028', '--format', 'json'], { env: { TZ } }).stdout,
    );
    expect(holidays[1]).toBe(holidays[0]);
  });
});
