import { describe, expect, it } from 'vitest';
import { ADMIN_UPN, INTEGRATION_SP_ID, PROVISIONING_SP_ID, SYNC_JOB_ID, TENANT_ID } from '../fixtures/tenant/base.js';
import { japaneseSeed } from '../fixtures/tenant/evidence.js';
import { REMOVED_AT, RESTORABLE_UNTIL, scenarios } from '../fixtures/tenant/scenarios.js';
import { action, diagnoseTenant, keys } from './support.js';

const CONSENT_URL = `https://login.microsoftonline.com/${TENANT_ID}/adminconsent?client_id=90db942a-c1eb-4e8d-82e4-eebf64a7e2ae`;

describe('diagnosis of each tenant scenario', () => {
  it('healthy: no cause, what else to try, nothing hidden', () => {
    const d = diagnoseTenant(scenarios.healthy(), japaneseSeed());
    expect(d.verdict).toBe('healthy');
    expect(d.causes).toEqual([]);
    expect(keys(d.fix.steps)).toEqual(['diagnosis.step.healthy', 'diagnosis.step.sign-out-retry', 'diagnosis.step.check-cluster', 'diagnosis.step.open-tac']);
    expect(d.fix.steps[2]?.params).toEqual({ cluster: 'identity-b-us' });
    expect(d.blindSpots).toEqual([]);
    expect(keys(d.confirm)).toEqual(['diagnosis.confirm.control-hub', 'diagnosis.confirm.reverify']);
    expect(d).toMatchObject({ tenantId: TENANT_ID, cloud: 'global', checkedAt: '2023-05-22T09:00:00.000Z' });
  });

  it('removed and restorable: who and when, restore until when, then consent', () => {
    const d = diagnoseTenant(scenarios.removedRestorable(), japaneseSeed());
    expect(d.verdict).toBe('broken');
    const [cause] = d.causes;
    expect(cause).toMatchObject({ id: 'integration-app-deleted', confidence: 'confirmed' });
    expect(cause?.evidence).toContainEqual({
      key: 'diagnosis.evidence.sp-removed',
      params: { app: 'Cisco Webex Identity Integration', by: ADMIN_UPN, at: { date: REMOVED_AT } },
    });
    expect(cause?.evidence).toContainEqual({
      key: 'diagnosis.evidence.deleted-restorable',
      params: { deletedAt: { date: REMOVED_AT }, until: { date: RESTORABLE_UNTIL } },
    });
    // The paste's 401/701018 is explained by the same cause, not listed as another.
    expect(keys(cause?.evidence ?? [])).toContain('diagnosis.evidence.paste-unauthorized-call');
    expect(d.causes).toHaveLength(1);
    expect(d.fix.actions[0]).toEqual(expect.objectContaining({ kind: 'restore-deleted', deletedObjectId: INTEGRATION_SP_ID, restorableUntil: RESTORABLE_UNTIL }));
    expect(action(d, 'admin-consent')?.url).toBe(CONSENT_URL);
    expect(keys(d.fix.steps)).toEqual([
      'diagnosis.step.restore',
      'diagnosis.step.restore-who',
      'diagnosis.step.consent-after-restore',
      'diagnosis.step.consent-who',
    ]);
    expect(keys(d.confirm)).toContain('diagnosis.confirm.enterprise-apps');
  });

  it('removed long ago: recreated by admin consent, and the audit window says why nobody is named', () => {
    const d = diagnoseTenant(scenarios.removedLongAgo());
    expect(d.causes[0]).toMatchObject({ id: 'integration-app-missing', confidence: 'confirmed' });
    expect(keys(d.causes[0]?.evidence ?? [])).toEqual([
      'diagnosis.evidence.app-not-in-tenant',
      'diagnosis.evidence.not-in-deleted-items',
      'diagnosis.evidence.no-removal-in-window',
    ]);
    expect(d.fix.actions[0]).toEqual({ kind: 'admin-consent', url: CONSENT_URL });
    expect(action(d, 'restore-deleted')).toBeUndefined();
    expect(keys(d.fix.steps)).toEqual(['diagnosis.step.consent-open', 'diagnosis.step.consent-who', 'diagnosis.step.consent-accept']);
  });

  it('removed, restore window over: says until when it could have been restored', () => {
    const d = diagnoseTenant(scenarios.removedPastWindow());
    expect(d.causes[0]?.id).toBe('integration-app-missing');
    expect(keys(d.causes[0]?.evidence ?? [])).toContain('diagnosis.evidence.deleted-expired');
    expect(action(d, 'restore-deleted')).toBeUndefined();
  });

  it('disabled: enable it, with the app\'s portal page, and who disabled it', () => {
    const d = diagnoseTenant(scenarios.disabled());
    expect(d.causes[0]).toMatchObject({ id: 'integration-app-disabled', title: { key: 'diagnosis.cause.integration-app-disabled' } });
    expect(keys(d.causes[0]?.evidence ?? [])).toEqual(['diagnosis.evidence.disabled-in-tenant', 'diagnosis.evidence.disabled']);
    expect(action(d, 'enable-app')).toEqual({
      kind: 'enable-app',
      servicePrincipalId: INTEGRATION_SP_ID,
      portalUrl: `https://portal.azure.com/${TENANT_ID}/#view/Microsoft_AAD_IAM/ManagedAppMenuBlade/~/Overview/objectId/${INTEGRATION_SP_ID}/appId/90db942a-c1eb-4e8d-82e4-eebf64a7e2ae`,
    });
  });

  it('disabled by Microsoft: no self-service enable, go to Microsoft and TAC', () => {
    const d = diagnoseTenant(scenarios.disabledByMicrosoft());
    expect(d.causes[0]?.title.key).toBe('diagnosis.cause.integration-app-disabled-by-microsoft');
    expect(action(d, 'enable-app')).toBeUndefined();
    expect(keys(d.fix.steps)).toEqual(['diagnosis.step.disabled-by-microsoft']);
  });

  it('consent partly missing: names exactly the missing ones and who removed them', () => {
    const d = diagnoseTenant(scenarios.consentPartlyMissing());
    expect(d.causes[0]?.id).toBe('consent-incomplete');
    expect(d.causes[0]?.evidence[0]).toEqual({
      key: 'diagnosis.evidence.permissions-missing',
      params: { count: 2, permissions: 'AuditLog.Read.All, Domain.Read.All' },
    });
    const removed = (d.causes[0]?.evidence ?? []).filter((e) => e.key === 'diagnosis.evidence.permission-removed').map((e) => e.params?.permission);
    expect(removed.sort()).toEqual(['AuditLog.Read.All', 'Domain.Read.All']);
    expect(d.fix.actions[0]).toEqual({ kind: 'admin-consent', url: CONSENT_URL });
    expect(d.fix.steps[0]).toEqual({ key: 'diagnosis.step.consent-missing', params: { permissions: 'AuditLog.Read.All, Domain.Read.All' } });
  });

  it('provisioning app missing: re-run the Control Hub wizard', () => {
    const d = diagnoseTenant(scenarios.provisioningMissing());
    expect(d.causes.map((c) => c.id)).toEqual(['provisioning-app-missing']);
    expect(d.fix.actions[0]).toEqual({ kind: 'rerun-wizard', url: 'https://admin.webex.com/settings' });
    expect(keys(d.confirm)).toContain('diagnosis.confirm.provisioning');
  });

  it('quarantined: why, since when, when it gets disabled, and restart after fixing the cause', () => {
    const d = diagnoseTenant(scenarios.quarantined(3));
    expect(d.causes[0]?.id).toBe('provisioning-quarantined');
    expect(keys(d.causes[0]?.evidence ?? [])).toEqual([
      'diagnosis.evidence.quarantined-since',
      'diagnosis.evidence.quarantine-error',
      'diagnosis.evidence.quarantine-disables-on',
    ]);
    expect(action(d, 'restart-provisioning')).toMatchObject({ servicePrincipalId: PROVISIONING_SP_ID, jobId: SYNC_JOB_ID });
    expect(keys(d.fix.steps)).toEqual(['diagnosis.step.quarantine-fix-cause', 'diagnosis.step.restart']);
  });

  it('quarantined more than four weeks: the job is disabled and will not restart by itself', () => {
    const d = diagnoseTenant(scenarios.quarantined(35));
    expect(keys(d.causes[0]?.evidence ?? [])).toContain('diagnosis.evidence.quarantine-disabled-job');
    expect(keys(d.fix.steps)).toContain('diagnosis.step.quarantine-disabled');
  });

  it('paused: turn provisioning on', () => {
    const d = diagnoseTenant(scenarios.paused());
    expect(d.causes[0]?.id).toBe('provisioning-paused');
    expect(keys(d.fix.steps)).toEqual(['diagnosis.step.start-provisioning']);
  });
});

describe('what the bot could not see', () => {
  it('audit forbidden: still diagnoses the removal; the blind spot names AuditLog.Read.All; check 6 is unknown', () => {
    const d = diagnoseTenant(scenarios.auditForbidden(scenarios.removedRestorable()), japaneseSeed());
    expect(d.verdict).toBe('broken');
    expect(d.causes[0]?.id).toBe('integration-app-deleted');
    expect(keys(d.causes[0]?.evidence ?? [])).not.toContain('diagnosis.evidence.sp-removed');
    expect(d.findings.find((f) => f.checkId === 'no-recent-removals')?.outcome).toBe('unknown');
    expect(keys(d.blindSpots)).toEqual(['diagnosis.blind.permission.AuditLog.Read.All']);
  });

  it('audit forbidden on a healthy tenant: not healthy, inconclusive', () => {
    const d = diagnoseTenant(scenarios.auditForbidden());
    expect(d.verdict).toBe('inconclusive');
    expect(keys(d.blindSpots)).toEqual(['diagnosis.blind.permission.AuditLog.Read.All']);
  });

  it('everything forbidden: no pass anywhere, inconclusive, each missing permission named and asked for', () => {
    const d = diagnoseTenant(scenarios.everythingForbidden());
    expect(d.findings.every((f) => f.outcome === 'unknown')).toBe(true);
    expect(d.verdict).toBe('inconclusive');
    expect(d.causes.map((c) => [c.id, c.title.key])).toEqual([['bot-access-broken', 'diagnosis.cause.bot-access-limited']]);
    const granted = d.fix.actions.flatMap((a) => (a.kind === 'grant-bot-permission' ? [a.permission] : []));
    expect(granted).toEqual(['Application.Read.All', 'AuditLog.Read.All', 'Directory.Read.All', 'Synchronization.Read.All']);
    expect(keys(d.blindSpots).sort()).toEqual([
      'diagnosis.blind.permission.Application.Read.All',
      'diagnosis.blind.permission.AuditLog.Read.All',
      'diagnosis.blind.permission.Directory.Read.All',
      'diagnosis.blind.permission.Synchronization.Read.All',
    ]);
  });

  it('everything forbidden but the paste is clear: the paste\'s likely cause first, the bot\'s access after', () => {
    const d = diagnoseTenant(scenarios.everythingForbidden(), japaneseSeed());
    expect(d.verdict).toBe('broken');
    expect(d.causes.map((c) => [c.id, c.confidence])).toEqual([
      ['integration-app-missing', 'likely'],
      ['bot-access-broken', 'confirmed'],
      ['consent-incomplete', 'possible'],
      ['integration-app-disabled', 'possible'],
    ]);
  });

  it('throttled: inconclusive, how many checks could not run, try again in a minute', () => {
    const d = diagnoseTenant(scenarios.throttled());
    expect(d.verdict).toBe('inconclusive');
    expect(d.blindSpots).toEqual([{ key: 'diagnosis.blind.throttled', params: { count: 7 } }]);
    expect(keys(d.fix.steps)[0]).toBe('diagnosis.step.retry-later');
    expect(d.causes).toEqual([]);
  });

  it('throttled with a clear paste: the paste\'s fix, then try again', () => {
    const d = diagnoseTenant(scenarios.throttled(), japaneseSeed());
    expect(d.verdict).toBe('broken');
    expect(keys(d.fix.steps).at(-1)).toBe('diagnosis.step.retry-later');
  });

  it('bot token AADSTS7000215: the bot cannot sign in; explained for the bot\'s operator', () => {
    const d = diagnoseTenant(scenarios.botTokenFails('7000215'));
    expect(d.verdict).toBe('inconclusive');
    expect(d.causes[0]).toMatchObject({ id: 'bot-access-broken', title: { key: 'diagnosis.cause.bot-access-broken' } });
    expect(d.causes[0]?.evidence).toEqual([{ key: 'diagnosis.evidence.bot-token-failed', params: { code: '7000215' } }]);
    expect(d.aadsts).toEqual([
      { code: '7000215', source: 'bot-token', meaning: { key: 'aadsts.7000215.meaning' }, fix: { key: 'aadsts.7000215.bot-fix' } },
    ]);
    expect(d.fix.steps).toEqual([{ key: 'aadsts.7000215.bot-fix' }]);
    expect(d.blindSpots).toEqual([{ key: 'diagnosis.blind.auth', params: { code: '7000215' } }]);
  });
});

describe('links and clouds', () => {
  it('the admin-consent link and portal follow the cloud', () => {
    const d = diagnoseTenant(scenarios.disabled(), undefined, { loginHost: 'https://login.microsoftonline.us/' });
    expect(action(d, 'enable-app')?.portalUrl.startsWith(`https://portal.azure.us/${TENANT_ID}/#view/`)).toBe(true);
    const consent = diagnoseTenant(scenarios.removedLongAgo(), undefined, { loginHost: 'https://login.microsoftonline.us' });
    expect(action(consent, 'admin-consent')?.url).toBe(`https://login.microsoftonline.us/${TENANT_ID}/adminconsent?client_id=90db942a-c1eb-4e8d-82e4-eebf64a7e2ae`);
  });

  it('a tenant id that is not a GUID or domain never reaches a URL', () => {
    const d = diagnoseTenant(scenarios.removedLongAgo(), undefined, { tenantId: 'contoso.com/../../evil?x=' });
    expect(action(d, 'admin-consent')?.url).toBe('https://login.microsoftonline.com/common/adminconsent?client_id=90db942a-c1eb-4e8d-82e4-eebf64a7e2ae');
  });
});
