import { randomUUID } from 'node:crypto';
import { guidFrom } from './ids.js';
import type { FakeDirectoryAudit, FakeTenant } from './model.js';

export interface AuditActor {
  userPrincipalName: string;
  id: string;
  displayName: string;
}

export interface AuditTarget {
  id: string;
  displayName: string;
  type: 'ServicePrincipal' | 'Application' | 'User' | 'Other';
  modifiedProperties?: { displayName: string; oldValue: string | null; newValue: string | null }[];
}

export interface AuditInput {
  activity: string;
  at: string;
  by: AuditActor;
  targets: AuditTarget[];
  category?: string;
  operationType?: FakeDirectoryAudit['operationType'];
  loggedByService?: string;
  /** Seed for a stable id; records made at run time (consent in the demo) get a random one. */
  seed?: string;
}

/** The tenant's Global Administrator, the usual actor of the records the scenarios plant. */
export function tenantAdmin(tenant: Pick<FakeTenant, 'tenantId' | 'defaultDomain'>): AuditActor {
  return {
    userPrincipalName: `admin@${tenant.defaultDomain}`,
    id: guidFrom(`${tenant.tenantId}:user:admin`),
    displayName: 'Tenant Administrator',
  };
}

/** A directoryAudit shaped like Graph's (ids look like "Directory_<correlation>_<code>_<number>"). */
export function auditRecord(input: AuditInput): FakeDirectoryAudit {
  const correlationId = input.seed === undefined ? randomUUID() : guidFrom(`${input.seed}:correlation`);
  const suffix = (input.seed === undefined ? randomUUID() : guidFrom(input.seed)).replace(/-/g, '').toUpperCase();
  return {
    id: `Directory_${correlationId}_${suffix.slice(0, 5)}_${parseInt(suffix.slice(5, 13), 16)}`,
    category: input.category ?? 'ApplicationManagement',
    correlationId,
    result: 'success',
    resultReason: '',
    activityDisplayName: input.activity,
    activityDateTime: input.at,
    loggedByService: input.loggedByService ?? 'Core Directory',
    operationType: input.operationType ?? 'Other',
    initiatedBy: {
      user: { id: input.by.id, displayName: input.by.displayName, userPrincipalName: input.by.userPrincipalName },
      app: null,
    },
    targetResources: input.targets.map((t) => ({
      id: t.id,
      displayName: t.displayName,
      type: t.type,
      modifiedProperties: t.modifiedProperties ?? [],
    })),
    additionalDetails: [],
  };
}

/** Graph writes modified property values as JSON text, e.g. "[\"b0afded3-…\"]". */
export function jsonValue(value: unknown): string {
  return JSON.stringify(value);
}
