/** Loads golden cases: data files that read like worked examples, each citing its source. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface GoldenDeadline {
  readonly id: string;
  readonly due?: string;
  readonly kind?: string;
  readonly status?: string;
}

export interface GoldenCase {
  readonly id: string;
  readonly title?: string;
  readonly topic?: string;
  readonly source: string;
  readonly input: unknown;
  readonly expect: {
    readonly posture?: string;
    readonly deadlines?: readonly GoldenDeadline[];
    readonly absent?: readonly string[];
    readonly note?: string;
  };
  readonly note?: string;
}

export function loadGoldenCases(dir: string): { file: string; cases: GoldenCase[] }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const data = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
        cases?: GoldenCase[];
        examples?: GoldenCase[];
      };
      return { file, cases: data.cases ?? data.examples ?? [] };
    });
}
