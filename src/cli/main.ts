#!/usr/bin/env node
// The `azure-ad-doctor` executable: wiring only; everything else lives in run-cli.ts and commands/.
import { processIo } from './io.js';
import { runCli } from './run-cli.js';

process.exitCode = await runCli(process.argv.slice(2), processIo());
