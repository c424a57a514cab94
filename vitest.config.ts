import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'law/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    // One PostgreSQL server for the run, for the store's tests (test/support/postgres.ts).
    globalSetup: ['test/support/global-setup.ts'],
    // The JSON report lets .ci/run print the plain "N passed, N failed" line CI reads.
    reporters: ['default', 'json'],
    outputFile: { json: 'test/artifacts/vitest-report.json' },
  },
});
