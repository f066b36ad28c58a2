import { describe } from 'vitest';
import { postgresBackend, sqliteBackend } from './backends.js';
import { useBackend } from './contract/context.js';
import { diagnosisContract, eventContract } from './contract/events-and-diagnoses.js';
import { migrationContract, purgeContract } from './contract/lifecycle.js';
import { languageContract, runContract } from './contract/runs-and-preferences.js';
import { leaseContract, watchContract } from './contract/watches-and-leases.js';

/** The same contract, against SQLite and against a real PostgreSQL server started for this file. */
describe.each([sqliteBackend(), postgresBackend()])('$name store', (backend) => {
  if (backend.skipReason !== undefined) console.warn(`Skipping the ${backend.name} store suite: ${backend.skipReason}`);
  describe.skipIf(backend.skipReason !== undefined)('contract', () => {
    const ctx = useBackend(backend);
    describe('events', () => eventContract(ctx));
    describe('diagnoses', () => diagnosisContract(ctx));
    describe('runs', () => runContract(ctx));
    describe('languages', () => languageContract(ctx));
    describe('watches', () => watchContract(ctx));
    describe('leases', () => leaseContract(ctx));
    describe('retention', () => purgeContract(ctx));
    describe('migrations', () => migrationContract(ctx));
  });
});
