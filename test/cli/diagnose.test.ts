/**
 * `azure-ad-doctor diagnose` against the Entra / Graph stand-in over real HTTPS: the bot's own pipeline, driven
 * by the same AZURE_* settings, once per run. Each run builds its own connection, so each pays one token.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { formatDateTime } from '../../src/i18n/format.js';
import type { Language } from '../../src/i18n/message.js';
import { translate } from '../../src/i18n/translate.js';
import { DEMO_BOT_CLIENT_ID, DEMO_BOT_SECRET, type FakeTenant } from '../../src/local/standins/entra/index.js';
import { projectPath } from '../../src/paths.js';
import { type ScenarioStandin, startScenarioStandin } from '../fakes/entra/harness.js';
import { pasteFixture, SEED_ORG_ID, SEED_TRACKING_ID } from '../intake/support.js';
import { fakeIo, type FakeIo } from './fake-io.js';

const INTEGRATION_APP_ID = '90db942a-c1eb-4e8d-82e4-eebf64a7e2ae';
const SEEDS: [string, Language][] = [
  ['test/fixtures/pastes/seed-ja.txt', 'ja'],
  ['test/fixtures/pastes/seed-fr.txt', 'fr'],
];

let world: ScenarioStandin;

beforeAll(async () => {
  world = await startScenarioStandin(['integrationAppRemoved', 'healthy', 'auditLogForbidden', 'badClientSecret']);
});

afterAll(async () => {
  await world?.standin.stop();
});

beforeEach(() => {
  world.standin.resetCounters();
});

function settingsFor(tenant: FakeTenant): Record<string, string> {
  return {
    AZURE_AUTHORITY_HOST: world.standin.authorityHost,
    GRAPH_BASE_URL: world.standin.graphBaseUrl,
    AZURE_TENANT_ID: tenant.tenantId,
    AZURE_CLIENT_ID: DEMO_BOT_CLIENT_ID,
    AZURE_CLIENT_SECRET: DEMO_BOT_SECRET,
  };
}

async function diagnose(args: string[], env: Record<string, string>, stdin?: string): Promise<{ code: number; io: FakeIo }> {
  // No stdin given: a terminal, so no FILE means "check the tenant alone".
  const io = { ...fakeIo(stdin === undefined ? [] : [stdin], { tty: stdin === undefined }), env };
  return { code: await runCli(['diagnose', ...args], io), io };
}

function removal(tenant: FakeTenant): { by: string; at: string } {
  const record = tenant.directoryAudits.find((audit) => audit.activityDisplayName === 'Remove service principal');
  const by = record?.initiatedBy.user?.userPrincipalName ?? undefined;
  if (record === undefined || by === undefined) throw new Error('the scenario has no removal record');
  return { by, at: record.activityDateTime };
}

describe('azure-ad-doctor diagnose against a tenant', () => {
  it.each(SEEDS)('%s, Integration app removed: names the removal, who and when, and the tenant-scoped consent link; exit 3', async (file, language) => {
    const tenant = world.tenants.integrationAppRemoved;
    const { code, io } = await diagnose([file], settingsFor(tenant));
    const out = io.out();
    expect(code).toBe(3);
    expect(io.err()).toBe('');
    // In the paste's language: the verdict, the cause and the removal sentence with its remover and time.
    expect(out).toContain(translate({ key: 'ui.diagnosis.verdict.broken' }, language));
    expect(out).toContain(translate({ key: 'diagnosis.cause.integration-app-deleted' }, language));
    const { by, at } = removal(tenant);
    expect(by).toBe('admin@contoso.com');
    const removed = translate({ key: 'diagnosis.evidence.sp-removed', params: { app: 'Cisco Webex Identity Integration', by, at: { date: at } } }, language);
    expect(out).toContain(removed);
    expect(out).toContain(formatDateTime(at, language));
    // The consent link as a plain URL on its own line, scoped to the tenant, not "common".
    expect(out).toContain(`\n    ${world.standin.authorityHost}/${tenant.tenantId}/adminconsent?client_id=${INTEGRATION_APP_ID}\n`);
    expect(out).not.toContain('/common/adminconsent');
    // The CLI's own wording, not the card's button.
    expect(out).toContain(translate({ key: 'cli.confirm.reverify' }, language));
    expect(out).not.toContain(translate({ key: 'diagnosis.confirm.reverify' }, language));
    // The TAC summary closes the report, in English.
    expect(out).toMatch(/Verdict: BROKEN[\s\S]*Remove service principal on the integration app by admin@contoso\.com/);
    expect(out).toContain(SEED_TRACKING_ID);
  });

  it('costs Graph at most two requests and one token for one run', async () => {
    const { code } = await diagnose(['test/fixtures/pastes/seed-ja.txt'], settingsFor(world.tenants.integrationAppRemoved));
    expect(code).toBe(3);
    expect(world.standin.counters.tokenRequests).toBe(1);
    expect(world.standin.counters.graphRequests).toBeGreaterThan(0);
    expect(world.standin.counters.graphRequests).toBeLessThanOrEqual(2);
  });

  it('healthy tenant, no paste: says every check passed and what else to try; exit 0', async () => {
    const { code, io } = await diagnose(['--lang', 'en'], settingsFor(world.tenants.healthy));
    const out = io.out();
    expect(code).toBe(0);
    expect(out).toMatch(/^✅ Azure AD integration looks healthy\nChecked live in Entra tenant /);
    expect(out).toContain('What else to try');
    expect(out).toContain('Every check passed: both Cisco apps look healthy in your tenant.');
    expect(out.match(/✅ /g)).toHaveLength(8); // the verdict and seven checks
    expect(out).not.toMatch(/❌|⚠️/);
    expect(out).toContain('Verdict: HEALTHY');
  });

  it('without AuditLog.Read.All: still diagnoses, names the missing permission and the blind spot; exit 4', async () => {
    const { code, io } = await diagnose(['--lang', 'en', 'test/fixtures/pastes/seed-ja.txt'], settingsFor(world.tenants.auditLogForbidden));
    const out = io.out();
    expect(code).toBe(4);
    expect(out).toContain('No clear verdict');
    expect(out).toMatch(/⚠️ No recent removals in the audit log \(could not check\)\n +Could not check: the bot lacks the Microsoft Graph permission AuditLog\.Read\.All\./);
    expect(out).toContain('Microsoft Graph answer: 403 Authentication_MSGraphPermissionMissing');
    expect(out).toMatch(/What the bot could not see\n {2}- AuditLog\.Read\.All is missing/);
    expect(out.match(/✅ /g)).toHaveLength(6); // the other checks ran and passed
  });

  it('a refused secret: could-not-check with AADSTS7000215, and the secret itself printed nowhere', async () => {
    const { code, io } = await diagnose(['--lang', 'en', 'test/fixtures/pastes/seed-ja.txt'], settingsFor(world.tenants.badClientSecret));
    expect(code).not.toBe(0);
    expect(io.out()).toContain('Could not check: the bot could not sign in to your tenant (AADSTS7000215).');
    expect(io.out()).toContain('The bot could not sign in to your tenant (AADSTS7000215): nothing in the tenant could be checked.');
    expect(io.out() + io.err()).not.toContain(DEMO_BOT_SECRET);
  });

  it('--json prints the Diagnosis object, and nothing else, on stdout', async () => {
    const tenant = world.tenants.integrationAppRemoved;
    const { code, io } = await diagnose(['--json', '-'], settingsFor(tenant), pasteFixture('seed-fr.txt'));
    expect(code).toBe(3);
    const printed = JSON.parse(io.out()) as Record<string, unknown>;
    expect(Object.keys(printed).sort()).toEqual(
      ['aadsts', 'blindSpots', 'causes', 'checkedAt', 'cloud', 'confirm', 'evidence', 'findings', 'fix', 'tacSummary', 'tenantId', 'verdict'].sort(),
    );
    expect(printed).toMatchObject({
      verdict: 'broken',
      tenantId: tenant.tenantId,
      causes: [expect.objectContaining({ id: 'integration-app-deleted', confidence: 'confirmed' })],
      evidence: expect.objectContaining({ trackingIds: expect.arrayContaining([SEED_TRACKING_ID]), language: 'fr' }),
      fix: expect.objectContaining({
        actions: expect.arrayContaining([{ kind: 'admin-consent', url: `${world.standin.authorityHost}/${tenant.tenantId}/adminconsent?client_id=${INTEGRATION_APP_ID}` }]),
      }),
    });
    expect((printed.findings as unknown[]).length).toBe(7);
  });

  it("checks the tenant TENANT_MAP gives the paste's Webex org, and says so", async () => {
    const removed = world.tenants.integrationAppRemoved;
    const env = { ...settingsFor(world.tenants.healthy), TENANT_MAP: `${SEED_ORG_ID}=${removed.tenantId}` };
    const { code, io } = await diagnose(['test/fixtures/pastes/seed-ja.txt'], env);
    expect(code).toBe(3);
    expect(io.out()).toContain(`/${removed.tenantId}/adminconsent`);
    expect(io.err()).toContain(`checking tenant ${removed.tenantId}, mapped by TENANT_MAP`);
  });
});

describe('the azure-ad-doctor executable', () => {
  it('runs diagnose end to end in a real process: report on stdout, exit 3', async () => {
    const tenant = world.tenants.integrationAppRemoved;
    const child = spawn(process.execPath, ['--import', 'tsx', projectPath('src', 'cli', 'main.ts'), 'diagnose', 'test/fixtures/pastes/seed-ja.txt'], {
      cwd: projectPath(),
      // Only what the run needs: nothing from the developer's own AZURE_* settings leaks in.
      env: { PATH: process.env.PATH, NODE_EXTRA_CA_CERTS: projectPath('src', 'local', 'standins', 'tls', 'ca.pem'), ...settingsFor(tenant) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(err).toBe('');
    expect(code).toBe(3);
    expect(out).toContain(`${world.standin.authorityHost}/${tenant.tenantId}/adminconsent?client_id=${INTEGRATION_APP_ID}`);
    expect(out).toContain('admin@contoso.com');
  });
});
