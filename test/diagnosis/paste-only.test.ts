import { describe, expect, it } from 'vitest';
import { AADSTS_CATALOG } from '../../src/diagnosis/aadsts.js';
import { TENANT_ID } from '../fixtures/tenant/base.js';
import { aadstsEvidence, emptyEvidence, frenchSeed, japaneseSeed, wizardNotSetUpEvidence } from '../fixtures/tenant/evidence.js';
import { scenarios } from '../fixtures/tenant/scenarios.js';
import { action, diagnosePaste, diagnoseTenant, keys } from './support.js';

const COMMON_CONSENT = 'https://login.microsoftonline.com/common/adminconsent?client_id=90db942a-c1eb-4e8d-82e4-eebf64a7e2ae';

describe('the paste alone (no tenant connected)', () => {
  it('Japanese seed (401/701018 on WebexApplications/status): the Integration app is likely missing or not consented', () => {
    const d = diagnosePaste(japaneseSeed());
    expect(d.verdict).toBe('broken');
    expect(d.causes.map((c) => [c.id, c.confidence])).toEqual([
      ['integration-app-missing', 'likely'],
      ['consent-incomplete', 'possible'],
      ['integration-app-disabled', 'possible'],
    ]);
    expect(d.causes[0]?.evidence).toEqual([
      { key: 'diagnosis.evidence.paste-unauthorized-call', params: { status: 401, codes: '701018', resource: 'WebexApplications/status' } },
      { key: 'diagnosis.evidence.paste-toast' },
    ]);
    expect(d.fix.actions[0]).toEqual({ kind: 'admin-consent', url: COMMON_CONSENT });
    expect(keys(d.fix.steps)).toContain('diagnosis.step.consent-tenant-unknown');
    expect(d.blindSpots).toEqual([
      { key: 'diagnosis.blind.no-tenant', params: { permissions: 'Application.Read.All, AuditLog.Read.All, Directory.Read.All, Synchronization.Read.All' } },
    ]);
    expect(d.findings).toEqual([]);
    expect(d.checkedAt).toBeUndefined();
    expect(keys(d.confirm)).toEqual(['diagnosis.confirm.enterprise-apps', 'diagnosis.confirm.control-hub']);
  });

  it('French seed (URL cut before the resource): the same diagnosis, from the status and code', () => {
    const d = diagnosePaste(frenchSeed());
    expect(d.verdict).toBe('broken');
    expect(d.causes[0]?.id).toBe('integration-app-missing');
    expect(d.causes[0]?.evidence[0]).toEqual({ key: 'diagnosis.evidence.paste-unauthorized', params: { status: 401, codes: '701018' } });
    expect(d.tacSummary).toContain('ATLAS_497d70df-8811-4b6b-9b6a-ef4f438b57f6_136, ATLAS_497d70df-8811-4b6b-9b6a-ef41438b57f6_136');
  });

  it('a URL cut inside the resource ("…/v1/Web") is shown cut, never as a call named "Web"', () => {
    const evidence = japaneseSeed();
    evidence.requestUrl = { ...(evidence.requestUrl ?? { url: '', host: '' }), resource: 'Web' };
    const d = diagnosePaste(evidence);
    expect(d.causes[0]?.evidence[0]).toEqual({ key: 'diagnosis.evidence.paste-unauthorized-call', params: { status: 401, codes: '701018', resource: 'Web…' } });
    evidence.requestUrl = { ...evidence.requestUrl, resource: 'Domains' };
    expect(diagnosePaste(evidence).causes[0]?.evidence[0]?.params?.resource).toBe('Domains');
  });

  it('a tenant id found in the paste scopes the consent link', () => {
    const d = diagnosePaste({ ...japaneseSeed(), entraTenantId: TENANT_ID });
    expect(action(d, 'admin-consent')?.url).toBe(`https://login.microsoftonline.com/${TENANT_ID}/adminconsent?client_id=90db942a-c1eb-4e8d-82e4-eebf64a7e2ae`);
    expect(keys(d.fix.steps)).not.toContain('diagnosis.step.consent-tenant-unknown');
  });

  it('400/100013 "tenantId is required": the wizard was never set up', () => {
    const d = diagnosePaste(wizardNotSetUpEvidence());
    expect(d.verdict).toBe('broken');
    expect(d.causes.map((c) => [c.id, c.confidence])).toEqual([['wizard-not-set-up', 'likely']]);
    expect(d.fix.actions[0]).toEqual({ kind: 'rerun-wizard', url: 'https://admin.webex.com/settings' });
    expect(keys(d.confirm)).toContain('diagnosis.confirm.wizard');
  });

  it('100013 is about Webex, so a healthy tenant does not rule it out', () => {
    const d = diagnoseTenant(scenarios.healthy(), wizardNotSetUpEvidence());
    expect(d.verdict).toBe('broken');
    expect(d.causes[0]?.id).toBe('wizard-not-set-up');
  });

  it('a healthy tenant rules out what a 401 paste suggested', () => {
    const d = diagnoseTenant(scenarios.healthy(), frenchSeed());
    expect(d.verdict).toBe('healthy');
  });

  it('nothing diagnosable and no tenant: inconclusive, ask for the debug block', () => {
    const d = diagnosePaste(emptyEvidence());
    expect(d.verdict).toBe('inconclusive');
    expect(d.causes).toEqual([]);
    expect(keys(d.fix.steps)).toEqual(['diagnosis.step.paste-debug-info', 'diagnosis.step.sign-out-retry', 'diagnosis.step.open-tac']);
  });
});

describe('AADSTS codes in the paste', () => {
  it.each(AADSTS_CATALOG.map((e) => [e.code, e] as const))('AADSTS%s: its meaning, its fix, its cause', (code, entry) => {
    const d = diagnosePaste(aadstsEvidence(code, TENANT_ID));
    expect(d.verdict).toBe('broken');
    expect(d.aadsts).toEqual([{ code, source: 'paste', meaning: { key: `aadsts.${code}.meaning` }, fix: { key: `aadsts.${code}.fix` } }]);
    expect(d.causes[0]).toMatchObject({ id: entry.cause, confidence: 'likely' });
    expect(d.causes[0]?.evidence).toEqual([{ key: 'diagnosis.evidence.paste-aadsts', params: { code } }]);
    if (entry.cause === 'aadsts') {
      expect(d.causes[0]?.title).toEqual({ key: 'diagnosis.cause.aadsts', params: { codes: `AADSTS${code}` } });
      expect(d.fix.steps).toEqual([{ key: `aadsts.${code}.fix` }]);
      expect(action(d, 'docs')?.url).toBe(`https://login.microsoftonline.com/error?code=${code}`);
    }
    const consentCauses = ['consent-incomplete', 'integration-app-missing'];
    expect(action(d, 'admin-consent') !== undefined).toBe(entry.consentFixes || consentCauses.includes(entry.cause));
  });

  it('a code the tenant contradicts is dropped from the causes but still explained', () => {
    const d = diagnoseTenant(scenarios.healthy(), aadstsEvidence('65001'));
    expect(d.verdict).toBe('healthy');
    expect(d.aadsts.map((a) => a.code)).toEqual(['65001']);
  });

  it('a code no tenant check can rule out stays, even on a healthy tenant', () => {
    const d = diagnoseTenant(scenarios.healthy(), aadstsEvidence('50105'));
    expect(d.verdict).toBe('broken');
    expect(d.causes[0]?.id).toBe('aadsts');
  });

  it('a code matching a failed check joins that cause', () => {
    const d = diagnoseTenant(scenarios.disabled(), aadstsEvidence('7000112'));
    expect(d.causes.map((c) => c.id)).toEqual(['integration-app-disabled']);
    expect(keys(d.causes[0]?.evidence ?? [])).toContain('diagnosis.evidence.paste-aadsts');
  });

  it('an unknown code points to Microsoft\'s lookup page', () => {
    const d = diagnosePaste(aadstsEvidence('1234567'));
    expect(d.aadsts[0]).toMatchObject({ meaning: { key: 'aadsts.unknown.meaning', params: { code: '1234567' } } });
    expect(d.causes[0]?.title).toEqual({ key: 'diagnosis.cause.aadsts', params: { codes: 'AADSTS1234567' } });
    expect(action(d, 'docs')?.url).toBe('https://login.microsoftonline.com/error?code=1234567');
  });

  it('several codes make one sign-in-error cause that lists them', () => {
    const evidence = { ...emptyEvidence(), aadsts: [{ code: '50105' }, { code: '50079' }, { code: '50105' }] };
    const d = diagnosePaste(evidence);
    expect(d.causes).toHaveLength(1);
    expect(d.causes[0]?.title.params).toEqual({ codes: 'AADSTS50105, AADSTS50079' });
    expect(d.aadsts.map((a) => a.code)).toEqual(['50105', '50079']);
  });

  it.each(AADSTS_CATALOG.map((e) => [e.code, e.botFix] as const))('bot token AADSTS%s: explained for the bot\'s operator', (code, botFix) => {
    const d = diagnoseTenant(scenarios.botTokenFails(code));
    expect(d.aadsts).toEqual([
      { code, source: 'bot-token', meaning: { key: `aadsts.${code}.meaning` }, fix: botFix ? { key: `aadsts.${code}.bot-fix` } : { key: 'aadsts.bot-fix', params: { code } } },
    ]);
    expect(d.causes[0]?.id).toBe('bot-access-broken');
  });
});
