/**
 * Graph's deleted items, audit logs and subscribed SKUs over a fake tenant, with Entra's clocks: deleted items
 * are purged after 30 days and audit records disappear after the tenant's retention (7 or 30 days).
 */
import { restoreDeletedServicePrincipal } from '../mutations.js';
import type { FakeDeletedServicePrincipal, FakeTenant } from '../model.js';
import { type GraphAnswer, type GraphCall, graphError, metadataUrl, ok } from './answers.js';
import { collectionAnswer, entityAnswer } from './collection.js';

const DAY_MS = 86_400_000;
export const DELETED_ITEMS_RETENTION_DAYS = 30;

export function visibleDeletedItems(tenant: FakeTenant, now: Date): FakeDeletedServicePrincipal[] {
  const cutoff = now.getTime() - DELETED_ITEMS_RETENTION_DAYS * DAY_MS;
  return tenant.deletedServicePrincipals.filter((d) => Date.parse(d.servicePrincipal.deletedDateTime) >= cutoff);
}

export function listDeletedServicePrincipals(call: GraphCall): GraphAnswer {
  return collectionAnswer(call, {
    context: 'directory/deletedItems/microsoft.graph.servicePrincipal',
    entityType: 'microsoft.graph.servicePrincipal',
    items: visibleDeletedItems(call.tenant, call.now).map((d) => d.servicePrincipal),
    filterable: ['id', 'appId', 'displayName'],
  });
}

/** Without the type cast Graph refuses to list deleted items. */
export function listDeletedItemsWithoutCast(call: GraphCall): GraphAnswer {
  return graphError(call, 400, 'Request_UnsupportedQuery', 'Searches against this resource are not supported. Only specific instances can be queried.');
}

export function deletedItemById(call: GraphCall, id: string): GraphAnswer {
  const item = visibleDeletedItems(call.tenant, call.now).find((d) => d.servicePrincipal.id.toLowerCase() === id.toLowerCase());
  if (item === undefined) {
    return graphError(call, 404, 'Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);
  }
  return entityAnswer(call, 'directory/deletedItems', { '@odata.type': '#microsoft.graph.servicePrincipal', ...item.servicePrincipal });
}

export function restoreDeletedItem(call: GraphCall, id: string): GraphAnswer {
  const visible = visibleDeletedItems(call.tenant, call.now).some((d) => d.servicePrincipal.id.toLowerCase() === id.toLowerCase());
  const restored = visible ? restoreDeletedServicePrincipal(call.tenant, id.toLowerCase(), call.now) : undefined;
  if (restored === undefined) {
    return graphError(call, 404, 'Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);
  }
  return ok({ '@odata.context': metadataUrl(call, 'directoryObjects/$entity'), '@odata.type': '#microsoft.graph.servicePrincipal', ...restored });
}

export function listDirectoryAudits(call: GraphCall): GraphAnswer {
  const cutoff = call.now.getTime() - call.tenant.retentionDays * DAY_MS;
  return collectionAnswer(call, {
    context: 'auditLogs/directoryAudits',
    entityType: 'microsoft.graph.directoryAudit',
    items: call.tenant.directoryAudits.filter((a) => Date.parse(a.activityDateTime) >= cutoff),
    filterable: [
      'activityDisplayName',
      'activityDateTime',
      'category',
      'correlationId',
      'loggedByService',
      'result',
      'initiatedBy/user/id',
      'initiatedBy/user/displayName',
      'initiatedBy/user/userPrincipalName',
      'initiatedBy/app/appId',
      'initiatedBy/app/displayName',
      'targetResources/id',
      'targetResources/displayName',
      'targetResources/type',
    ],
    orderable: [{ property: 'activityDateTime', defaultDirection: 'desc' }],
  });
}

const ENTRA_P1 = { servicePlanName: 'AAD_PREMIUM', servicePlanId: '41781fb2-bc02-4b7c-bd55-b576c07bb09d', skuPartNumber: 'AAD_PREMIUM', skuId: '078d2b04-f1bd-4111-bbd4-b4b1b354cef4' };
const M365_STANDARD = { servicePlanName: 'EXCHANGE_S_STANDARD', servicePlanId: '9aaf7827-d63c-4b61-89c3-182f06f82e5c', skuPartNumber: 'O365_BUSINESS_PREMIUM', skuId: 'f245ecc8-75af-4f8e-b61f-27d8114de5f3' };

/** Licences consistent with the audit retention: 30 days needs Entra ID P1/P2, Free keeps 7. */
export function listSubscribedSkus(call: GraphCall): GraphAnswer {
  const skus = call.tenant.retentionDays === 30 ? [M365_STANDARD, ENTRA_P1] : [M365_STANDARD];
  return ok({
    '@odata.context': metadataUrl(call, 'subscribedSkus'),
    value: skus.map((s) => ({
      id: `${call.tenant.tenantId}_${s.skuId}`,
      skuId: s.skuId,
      skuPartNumber: s.skuPartNumber,
      appliesTo: 'User',
      capabilityStatus: 'Enabled',
      consumedUnits: 12,
      prepaidUnits: { enabled: 25, suspended: 0, warning: 0 },
      servicePlans: [{ servicePlanId: s.servicePlanId, servicePlanName: s.servicePlanName, provisioningStatus: 'Success', appliesTo: 'User' }],
    })),
  });
}
