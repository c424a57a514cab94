#!/usr/bin/env node
// Runs the TypeScript CLI directly: tsx compiles on the fly, so `npx refugio` needs no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
});
