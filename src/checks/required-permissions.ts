export type GrantForm = 'delegated' | 'application';

export interface RequiredPermission {
  /** The permission's value as Graph names it, e.g. "Group.Read.All". */
  name: string;
  /** How it can be granted. Several share names with delegated twins; only the forms Graph defines are listed. */
  forms: GrantForm[];
  /** Graph's well-known id for the form Cisco's consent screen requests, used when Graph's SP cannot be read. */
  knownId: string;
}

/**
 * Every permission Cisco's admin-consent screen lists for Cisco Webex Identity Integration, in the screen's order.
 * Ids are Graph's, identical in every tenant of the worldwide cloud.
 */
export const REQUIRED_PERMISSIONS: readonly RequiredPermission[] = [
  { name: 'User.Read', forms: ['delegated'], knownId: 'e1fe6dd8-ba31-4d61-89e7-88639da4683d' },
  { name: 'Group.Read.All', forms: ['application', 'delegated'], knownId: '5b567255-7703-4780-807c-7be8301ae99b' },
  { name: 'Place.Read.All', forms: ['application', 'delegated'], knownId: '913b9306-0ce1-42b8-9137-6a7df690a760' },
  { name: 'User.Read.All', forms: ['application', 'delegated'], knownId: 'df021288-bdef-4463-88db-98f22de89214' },
  { name: 'AuditLog.Read.All', forms: ['application', 'delegated'], knownId: 'b0afded3-3588-46d8-8b3d-9842eff778da' },
  { name: 'Application.ReadWrite.OwnedBy', forms: ['application'], knownId: '18a4783c-866b-4cc7-a460-3d5e5662c884' },
  { name: 'GroupMember.Read.All', forms: ['application', 'delegated'], knownId: '98830695-27a2-44f7-8c18-0c3ebc9698f6' },
  { name: 'Domain.Read.All', forms: ['application', 'delegated'], knownId: 'dbb9058a-0e50-45d7-ae91-66909b5d4664' },
];

/** App role id → permission name, from the known ids (only the application forms). */
export const KNOWN_APP_ROLE_NAMES: ReadonlyMap<string, string> = new Map(
  REQUIRED_PERMISSIONS.filter((p) => p.forms[0] === 'application').map((p) => [p.knownId, p.name]),
);
