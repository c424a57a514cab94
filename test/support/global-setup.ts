/**
 * Vitest global setup: one PostgreSQL server for the whole run (see postgres.ts), and a folder
 * where the first test worker that needs a PGlite database leaves a template data directory for
 * the others to copy (see databases.ts). Tests read both with `inject`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startPostgres } from './postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A database on the run's PostgreSQL server; suites create their own databases beside it. */
    postgresUrl: string;
    /** A folder shared by the run's workers for PGlite's template data directory. */
    pgliteTemplateRoot: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = performance.now();
  const server = await startPostgres();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(`Test database: ${server.description} (started in ${seconds} s)\n`);
  project.provide('postgresUrl', server.url);
  const templateRoot = mkdtempSync(join(tmpdir(), 'refugio-pglite-template-'));
  project.provide('pgliteTemplateRoot', templateRoot);
  return async () => {
    rmSync(templateRoot, { recursive: true, force: true });
    await server.stop();
  };
}
