/** Graph's servicePrincipals and oauth2PermissionGrants endpoints over a fake tenant. */
import type { FakeServicePrincipal } from '../model.js';
import { type GraphAnswer, type GraphCall, graphError } from './answers.js';
import { collectionAnswer, entityAnswer } from './collection.js';

const SP_FILTERABLE = ['id', 'appId', 'displayName', 'accountEnabled', 'servicePrincipalType', 'appOwnerOrganizationId', 'tags'];
const GRANT_FILTERABLE = ['id', 'clientId', 'consentType', 'principalId', 'resourceId'];

function notFound(call: GraphCall, id: string): GraphAnswer {
  return graphError(call, 404, 'Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);
}

function findSp(call: GraphCall, id: string): FakeServicePrincipal | undefined {
  return call.tenant.servicePrincipals.find((sp) => sp.id.toLowerCase() === id.toLowerCase());
}

export function listServicePrincipals(call: GraphCall): GraphAnswer {
  return collectionAnswer(call, {
    context: 'servicePrincipals',
    entityType: 'microsoft.graph.servicePrincipal',
    items: call.tenant.servicePrincipals,
    filterable: SP_FILTERABLE,
  });
}

export function servicePrincipalByAppId(call: GraphCall, appId: string): GraphAnswer {
  const sp = call.tenant.servicePrincipals.find((s) => s.appId.toLowerCase() === appId.toLowerCase());
  if (sp === undefined) {
    return graphError(call, 404, 'Request_ResourceNotFound', `Resource with identifier 'appId' and value '${appId}' does not exist or one of its queried reference-property objects are not present.`);
  }
  return entityAnswer(call, 'servicePrincipals', sp);
}

export function servicePrincipalById(call: GraphCall, id: string): GraphAnswer {
  const sp = findSp(call, id);
  return sp === undefined ? notFound(call, id) : entityAnswer(call, 'servicePrincipals', sp);
}

export function grantsOfServicePrincipal(call: GraphCall, id: string): GraphAnswer {
  const sp = findSp(call, id);
  if (sp === undefined) return notFound(call, id);
  return collectionAnswer(call, {
    context: 'oauth2PermissionGrants',
    entityType: 'microsoft.graph.oAuth2PermissionGrant',
    items: call.tenant.oauth2PermissionGrants.filter((g) => g.clientId === sp.id),
    filterable: GRANT_FILTERABLE,
  });
}

export function listGrants(call: GraphCall): GraphAnswer {
  return collectionAnswer(call, {
    context: 'oauth2PermissionGrants',
    entityType: 'microsoft.graph.oAuth2PermissionGrant',
    items: call.tenant.oauth2PermissionGrants,
    filterable: GRANT_FILTERABLE,
  });
}

export function appRoleAssignmentsOf(call: GraphCall, id: string): GraphAnswer {
  const sp = findSp(call, id);
  if (sp === undefined) return notFound(call, id);
  return collectionAnswer(call, {
    context: `servicePrincipals('${sp.id}')/appRoleAssignments`,
    entityType: 'microsoft.graph.appRoleAssignment',
    items: call.tenant.appRoleAssignments.filter((a) => a.principalId === sp.id),
    filterable: ['id', 'appRoleId', 'resourceId', 'principalId'],
  });
}

export function ownedObjectsOf(call: GraphCall, id: string): GraphAnswer {
  const sp = findSp(call, id);
  if (sp === undefined) return notFound(call, id);
  const ownedIds = new Set(call.tenant.ownerships.filter((o) => o.ownerId === sp.id).map((o) => o.objectId));
  const owned: (object & { '@odata.type': string })[] = [
    ...call.tenant.applications.filter((a) => ownedIds.has(a.id)).map((a) => ({ '@odata.type': '#microsoft.graph.application', ...a })),
    ...call.tenant.servicePrincipals.filter((s) => ownedIds.has(s.id)).map((s) => ({ '@odata.type': '#microsoft.graph.servicePrincipal', ...s })),
  ];
  return collectionAnswer(call, {
    context: 'directoryObjects',
    entityType: 'microsoft.graph.directoryObject',
    items: owned,
    filterable: ['id'],
  });
}

export function synchronizationJobsOf(call: GraphCall, id: string): GraphAnswer {
  const sp = findSp(call, id);
  if (sp === undefined) return notFound(call, id);
  return collectionAnswer(call, {
    context: `servicePrincipals('${sp.id}')/synchronization/jobs`,
    entityType: 'microsoft.graph.synchronizationJob',
    items: call.tenant.synchronizationJobs.filter((j) => j.servicePrincipalId === sp.id).map((j) => j.job),
    filterable: [],
  });
}
