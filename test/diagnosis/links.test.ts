import { describe, expect, it } from 'vitest';
import { adminConsentUrl, aadstsLookupUrl, enterpriseAppsUrl, portalBase, tenantSegment } from '../../src/diagnosis/links.js';

describe('links', () => {
  it('admin consent: tenant-scoped, "common" only when the tenant is unknown', () => {
    expect(adminConsentUrl('https://login.microsoftonline.com/', 'C8F3A6E2-1B47-4D5A-9E0F-2A6B7C8D9E01')).toBe(
      'https://login.microsoftonline.com/c8f3a6e2-1b47-4d5a-9e0f-2a6b7c8d9e01/adminconsent?client_id=90db942a-c1eb-4e8d-82e4-eebf64a7e2ae',
    );
    expect(adminConsentUrl('https://login.microsoftonline.com', undefined)).toBe(
      'https://login.microsoftonline.com/common/adminconsent?client_id=90db942a-c1eb-4e8d-82e4-eebf64a7e2ae',
    );
  });

  it('accepts a verified domain as the tenant, and nothing that could change the URL', () => {
    expect(tenantSegment('contoso.onmicrosoft.com')).toBe('contoso.onmicrosoft.com');
    for (const hostile of ['contoso.com/x', 'a?b=c', 'x#y', '../common', 'evil.com@other', ' ', '']) expect(tenantSegment(hostile)).toBe('common');
  });

  it('the portal follows the sign-in cloud unless given', () => {
    expect(portalBase('https://login.microsoftonline.com', undefined)).toBe('https://portal.azure.com');
    expect(portalBase('https://login.microsoftonline.us', undefined)).toBe('https://portal.azure.us');
    expect(portalBase('https://login.chinacloudapi.cn', undefined)).toBe('https://portal.azure.cn');
    expect(portalBase('https://login.microsoftonline.com', 'https://entra.microsoft.com/')).toBe('https://entra.microsoft.com');
    expect(enterpriseAppsUrl('https://portal.azure.com', undefined)).toBe(
      'https://portal.azure.com/#view/Microsoft_AAD_IAM/StartboardApplicationsMenuBlade/~/AppAppsPreview',
    );
  });

  it("Microsoft's per-code lookup page", () => {
    expect(aadstsLookupUrl('https://login.microsoftonline.com/', '50105')).toBe('https://login.microsoftonline.com/error?code=50105');
  });
});
