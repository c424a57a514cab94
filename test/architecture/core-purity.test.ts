/**
 * The law core imports nothing from the rest of the project and does no I/O: no clock, no
 * environment, no randomness (ARCHITECTURE.md). This test reads the source as text.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const pureDirs = [join(root, 'src/core'), join(root, 'law')];
const allowedPackages = new Set(['zod/mini']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

describe('law core purity', () => {
  const files = pureDirs.flatMap(sourceFiles);

  it('finds the core', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files.map((f) => [relative(root, f), f]))(
    '%s imports only the core, law/ and zod/mini',
    (_name, file) => {
      const text = readFileSync(file, 'utf8');
      const specifiers = [...text.matchAll(/(?:import|export)[^'";]*?from\s+['"]([^'"]+)['"]/g)].map(
        (m) => m[1]!,
      );
      for (const spec of specifiers) {
        if (spec.startsWith('.')) {
          const target = resolve(dirname(file), spec);
          expect(
            pureDirs.some((d) => target.startsWith(d)),
            `${spec} leaves the core`,
          ).toBe(true);
        } else {
          expect(allowedPackages.has(spec), `${spec} is not allowed in the core`).toBe(true);
        }
      }
      expect(text).not.toMatch(/new Date\(|Date\.now\(|process\.|Math\.random\(|globalThis\.|require\(/);
    },
  );
});
