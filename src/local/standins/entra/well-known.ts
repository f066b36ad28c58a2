/**
 * Ids that are the same in every Entra tenant: Microsoft's and Cisco's app ids and Microsoft Graph's
 * permission ids (checked against Microsoft's permissions reference, see shared/FACTS.md).
 */
import type { FakeAppRole, FakePermissionScope } from './model.js';

export const MICROSOFT_GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
/** Microsoft's first-party services tenant: the appOwnerOrganizationId of Microsoft Graph's service principal. */
export const MICROSOFT_SERVICES_TENANT_ID = 'f8cdef31-a31e-4b4a-93e4-5f571e91255a';

export const INTEGRATION_APP_ID = '90db942a-c1eb-4e8d-82e4-eebf64a7e2ae';
export const INTEGRATION_APP_NAME = 'Cisco Webex Identity Integration';
export const PROVISIONING_APP_NAME = 'Cisco Webex Identity';
/** Stand-in value for Cisco's home tenant (the real one is not needed to exercise the bot). */
export const FAKE_CISCO_HOME_TENANT_ID = '3f0ca3c6-2a1c-4b5e-9d7a-0c1e6b8f2a91';

/** Application permissions (app roles) of Microsoft Graph used by the Webex apps and by the bot. */
export const GRAPH_APP_ROLE_IDS = {
  'Application.Read.All': '9a5d68dd-52b0-4cc2-bd40-abcf44ac3a30',
  'Application.ReadWrite.All': '1bfefb4e-e0b5-418b-a88f-73c46d2cc8e9',
  'Application.ReadWrite.OwnedBy': '18a4783c-866b-4cc7-a460-3d5e5662c884',
  'AuditLog.Read.All': 'b0afded3-3588-46d8-8b3d-9842eff778da',
  'Directory.Read.All': '7ab1d382-f21e-4acd-a863-ba3e13f7da61',
  'Directory.ReadWrite.All': '19dbc75e-c2e2-444c-a770-ec69d8559fc7',
  'Domain.Read.All': 'dbb9058a-0e50-45d7-ae91-66909b5d4664',
  'Group.Read.All': '5b567255-7703-4780-807c-7be8301ae99b',
  'GroupMember.Read.All': '98830695-27a2-44f7-8c18-0c3ebc9698f6',
  'Organization.Read.All': '498476ce-e0fe-48b0-b801-37ba7e2685c6',
  'Place.Read.All': '913b9306-0ce1-42b8-9137-6a7df690a760',
  'Synchronization.Read.All': '5ba43d2f-fa88-4db2-bd1c-a67c5f0fb1ce',
  'Synchronization.ReadWrite.All': '9b50c33d-700f-43b1-b2eb-87e89b703581',
  'User.Read.All': 'df021288-bdef-4463-88db-98f22de89214',
} as const;
export type GraphAppRoleValue = keyof typeof GRAPH_APP_ROLE_IDS;

/** Delegated permissions (scopes); several share their value with an app role above but have other ids. */
export const GRAPH_SCOPE_IDS = {
  'Application.Read.All': 'c79f8feb-a9db-4090-85f9-90d820caa0eb',
  'AuditLog.Read.All': 'e4c9e354-4dc5-45b8-9e7c-e1393b0b1a20',
  'Directory.Read.All': '06da0dbc-49e2-44d2-8312-53f166ab848a',
  'Domain.Read.All': '2f9ee017-59c1-4f1d-9472-bd5529a7b311',
  'Group.Read.All': '5f8c59db-677d-491f-a6b8-5f174b11ec1d',
  'GroupMember.Read.All': 'bc024368-1153-4739-b217-4326f2e966d0',
  'Place.Read.All': 'cb8f45a0-5c2e-4ea1-b803-84b870a7d7ec',
  'Synchronization.Read.All': '7aa02aeb-824f-4fbe-a3f7-611f751f5b55',
  'User.Read': 'e1fe6dd8-ba31-4d61-89e7-88639da4683d',
  'User.Read.All': 'a154be20-db9c-4678-8ab7-66f6cc099a59',
} as const;

/** What an admin consents to for Cisco Webex Identity Integration (Cisco's consent screen). */
export const INTEGRATION_DELEGATED_SCOPES = ['User.Read'] as const;
export const INTEGRATION_APP_ROLES: readonly GraphAppRoleValue[] = [
  'Group.Read.All',
  'Place.Read.All',
  'User.Read.All',
  'AuditLog.Read.All',
  'Application.ReadWrite.OwnedBy',
  'GroupMember.Read.All',
  'Domain.Read.All',
];

/** Least privilege for the bot itself (FACTS.md). */
export const BOT_PERMISSIONS: readonly GraphAppRoleValue[] = [
  'Application.Read.All',
  'Directory.Read.All',
  'AuditLog.Read.All',
  'Synchronization.Read.All',
];

export function graphAppRoles(): FakeAppRole[] {
  return Object.entries(GRAPH_APP_ROLE_IDS).map(([value, id]) => ({
    id,
    value,
    displayName: `${value} (application)`,
    description: `Allows the app to use ${value} without a signed-in user.`,
    allowedMemberTypes: ['Application'],
    isEnabled: true,
    origin: 'Application',
  }));
}

export function graphPermissionScopes(): FakePermissionScope[] {
  return Object.entries(GRAPH_SCOPE_IDS).map(([value, id]) => ({
    id,
    value,
    type: value === 'User.Read' ? 'User' : 'Admin',
    adminConsentDisplayName: `${value} (delegated)`,
    adminConsentDescription: `Allows the app to use ${value} on behalf of the signed-in user.`,
    isEnabled: true,
  }));
}
