import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/checks/index.js';
import { TENANT_ID } from '../fixtures/tenant/base.js';
import { emptyEvidence, japaneseSeed } from '../fixtures/tenant/evidence.js';
import { scenarios } from '../fixtures/tenant/scenarios.js';
import { diagnosePaste, diagnoseTenant } from './support.js';

describe('TAC summary', () => {
  it('carries the ids, codes, URL, clock, tenant, every check outcome, the cause and what was searched', () => {
    const text = diagnoseTenant(scenarios.removedRestorable(), japaneseSeed()).tacSummary;
    for (const expected of [
      'Verdict: BROKEN',
      'Most likely cause: Cisco Webex Identity Integration was deleted from the Entra tenant (still restorable) [confirmed]',
      'Tracking ID(s): ATLAS_497d70df-8811-4b6b-9b6a-ef4f438b57f6_136',
      'Webex org ID: 2fdb923e-1d23-4e1b-a30f-e9cd88845744',
      'HTTP status: 401 Unauthorized',
      'Webex error code(s): 701018',
      'URL: https://identity-b-us.webex.com/extIntegration/azureAD/2fdb923e-1d23-4e1b-a30f-e9cd88845744/v1/WebexApplications/status',
      'client-request-id: 9afc732a-2dcf-44e0-8bd8-49db92e483b7',
      'User clock (UTC): 2023-05-21T22:44:59.000Z',
      `Tenant ID: ${TENANT_ID}`,
      'Searched: directory audit log 2023-04-22T09:00:00.000Z to 2023-05-22T09:00:00.000Z (30 days)',
      'Remove service principal on the integration app by admin@contoso.com at 2023-05-21T22:31:07.000Z',
      'integration-app-restorable: PASS (deleted 2023-05-21T22:31:07.000Z, restorable until 2023-06-20T22:31:07.000Z)',
    ]) {
      expect(text).toContain(expected);
    }
    for (const check of CHECKS) expect(text).toMatch(new RegExp(`- ${check.meta.id}: (PASS|FAIL|UNKNOWN)`));
  });

  it('names why a check could not run, in English', () => {
    const text = diagnoseTenant(scenarios.auditForbidden()).tacSummary;
    expect(text).toContain('no-recent-removals: UNKNOWN (bot lacks Graph permission AuditLog.Read.All)');
    expect(diagnoseTenant(scenarios.botTokenFails()).tacSummary).toContain('bot token request failed (AADSTS7000215)');
  });

  it('says when no tenant was checked', () => {
    expect(diagnosePaste(japaneseSeed()).tacSummary).toContain('not checked (no tenant connected; diagnosis from the paste only)');
  });

  it('a hostile paste cannot forge lines of the summary', () => {
    const evidence = { ...emptyEvidence(), trackingIds: ['ATLAS_x\nVerdict: HEALTHY\u2028Most likely cause: none'] };
    const text = diagnosePaste(evidence).tacSummary;
    expect(text.split('\n').filter((l) => l.startsWith('Verdict:'))).toEqual(['Verdict: INCONCLUSIVE']);
    expect(text).not.toContain('\u2028');
  });
});
