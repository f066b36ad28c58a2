/**
 * Microsoft's national clouds: where to sign in and where Graph lives. Either URL can be overridden with any
 * HTTPS origin (the local stand-in, a proxy) and nothing else needs to change.
 */

export type CloudName = 'worldwide' | 'usgov' | 'usgov-dod' | 'china';

export interface CloudEndpoints {
  cloud: CloudName;
  /** e.g. https://login.microsoftonline.com (no trailing slash). */
  authorityHost: string;
  /** e.g. https://graph.microsoft.com (no trailing slash, no version). */
  graphBaseUrl: string;
}

const CLOUDS: Record<CloudName, Omit<CloudEndpoints, 'cloud'>> = {
  worldwide: { authorityHost: 'https://login.microsoftonline.com', graphBaseUrl: 'https://graph.microsoft.com' },
  // GCC High and DoD sign in at the same US Government authority; their Graph hosts differ.
  usgov: { authorityHost: 'https://login.microsoftonline.us', graphBaseUrl: 'https://graph.microsoft.us' },
  'usgov-dod': { authorityHost: 'https://login.microsoftonline.us', graphBaseUrl: 'https://dod-graph.microsoft.us' },
  china: { authorityHost: 'https://login.chinacloudapi.cn', graphBaseUrl: 'https://microsoftgraph.chinacloudapi.cn' },
};

export const CLOUD_NAMES = Object.keys(CLOUDS) as CloudName[];

const KNOWN_AUTHORITY_HOSTS = new Set(Object.values(CLOUDS).map((c) => new URL(c.authorityHost).host));

function normalizeOrigin(value: string, what: string): string {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new Error(`${what} is not a URL: ${value}`);
  }
  if (parsed.protocol !== 'https:') throw new Error(`${what} must use https: ${value}`);
  if (parsed.pathname !== '/' || parsed.search !== '' || parsed.hash !== '') {
    throw new Error(`${what} must be an origin without a path: ${value}`);
  }
  return parsed.origin;
}

export function resolveCloud(options: { cloud?: CloudName; authorityHost?: string; graphBaseUrl?: string }): CloudEndpoints {
  const cloud = options.cloud ?? 'worldwide';
  const defaults = CLOUDS[cloud];
  return {
    cloud,
    authorityHost: normalizeOrigin(options.authorityHost ?? defaults.authorityHost, 'authorityHost'),
    graphBaseUrl: normalizeOrigin(options.graphBaseUrl ?? defaults.graphBaseUrl, 'graphBaseUrl'),
  };
}

/** Microsoft's own authorities support instance discovery; any other host (stand-in, proxy) must skip it. */
export function isKnownMicrosoftAuthority(authorityHost: string): boolean {
  return KNOWN_AUTHORITY_HOSTS.has(new URL(authorityHost).host);
}
