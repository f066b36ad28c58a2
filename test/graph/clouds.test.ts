import { describe, expect, it } from 'vitest';
import { isKnownMicrosoftAuthority, resolveCloud } from '../../src/graph/index.js';

describe('clouds', () => {
  it('knows the national clouds', () => {
    expect(resolveCloud({})).toEqual({ cloud: 'worldwide', authorityHost: 'https://login.microsoftonline.com', graphBaseUrl: 'https://graph.microsoft.com' });
    expect(resolveCloud({ cloud: 'usgov' })).toMatchObject({ authorityHost: 'https://login.microsoftonline.us', graphBaseUrl: 'https://graph.microsoft.us' });
    expect(resolveCloud({ cloud: 'usgov-dod' })).toMatchObject({ authorityHost: 'https://login.microsoftonline.us', graphBaseUrl: 'https://dod-graph.microsoft.us' });
    expect(resolveCloud({ cloud: 'china' })).toMatchObject({ authorityHost: 'https://login.chinacloudapi.cn', graphBaseUrl: 'https://microsoftgraph.chinacloudapi.cn' });
  });

  it('takes any https origin as an override, normalised, and refuses anything else', () => {
    expect(resolveCloud({ cloud: 'china', graphBaseUrl: 'https://127.0.0.1:8443/' })).toMatchObject({
      authorityHost: 'https://login.chinacloudapi.cn',
      graphBaseUrl: 'https://127.0.0.1:8443',
    });
    expect(() => resolveCloud({ authorityHost: 'http://127.0.0.1:8443' })).toThrow(/https/);
    expect(() => resolveCloud({ graphBaseUrl: 'https://graph.example/v1.0' })).toThrow(/without a path/);
    expect(() => resolveCloud({ graphBaseUrl: 'not a url' })).toThrow(/not a URL/);
  });

  it('skips instance discovery only for hosts Microsoft does not list', () => {
    expect(isKnownMicrosoftAuthority('https://login.microsoftonline.us')).toBe(true);
    expect(isKnownMicrosoftAuthority('https://127.0.0.1:8443')).toBe(false);
  });
});
