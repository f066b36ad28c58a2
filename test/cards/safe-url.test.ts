import { describe, expect, it } from 'vitest';
import { ALLOWED_URL_HOSTS, markdownLinkTarget, safeActionUrl } from '../../src/cards/safe-url.js';

const CONSENT = 'https://login.microsoftonline.com/7c1d3a52-94f1-4b6e-8e0d-2a5f6c9b1e37/adminconsent?client_id=90db942a-c1eb-4e8d-82e4-eebf64a7e2ae';

describe('safeActionUrl', () => {
  it('passes https URLs on every allowed host, unchanged', () => {
    expect(safeActionUrl(CONSENT)).toBe(CONSENT);
    for (const host of ALLOWED_URL_HOSTS) expect(safeActionUrl(`https://${host}/x?y=1#z`), host).toBe(`https://${host}/x?y=1#z`);
    const portal = 'https://portal.azure.com/c8f3a6e2-1b47-4d5a-9e0f-2a6b7c8d9e01/#view/Microsoft_AAD_IAM/StartboardApplicationsMenuBlade/~/AppAppsPreview';
    expect(safeActionUrl(portal)).toBe(portal);
  });

  it.each([
    ['plain http', 'http://login.microsoftonline.com/common/adminconsent'],
    ['another host', 'https://evil.example/login.microsoftonline.com'],
    ['a look-alike suffix', 'https://admin.webex.com.evil.example/'],
    ['a look-alike prefix', 'https://evil-login.microsoftonline.com.example/'],
    ['credentials in the URL', 'https://user:pw@login.microsoftonline.com/'],
    ['an explicit port', 'https://login.microsoftonline.com:8443/'],
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['whitespace', 'https://login.microsoftonline.com/a b'],
    ['a quote', 'https://login.microsoftonline.com/"onmouseover'],
    ['a relative path', '/adminconsent'],
    ['an empty string', ''],
    ['not a string', 42],
    ['an absurd length', `https://learn.microsoft.com/${'a'.repeat(3000)}`],
  ])('drops %s', (_why, url) => {
    expect(safeActionUrl(url)).toBeUndefined();
  });

  it('trusts a configured https origin (a local sign-in stand-in), port included', () => {
    const local = 'https://127.0.0.1:8443/tenant/adminconsent?client_id=x';
    expect(safeActionUrl(local)).toBeUndefined();
    expect(safeActionUrl(local, { trustedOrigins: ['https://127.0.0.1:8443'] })).toBe(local);
    expect(safeActionUrl(local, { trustedOrigins: ['https://127.0.0.1:9999'] })).toBeUndefined();
    expect(safeActionUrl('http://127.0.0.1:8443/x', { trustedOrigins: ['http://127.0.0.1:8443'] })).toBeUndefined();
    expect(safeActionUrl(local, { trustedOrigins: ['not a url'] })).toBeUndefined();
  });
});

describe('markdownLinkTarget', () => {
  it('encodes parentheses so the link cannot end early', () => {
    expect(markdownLinkTarget('https://learn.microsoft.com/a_(b)')).toBe('https://learn.microsoft.com/a_%28b%29');
  });
});
