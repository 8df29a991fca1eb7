#!/usr/bin/env node
// CLI entry: loads the TypeScript sources through tsx (no build step needed after npm install).
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli.ts');
process.exitCode = await runCli(process.argv.slice(2));
