import { INTEGRATION_APP_ID } from '../checks/constants.js';

/** Where Control Hub's Azure AD wizard lives (Management > Organization Settings). */
export const CONTROL_HUB_SETTINGS_URL = 'https://admin.webex.com/settings';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOMAIN = /^(?=.{3,253}$)[a-z0-9-]+(\.[a-z0-9-]+)+$/i;

/**
 * The tenant segment of a Microsoft URL: a GUID or a verified domain, else `common`. Anything else (a value that
 * came from a paste) never reaches a URL.
 */
export function tenantSegment(tenantId: string | undefined): string {
  if (tenantId === undefined) return 'common';
  const trimmed = tenantId.trim();
  return GUID.test(trimmed) || DOMAIN.test(trimmed) ? trimmed.toLowerCase() : 'common';
}

function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

/** Tenant-wide admin consent for Cisco Webex Identity Integration, scoped to the tenant when it is known. */
export function adminConsentUrl(loginHost: string, tenantId: string | undefined): string {
  return `${withoutTrailingSlash(loginHost)}/${tenantSegment(tenantId)}/adminconsent?client_id=${INTEGRATION_APP_ID}`;
}

/** The Azure portal matching the sign-in cloud, unless the caller names one. */
export function portalBase(loginHost: string, portalHost: string | undefined): string {
  if (portalHost !== undefined) return withoutTrailingSlash(portalHost);
  const host = loginHost.toLowerCase();
  if (host.includes('login.microsoftonline.us')) return 'https://portal.azure.us';
  if (host.includes('login.chinacloudapi.cn') || host.includes('login.partner.microsoftonline.cn')) return 'https://portal.azure.cn';
  return 'https://portal.azure.com';
}

/** Portal links carry the tenant so a partner admin lands in the customer's directory, not their own. */
function portalRoot(portal: string, tenantId: string | undefined): string {
  const tenant = tenantSegment(tenantId);
  return tenant === 'common' ? portal : `${portal}/${tenant}`;
}

export function enterpriseAppsUrl(portal: string, tenantId: string | undefined): string {
  return `${portalRoot(portal, tenantId)}/#view/Microsoft_AAD_IAM/StartboardApplicationsMenuBlade/~/AppAppsPreview`;
}

export function enterpriseAppUrl(portal: string, tenantId: string | undefined, servicePrincipalId: string, appId: string): string {
  const id = encodeURIComponent(servicePrincipalId);
  return `${portalRoot(portal, tenantId)}/#view/Microsoft_AAD_IAM/ManagedAppMenuBlade/~/Overview/objectId/${id}/appId/${encodeURIComponent(appId)}`;
}

/** Microsoft's own page for one sign-in error code, on the same cloud's login host. */
export function aadstsLookupUrl(loginHost: string, code: string): string {
  return `${withoutTrailingSlash(loginHost)}/error?code=${encodeURIComponent(code)}`;
}
