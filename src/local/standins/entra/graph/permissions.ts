/**
 * Which Graph application permissions let a caller use each kind of endpoint (any one suffices), and the 403
 * Graph answers otherwise: Authorization_RequestDenied for directory reads, and for audit logs
 * Authentication_MSGraphPermissionMissing naming the permission.
 */
import { type GraphAnswer, type GraphCall, graphError } from './answers.js';

export type EndpointKind = 'directoryRead' | 'grantsRead' | 'synchronizationRead' | 'auditRead' | 'organizationRead' | 'applicationWrite';

const ACCEPTED: Record<EndpointKind, readonly string[]> = {
  directoryRead: ['Application.Read.All', 'Application.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
  grantsRead: ['Directory.Read.All', 'Directory.ReadWrite.All', 'Application.Read.All', 'Application.ReadWrite.All'],
  synchronizationRead: ['Synchronization.Read.All', 'Synchronization.ReadWrite.All'],
  auditRead: ['AuditLog.Read.All'],
  organizationRead: ['Organization.Read.All', 'Organization.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
  applicationWrite: ['Application.ReadWrite.All', 'Directory.ReadWrite.All'],
};

/** undefined when allowed, else Graph's 403. */
export function denyUnlessPermitted(call: GraphCall, kind: EndpointKind): GraphAnswer | undefined {
  if (ACCEPTED[kind].some((permission) => call.roles.includes(permission))) return undefined;
  if (kind === 'auditRead') {
    return graphError(call, 403, 'Authentication_MSGraphPermissionMissing', 'Calling principal does not have required MSGraph permissions AuditLog.Read.All');
  }
  return graphError(call, 403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
}
