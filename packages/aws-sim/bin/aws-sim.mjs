#!/usr/bin/env node
// The package ships its TypeScript source, not a build: this bin runs src/cli.ts through tsx's loader in this same
// process, so the SIM_PID the CLI prints is the serving process and SIGTERM/SIGINT reach it directly.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const cli = new URL('../src/cli.ts', import.meta.url);
register();
// cli.ts starts only when it is the entry script (process.argv[1]); it is, in all but name.
process.argv[1] = fileURLToPath(cli);
await import(cli.href);
