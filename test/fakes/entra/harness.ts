import { readFileSync } from 'node:fs';
import { type GraphConnection, type GraphConnectionOptions, createGraphConnection } from '../../../src/graph/index.js';
import {
  DEMO_BOT_CLIENT_ID,
  DEMO_BOT_SECRET,
  type EntraStandin,
  type EntraStandinOptions,
  type FakeTenant,
  SCENARIOS,
  type ScenarioName,
  startEntraStandin,
} from '../../../src/local/standins/entra/index.js';
import { projectPath } from '../../../src/paths.js';

/** PEM file with the test bot's certificate and private key, as ClientCertificateCredential reads it. */
export const BOT_CERTIFICATE_PATH = projectPath('test/fakes/entra/bot-certificate.pem');

/** The public certificate alone, as an admin uploads it to the app registration. */
export function botCertificatePem(): string {
  const match = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(readFileSync(BOT_CERTIFICATE_PATH, 'utf8'));
  if (match === null) throw new Error('bot-certificate.pem holds no certificate');
  return match[0];
}

export interface ScenarioStandin {
  standin: EntraStandin;
  tenants: Record<ScenarioName, FakeTenant>;
  now: Date;
}

/** One stand-in holding a tenant per named scenario (faults are set per test with setFaults). */
export async function startScenarioStandin(
  names: readonly ScenarioName[],
  options: Omit<EntraStandinOptions, 'tenants'> = {},
): Promise<ScenarioStandin> {
  const now = new Date();
  const tenants = Object.fromEntries(names.map((name) => [name, SCENARIOS[name].tenant(now)])) as Record<ScenarioName, FakeTenant>;
  const standin = await startEntraStandin({ ...options, tenants: Object.values(tenants) });
  return { standin, tenants, now };
}

/** A production connection pointed at the stand-in: only the URLs differ. */
export function connectTo(standin: EntraStandin, tenantId: string, overrides: Partial<GraphConnectionOptions> = {}): GraphConnection {
  return createGraphConnection({
    tenantId,
    clientId: DEMO_BOT_CLIENT_ID,
    clientSecret: DEMO_BOT_SECRET,
    authorityHost: standin.authorityHost,
    graphBaseUrl: standin.graphBaseUrl,
    ...overrides,
  });
}
