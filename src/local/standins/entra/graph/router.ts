/**
 * The Graph v1.0 paths the stand-in serves, each with the permissions it needs. Unknown paths get Graph's
 * "Resource not found for the segment" 400; a known path with another method gets 405.
 */
import { type GraphAnswer, type GraphCall, graphError } from './answers.js';
import {
  deletedItemById,
  listDeletedItemsWithoutCast,
  listDeletedServicePrincipals,
  listDirectoryAudits,
  listSubscribedSkus,
  restoreDeletedItem,
} from './directory.js';
import { type EndpointKind, denyUnlessPermitted } from './permissions.js';
import {
  appRoleAssignmentsOf,
  grantsOfServicePrincipal,
  listGrants,
  listServicePrincipals,
  ownedObjectsOf,
  servicePrincipalByAppId,
  servicePrincipalById,
  synchronizationJobsOf,
} from './service-principals.js';

interface Route {
  method: 'GET' | 'POST';
  pattern: RegExp;
  needs: EndpointKind;
  handle(call: GraphCall, id: string): GraphAnswer;
}

const ID = "([^/()']+)";
const ROUTES: Route[] = [
  { method: 'GET', pattern: /^\/servicePrincipals$/i, needs: 'directoryRead', handle: listServicePrincipals },
  { method: 'GET', pattern: new RegExp(`^/servicePrincipals\\(appId='${ID}'\\)$`, 'i'), needs: 'directoryRead', handle: servicePrincipalByAppId },
  { method: 'GET', pattern: new RegExp(`^/servicePrincipals/${ID}$`, 'i'), needs: 'directoryRead', handle: servicePrincipalById },
  { method: 'GET', pattern: new RegExp(`^/servicePrincipals/${ID}/oauth2PermissionGrants$`, 'i'), needs: 'grantsRead', handle: grantsOfServicePrincipal },
  { method: 'GET', pattern: new RegExp(`^/servicePrincipals/${ID}/appRoleAssignments$`, 'i'), needs: 'directoryRead', handle: appRoleAssignmentsOf },
  { method: 'GET', pattern: new RegExp(`^/servicePrincipals/${ID}/ownedObjects$`, 'i'), needs: 'directoryRead', handle: ownedObjectsOf },
  { method: 'GET', pattern: new RegExp(`^/servicePrincipals/${ID}/synchronization/jobs$`, 'i'), needs: 'synchronizationRead', handle: synchronizationJobsOf },
  { method: 'GET', pattern: /^\/oauth2PermissionGrants$/i, needs: 'grantsRead', handle: listGrants },
  { method: 'GET', pattern: /^\/auditLogs\/directoryAudits$/i, needs: 'auditRead', handle: listDirectoryAudits },
  { method: 'GET', pattern: /^\/directory\/deletedItems\/microsoft\.graph\.servicePrincipal$/i, needs: 'directoryRead', handle: listDeletedServicePrincipals },
  { method: 'GET', pattern: /^\/directory\/deletedItems$/i, needs: 'directoryRead', handle: listDeletedItemsWithoutCast },
  { method: 'GET', pattern: new RegExp(`^/directory/deletedItems/${ID}$`, 'i'), needs: 'directoryRead', handle: deletedItemById },
  { method: 'POST', pattern: new RegExp(`^/directory/deletedItems/${ID}/restore$`, 'i'), needs: 'applicationWrite', handle: restoreDeletedItem },
  { method: 'GET', pattern: /^\/subscribedSkus$/i, needs: 'organizationRead', handle: listSubscribedSkus },
];

export function routeGraphCall(call: GraphCall): GraphAnswer {
  const path = call.path.replace(/\/+$/, '');
  const matching = ROUTES.filter((r) => r.pattern.test(path));
  if (matching.length === 0) {
    const segment = path.split('/').filter(Boolean).at(-1) ?? '';
    return graphError(call, 400, 'BadRequest', `Resource not found for the segment '${segment}'.`);
  }
  const route = matching.find((r) => r.method === call.method);
  if (route === undefined) {
    return graphError(call, 405, 'Request_BadRequest', `The HTTP method '${call.method}' is not allowed for this resource.`);
  }
  const denied = denyUnlessPermitted(call, route.needs);
  if (denied !== undefined) return denied;
  const id = route.pattern.exec(path)?.[1] ?? '';
  return route.handle(call, id);
}
