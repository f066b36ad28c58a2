/**
 * The only URLs a card may open or a message may link to: https, on hosts where an admin fixes this problem
 * (Microsoft sign-in for admin consent, the Azure/Entra portals, Control Hub, Cisco and Microsoft docs).
 * The diagnosis builds these URLs; this is the last gate, so a bug or a hostile value upstream can never turn
 * a button into a phishing link.
 */
export const ALLOWED_URL_HOSTS: readonly string[] = [
  'login.microsoftonline.com',
  'login.microsoftonline.us',
  'login.chinacloudapi.cn',
  'portal.azure.com',
  'portal.azure.us',
  'portal.azure.cn',
  // The Entra admin center: Microsoft's own successor to the portal's Entra blades, linked by Microsoft Learn.
  'entra.microsoft.com',
  'admin.webex.com',
  'help.webex.com',
  'learn.microsoft.com',
];

const MAX_URL_LENGTH = 2048;

export interface UrlPolicy {
  /**
   * Extra origins to trust, e.g. the configured sign-in authority ("https://login.example.test:8443" for a
   * local stand-in). Each must itself be https; anything else is ignored.
   */
  trustedOrigins?: readonly string[];
}

/** The URL, unchanged, when it may be offered to the user; undefined when it must be dropped. */
export function safeActionUrl(candidate: unknown, policy: UrlPolicy = {}): string | undefined {
  if (typeof candidate !== 'string' || candidate.length === 0 || candidate.length > MAX_URL_LENGTH) return undefined;
  // Whitespace, controls and quotes have no place in a URL we built; the URL parser would silently drop some.
  if (/[\s\p{Cc}"'<>\\]/u.test(candidate)) return undefined;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '') return undefined;
  const hostAllowed = url.port === '' && ALLOWED_URL_HOSTS.includes(url.hostname);
  return hostAllowed || trustedOrigins(policy).has(url.origin) ? candidate : undefined;
}

function trustedOrigins(policy: UrlPolicy): Set<string> {
  const origins = new Set<string>();
  for (const origin of policy.trustedOrigins ?? []) {
    try {
      const url = new URL(origin);
      if (url.protocol === 'https:') origins.add(url.origin);
    } catch {
      // A malformed configured origin trusts nothing.
    }
  }
  return origins;
}

/** A link target for Markdown: characters that would end `(…)` early are percent-encoded. */
export function markdownLinkTarget(url: string): string {
  return url.replace(/[()]/g, (c) => (c === '(' ? '%28' : '%29'));
}
