import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { isDiagnosable } from '../../src/intake/evidence.js';
import { readPaste } from '../../src/intake/read-paste.js';
import { SEED_CLIENT_REQUEST_ID, SEED_ORG_ID, SEED_TRACKING_ID, SEED_USER_ID, evidenceSchema, pasteFixture } from './support.js';

function read(text: string) {
  const evidence = readPaste(text);
  expect(evidenceSchema.safeParse(evidence).error).toBeUndefined();
  return evidence;
}

/** The fields every faithful copy of the English debug block must yield, however it was wrapped. */
const CORE = {
  trackingIds: [SEED_TRACKING_ID],
  orgId: SEED_ORG_ID,
  userId: SEED_USER_ID,
  httpStatus: 401,
  webexErrorCodes: ['701018'],
  clientRequestIds: [SEED_CLIENT_REQUEST_ID],
  userClockUtc: '2023-05-21T22:44:59.000Z',
  requestUrl: { integration: 'azureAD', identityCluster: 'identity-b-us', resource: 'WebexApplications/status' },
  toast: { kind: 'azure-ad-unauthorized', language: 'en' },
};

describe('the toast in each language Control Hub speaks', () => {
  for (const language of ['en', 'ja', 'fr', 'de', 'es', 'pt', 'it', 'zh', 'ko'] as const) {
    it(`recognises the ${language} toast, with and without the admin's own words around it`, () => {
      const text = pasteFixture(`toast-${language}.txt`);
      const withWords = read(text);
      expect(withWords).toMatchObject({ trackingIds: [SEED_TRACKING_ID], toast: { kind: 'azure-ad-unauthorized', language }, language });
      const toastLine = text.trim().split('\n').at(-1) ?? '';
      expect(read(toastLine)).toMatchObject({ toast: { kind: 'azure-ad-unauthorized', language }, language });
    });
  }

  it('tells an Azure AD error that is not "unauthorized" apart', () => {
    expect(read('Azure AD integration error. Something went wrong. TrackingID: ' + SEED_TRACKING_ID).toast).toEqual({
      kind: 'azure-ad-other',
      language: 'en',
    });
  });
});

describe('the sibling errors of Cisco doc 223574 (adding domains with Azure AD)', () => {
  it('reads 401 / 701018 on …/v1/Domains, "Error getting verified domain"', () => {
    expect(read(pasteFixture('domains-401-verified-domain.txt'))).toMatchObject({
      trackingIds: ['ATLAS_6c1e2f0a-3b4d-4e5f-8a9b-0c1d2e3f4a5b_42'],
      httpStatus: 401,
      webexErrorCodes: ['701018'],
      requestUrl: { integration: 'azureAD', resource: 'Domains', orgId: '5a1c7e2b-9d3f-4b6a-8e0c-1f2a3b4c5d6e' },
      toast: { kind: 'azure-ad-other', language: 'en' },
      language: 'en',
    });
  });

  it('reads 400 / 100013 "tenantId is required"', () => {
    const evidence = read(pasteFixture('domains-400-tenantid-required.txt'));
    expect(evidence).toMatchObject({ httpStatus: 400, statusText: 'Bad Request', webexErrorCodes: ['100013'], requestUrl: { resource: 'Domains' } });
    expect(evidence.errorBody).toMatchObject({ error: { message: [{ description: 'tenantId is required' }] } });
    expect(evidence.entraTenantId).toBeUndefined(); // "tenantId is required" names no tenant
  });
});

describe('short pastes', () => {
  it('accepts a bare tracking id, of any service prefix, normalising the UUID to lower case', () => {
    expect(read(SEED_TRACKING_ID)).toMatchObject({ trackingIds: [SEED_TRACKING_ID], language: 'en' });
    const evidence = read('WEBEX_497D70DF-8811-4B6B-9B6A-EF4F438B57F6_1 and ONBOARD_2fdb923e-1d23-4e1b-a30f-e9cd88845744_77');
    expect(evidence.trackingIds).toEqual(['WEBEX_497d70df-8811-4b6b-9b6a-ef4f438b57f6_1', 'ONBOARD_2fdb923e-1d23-4e1b-a30f-e9cd88845744_77']);
    expect(isDiagnosable(evidence)).toBe(true);
  });

  it('does not take a UUID without the PREFIX_…_n shape for a tracking id', () => {
    expect(read(`ATLAS_${SEED_ORG_ID}`).trackingIds).toEqual([]);
    expect(read(`${SEED_ORG_ID}_136`).trackingIds).toEqual([]);
    expect(read(`ATLAS_${SEED_ORG_ID}_136x`).trackingIds).toEqual([]);
  });

  it('reads an AADSTS700016 message with its tenant id', () => {
    const evidence = read(pasteFixture('aadsts700016.txt'));
    expect(evidence.aadsts).toHaveLength(1);
    expect(evidence.aadsts[0]?.code).toBe('700016');
    expect(evidence.aadsts[0]?.text).toMatch(/^Application with identifier '90db942a-c1eb-4e8d-82e4-eebf64a7e2ae' was not found in the directory/);
    expect(evidence.aadsts[0]?.text).not.toMatch(/Trace ID/);
    expect(evidence.entraTenantId).toBe('3c9d1e7a-4b2f-4e8a-9c1d-5f6e7a8b9c0d');
    expect(isDiagnosable(evidence)).toBe(true);
  });

  it.each([
    ['Tenant ID: 3C9D1E7A-4B2F-4E8A-9C1D-5F6E7A8B9C0D'],
    ["AADSTS90002: Tenant '3c9d1e7a-4b2f-4e8a-9c1d-5f6e7a8b9c0d' not found."],
    ['Directory (tenant) ID: 3c9d1e7a-4b2f-4e8a-9c1d-5f6e7a8b9c0d'],
    ['https://login.microsoftonline.com/3c9d1e7a-4b2f-4e8a-9c1d-5f6e7a8b9c0d/oauth2/v2.0/authorize'],
    ['{"tenantId":"3c9d1e7a-4b2f-4e8a-9c1d-5f6e7a8b9c0d"}'],
  ])('finds the Entra tenant id in %s', (text) => {
    expect(read(text).entraTenantId).toBe('3c9d1e7a-4b2f-4e8a-9c1d-5f6e7a8b9c0d');
  });

  it('keeps each AADSTS code once, with its text, even two on one line', () => {
    const evidence = read('AADSTS65001: The user or administrator has not consented. AADSTS90094: Admin consent required. AADSTS65001');
    expect(evidence.aadsts).toEqual([
      { code: '65001', text: 'The user or administrator has not consented.' },
      { code: '90094', text: 'Admin consent required.' },
    ]);
  });

  it('reads a Microsoft Graph error body: its client-request-id, no Webex code', () => {
    const evidence = read(
      '{"error":{"code":"Authorization_RequestDenied","message":"Insufficient privileges to complete the operation.",' +
        '"innerError":{"date":"2024-03-05T14:02:11","request-id":"0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9",' +
        '"client-request-id":"1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"}}}',
    );
    expect(evidence.clientRequestIds).toEqual(['1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d']);
    expect(evidence.webexErrorCodes).toEqual([]);
    expect(evidence.errorBody).toMatchObject({ error: { code: 'Authorization_RequestDenied' } });
  });

  it('finds nothing diagnosable in small talk, and says every field is missing', () => {
    const evidence = read('hello, can you help me?');
    expect(isDiagnosable(evidence)).toBe(false);
    expect(evidence.missing).toHaveLength(13);
  });
});

describe('messy copies of the debug block', () => {
  const block = pasteFixture('en-debug-info.txt');

  it('reads HTML pasted from the Webex client (tags, entities, @mention)', () => {
    expect(read(pasteFixture('webex-client.html'))).toMatchObject(CORE);
  });

  it('reads Markdown: code fences, bold labels, bullets, > quotes, escaped underscores, a bare JSON body', () => {
    expect(read(pasteFixture('markdown-quoted.md'))).toMatchObject(CORE);
  });

  it('reads Windows line ends', () => {
    expect(read(block.replace(/\n/g, '\r\n'))).toMatchObject(CORE);
  });

  it('reads a block whose line breaks were lost', () => {
    expect(read(block.replace(/\n/g, ' '))).toMatchObject(CORE);
  });

  it('reads e-mail style quoting', () => {
    expect(read(block.replace(/^/gm, '> > '))).toMatchObject(CORE);
  });

  it('ignores zero-width characters inside labels and ids, non-breaking spaces and fullwidth colons', () => {
    const invisible = ['\u200b', '\u200c', '\u200d', '\ufeff', '\u2060'];
    let k = 0;
    const sprinkled = block
      .replace(/(View|Logged-in|Status|Tracking|URL|Error)/g, (word) => word.split('').join(invisible[k++ % invisible.length]))
      .replace(/2fdb923e-1d23/g, '2fdb\u200b923e-1d23')
      .replace(/ ID: /g, '\u00a0ID\uff1a\u00a0');
    expect(read(sprinkled)).toMatchObject(CORE);
  });

  it('reads a JSON body typed with smart quotes', () => {
    expect(read(block.replace(/"/g, (_, offset: number) => (offset % 2 === 0 ? '\u201c' : '\u201d')))).toMatchObject(CORE);
  });

  it('repairs a JSON body cut inside a string, and one cut after a key', () => {
    const head = block.slice(0, block.indexOf('"description"'));
    const cutInString = read(head + '"description": "Request unauth');
    expect(cutInString.errorBody).toEqual({ error: { key: '401', message: [{ code: '701018', description: 'Request unauth' }] } });
    const cutAfterKey = read(head + '"description":');
    expect(cutAfterKey.errorBody).toEqual({ error: { key: '401', message: [{ code: '701018' }] } });
    expect(cutAfterKey.webexErrorCodes).toEqual(['701018']);
  });

  it('joins an id that a line wrap split inside the JSON body', () => {
    const wrapped = block.replace('9afc732a-2dcf-44e0-8bd8-49db92e483b7', '9afc732a-2dcf-44e0-8bd8-\n49db92e483b7');
    expect(read(wrapped).clientRequestIds).toEqual([SEED_CLIENT_REQUEST_ID]);
  });

  it('decodes Webex base64 org and person ids in the labelled lines', () => {
    const hydra = (type: string, id: string) => Buffer.from(`ciscospark://us/${type}/${id}`).toString('base64');
    const text = block
      .replace(`View Org ID: ${SEED_ORG_ID}`, `View Org ID: ${hydra('ORGANIZATION', SEED_ORG_ID)}`)
      .replace(`Logged-in User ID: ${SEED_USER_ID}`, `Logged-in User ID: ${hydra('PEOPLE', SEED_USER_ID)}`);
    expect(read(text)).toMatchObject({ orgId: SEED_ORG_ID, userId: SEED_USER_ID });
  });

  it('skips labels in the admin\'s own words whose values do not parse', () => {
    const prose =
      'Status: disabled since Monday\nURL: see below\nError: it fails\nView Org ID: ours\nLogged-in User Clock UTC: now\nBrowser URL: ?\n';
    expect(read(prose + block)).toMatchObject({ ...CORE, browserUrl: 'https://admin.webex.com/settings' });
  });

  it('uses the org id of the request URL when the View Org ID line is missing', () => {
    const text = block.replace(/^(View Org ID|Logged-in User Org ID):.*$/gm, '');
    expect(read(text).orgId).toBe(SEED_ORG_ID);
  });
});
