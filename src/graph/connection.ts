/**
 * A connection to one tenant's Graph: its cloud endpoints, its credential and a Graph client. Build it once
 * and reuse it for every diagnosis of that tenant (one token serves them all). Partners running one bot for
 * many customers keep one connection per tenant in a GraphConnectionPool, each with its own credentials.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import type { FetchProblem } from '../checks/snapshot.js';
import { type CloudEndpoints, type CloudName, resolveCloud } from './clouds.js';
import { type CredentialKind, createCredential } from './credential.js';
import { problemFromThrown } from './errors.js';
import { createGraphClient } from './client.js';
import type { RetryPolicy } from './retry.js';

export interface GraphConnectionOptions {
  tenantId: string;
  clientId: string;
  clientSecret?: string;
  certificatePath?: string;
  useDefaultCredential?: boolean;
  cloud?: CloudName;
  /** Overrides the cloud's authority (any https origin). */
  authorityHost?: string;
  /** Overrides the cloud's Graph origin (any https origin). */
  graphBaseUrl?: string;
  retry?: Partial<RetryPolicy>;
  tokenTimeoutMs?: number;
}

export interface GraphConnection {
  readonly tenantId: string;
  readonly endpoints: CloudEndpoints;
  readonly credentialKind: CredentialKind;
  readonly client: Client;
  /** Classifies anything a Graph call threw; the message never contains this connection's secret. */
  problemOf(error: unknown): FetchProblem;
}

export function createGraphConnection(options: GraphConnectionOptions): GraphConnection {
  const endpoints = resolveCloud(options);
  const { credential, kind } = createCredential({ ...options, authorityHost: endpoints.authorityHost });
  const secrets = options.clientSecret === undefined ? [] : [options.clientSecret];
  return {
    tenantId: options.tenantId,
    endpoints,
    credentialKind: kind,
    client: createGraphClient({ credential, graphBaseUrl: endpoints.graphBaseUrl, retry: options.retry }),
    problemOf: (error) => problemFromThrown(error, secrets),
  };
}

/**
 * Connections keyed by tenant id, created on first use from the caller's per-tenant options (least recently
 * used ones are dropped past `maxSize`). `forget` drops one, e.g. after its credentials changed.
 */
export class GraphConnectionPool {
  private readonly connections = new Map<string, GraphConnection>();

  constructor(
    private readonly optionsFor: (tenantId: string) => GraphConnectionOptions | undefined,
    private readonly maxSize = 500,
  ) {}

  get(tenantId: string): GraphConnection {
    const key = tenantId.toLowerCase();
    const existing = this.connections.get(key);
    if (existing !== undefined) {
      this.connections.delete(key);
      this.connections.set(key, existing);
      return existing;
    }
    const options = this.optionsFor(key);
    if (options === undefined) throw new Error(`No Graph credentials are configured for tenant ${tenantId}.`);
    const connection = createGraphConnection(options);
    this.connections.set(key, connection);
    if (this.connections.size > this.maxSize) {
      const oldest = this.connections.keys().next().value;
      if (oldest !== undefined) this.connections.delete(oldest);
    }
    return connection;
  }

  forget(tenantId: string): void {
    this.connections.delete(tenantId.toLowerCase());
  }

  get size(): number {
    return this.connections.size;
  }
}
