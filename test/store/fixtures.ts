import { randomUUID } from 'node:crypto';
import type { Diagnosis } from '../../src/diagnosis/types.js';
import { msg } from '../../src/i18n/message.js';
import type { DiagnosisRecord, RunRecord } from '../../src/store/index.js';

export const INTEGRATION_APP_ID = '90db942a-c1eb-4e8d-82e4-eebf64a7e2ae';

export function sampleDiagnosis(tenantId: string): Diagnosis {
  return {
    verdict: 'broken',
    causes: [
      {
        id: 'integration-app-deleted',
        confidence: 'confirmed',
        title: msg('cause.integration-app-deleted.title'),
        evidence: [msg('evidence.removed-by', { who: 'admin@contoso.com', when: { date: '2025-05-21T22:31:00Z' } })],
      },
    ],
    fix: {
      steps: [msg('fix.restore')],
      actions: [{ kind: 'admin-consent', url: `https://login.microsoftonline.com/${tenantId}/adminconsent?client_id=${INTEGRATION_APP_ID}` }],
    },
    confirm: [msg('confirm.enterprise-apps')],
    blindSpots: [],
    aadsts: [],
    findings: [],
    evidence: {
      trackingIds: [`ATLAS_${randomUUID()}_12`],
      webexErrorCodes: ['701018'],
      clientRequestIds: [],
      aadsts: [],
      language: 'ja',
      missing: [],
      truncated: false,
    },
    tenantId,
    cloud: 'global',
    checkedAt: '2025-05-22T08:00:00.000Z',
    tacSummary: 'Cisco Webex Identity Integration was removed from the tenant.',
  };
}

export function diagnosisRecord(overrides: Partial<DiagnosisRecord> & { tenantId: string }): DiagnosisRecord {
  return {
    id: randomUUID(),
    roomId: `room-${randomUUID()}`,
    orgId: 'org-a',
    askedBy: `person-${randomUUID()}`,
    language: 'ja',
    createdAt: '2025-05-22T08:00:00.000Z',
    diagnosis: sampleDiagnosis(overrides.tenantId),
    ...overrides,
  };
}

export function runRecord(overrides: Partial<RunRecord>): RunRecord {
  return {
    id: randomUUID(),
    at: '2025-05-22T08:00:00.000Z',
    personId: 'person-1',
    orgId: 'org-a',
    roomId: 'room-1',
    tenantId: 'tenant-a',
    kind: 'diagnose',
    checks: ['integration-app-present', 'required-permissions'],
    outcome: 'broken',
    durationMs: 812,
    trackingIds: ['ATLAS_7f0c3d1e-0a43-4c7e-9f0e-2a1b3c4d5e6f_3'],
    ...overrides,
  };
}
