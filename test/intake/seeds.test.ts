import { describe, expect, it } from 'vitest';
import { readPaste } from '../../src/intake/read-paste.js';
import { SEED_CLIENT_REQUEST_ID, SEED_ORG_ID, SEED_TRACKING_ID, SEED_USER_ID, evidenceSchema, pasteFixture } from './support.js';

/** The two real Cisco documents (Japanese and French) quoting the error, and the English original. */
describe('readPaste on the Cisco documents', () => {
  const cases = [
    { name: 'seed-ja.txt', language: 'ja', resource: 'WebexApplications/status' },
    { name: 'seed-fr.txt', language: 'fr', resource: 'Web' }, // the French copy cuts the URL at "…/v1/Web"
    { name: 'en-debug-info.txt', language: 'en', resource: 'WebexApplications/status' },
  ] as const;

  for (const { name, language, resource } of cases) {
    it(`reads every field of ${name}`, () => {
      const evidence = readPaste(pasteFixture(name));
      expect(evidenceSchema.safeParse(evidence).error).toBeUndefined();
      expect(evidence.trackingIds[0]).toBe(SEED_TRACKING_ID);
      expect(evidence).toMatchObject({
        orgId: SEED_ORG_ID,
        userOrgId: SEED_ORG_ID,
        userId: SEED_USER_ID,
        httpStatus: 401,
        statusText: 'Unauthorized',
        webexErrorCodes: ['701018'],
        clientRequestIds: [SEED_CLIENT_REQUEST_ID],
        userClockUtc: '2023-05-21T22:44:59.000Z',
        controlHubBuild: '20230519-182b260',
        customerType: 'Enterprise',
        browserUrl: 'https://admin.webex.com/settings',
        requestUrl: {
          host: 'identity-b-us.webex.com',
          identityCluster: 'identity-b-us',
          integration: 'azureAD',
          orgId: SEED_ORG_ID,
          resource,
        },
        toast: { kind: 'azure-ad-unauthorized', language: 'en' },
        language,
        truncated: false,
        missing: ['aadsts', 'entraTenantId'],
      });
      expect(evidence.errorBody).toEqual({
        error: {
          key: '401',
          message: [{ code: '701018', description: `Request unauthorized. client-request-id: ${SEED_CLIENT_REQUEST_ID}` }],
        },
        trackingId: SEED_TRACKING_ID,
      });
    });
  }

  it('puts the debug block tracking id before a mistyped copy in the French screenshot caption', () => {
    const evidence = readPaste(pasteFixture('seed-fr.txt'));
    expect(evidence.trackingIds).toEqual([SEED_TRACKING_ID, 'ATLAS_497d70df-8811-4b6b-9b6a-ef41438b57f6_136']);
  });
});
