#!/usr/bin/env node
// Runs Biome from its platform package. The npm registry reachable here serves only Biome's
// linux-x64 build, and a lock file naming the wrapper package's other platform builds makes
// `npm ci` fail, so the project depends on the platform package directly.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const pkg = `@biomejs/cli-${process.platform}-${process.arch}`;
let binary;
try {
  binary = require.resolve(`${pkg}/biome${process.platform === 'win32' ? '.exe' : ''}`);
} catch {
  console.error(`Biome for this platform (${pkg}) is not installed; run: npm install --no-save ${pkg}@2.6.8`);
  process.exit(2);
}
const result = spawnSync(binary, process.argv.slice(2), { stdio: 'inherit' });
process.exit(result.status ?? 1);
