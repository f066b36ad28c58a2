import { describe, expect, it } from 'vitest';
import { parseUtcClock } from '../../src/intake/clock.js';
import { readErrorBody } from '../../src/intake/json-body.js';
import { parseRequestUrl } from '../../src/intake/request-url.js';

describe('readErrorBody', () => {
  it('parses a body after the Error: label, with blank lines between its lines (PDF copy)', () => {
    const text = 'Error: {\n\n"error": {\n\n"key": "401"\n\n}\n\n}\nMessage: x';
    const body = readErrorBody(text, text.indexOf('{'));
    expect(body).toMatchObject({ value: { error: { key: '401' } }, repaired: false });
    expect(text.slice(body?.start, body?.end)).toBe('{\n\n"error": {\n\n"key": "401"\n\n}\n\n}');
  });

  it('stops where the next debug label shows the body was cut, and closes it', () => {
    const text = 'Error: {\n"error": {\n"key": "401",\n"message": [\n{\n"code": "701018",\n"description": "Request unauth\nMessage: Azure AD';
    expect(readErrorBody(text, 6)).toMatchObject({
      value: { error: { key: '401', message: [{ code: '701018', description: 'Request unauth' }] } },
      repaired: true,
    });
  });

  it('drops an incomplete last member: a dangling key, a cut literal', () => {
    expect(readErrorBody('{"error": {"key": "401", "x": tru')?.value).toEqual({ error: { key: '401' } });
    expect(readErrorBody('{"error": {"key": "401", "message"')?.value).toEqual({ error: { key: '401' } });
  });

  it('tolerates trailing commas, stray closers and a dangling backslash', () => {
    expect(readErrorBody('{"error": {"key": "401",},]}')?.value).toEqual({ error: { key: '401' } });
    expect(readErrorBody('{"error": "a\\')?.value).toEqual({ error: 'a' });
  });

  it('gives up on bodies nested deeper than any real one, and on text without one', () => {
    expect(readErrorBody('{"error": ' + '['.repeat(100))).toBeUndefined();
    expect(readErrorBody('no body here')).toBeUndefined();
  });
});

describe('parseRequestUrl', () => {
  it('reads cluster, integration, org and resource', () => {
    expect(parseRequestUrl('https://identity-b-us.webex.com/extIntegration/azureAD/2FDB923E-1d23-4e1b-a30f-e9cd88845744/v1/Domains?x=1')).toEqual({
      url: 'https://identity-b-us.webex.com/extIntegration/azureAD/2FDB923E-1d23-4e1b-a30f-e9cd88845744/v1/Domains?x=1',
      host: 'identity-b-us.webex.com',
      identityCluster: 'identity-b-us',
      integration: 'azureAD',
      orgId: '2fdb923e-1d23-4e1b-a30f-e9cd88845744',
      resource: 'Domains',
    });
  });

  it('keeps what is there when the URL was cut inside the org id', () => {
    expect(parseRequestUrl('https://identity-a-eu.webex.com/extIntegration/azureAD/2fdb9')).toEqual({
      url: 'https://identity-a-eu.webex.com/extIntegration/azureAD/2fdb9',
      host: 'identity-a-eu.webex.com',
      identityCluster: 'identity-a-eu',
      integration: 'azureAD',
    });
  });

  it('reads other identity URLs without an integration, and rejects what is not a URL', () => {
    expect(parseRequestUrl('https://identity.webex.com/identity/scim/2fdb923e-1d23-4e1b-a30f-e9cd88845744/v1/Users/me')).toMatchObject({
      identityCluster: 'identity',
      orgId: '2fdb923e-1d23-4e1b-a30f-e9cd88845744',
      resource: 'Users/me',
    });
    expect(parseRequestUrl('https://admin.webex.com/settings')).toEqual({ url: 'https://admin.webex.com/settings', host: 'admin.webex.com' });
    expect(parseRequestUrl('https://')).toBeUndefined();
  });
});

describe('parseUtcClock', () => {
  it.each([
    ['Sun, 21 May 2023 22:44:59 GMT', '2023-05-21T22:44:59.000Z'],
    ['1 Jan 2024 00:00:00 UTC', '2024-01-01T00:00:00.000Z'],
    ['2023-05-21T22:44:59.123Z', '2023-05-21T22:44:59.000Z'],
    ['Fri, 31 Feb 2023 10:00:00 GMT', undefined],
    ['Sun, 21 Foo 2023 22:44:59 GMT', undefined],
    ['Sun, 21 May 2023 22:44:59 +0200', undefined],
    ['yesterday', undefined],
  ])('reads %s', (input, expected) => {
    expect(parseUtcClock(input)).toBe(expected);
  });
});
