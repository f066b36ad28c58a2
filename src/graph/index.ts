/** Talking to Microsoft Entra ID / Microsoft Graph: connections, the tenant snapshot collector and their parts. */
export { CLOUD_NAMES, isKnownMicrosoftAuthority, resolveCloud, type CloudEndpoints, type CloudName } from './clouds.js';
export { chooseCredentialKind, type CredentialKind, type CredentialOptions } from './credential.js';
export { createGraphConnection, GraphConnectionPool, type GraphConnection, type GraphConnectionOptions } from './connection.js';
export { collectTenantSnapshot, type CollectOptions } from './collect.js';
export { sendBatch, MAX_BATCH_SIZE, type BatchAnswer, type BatchOptions, type BatchRequest } from './batch.js';
export { readLists, type ListResult } from './lists.js';
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry.js';
export { permissionNeededFor } from './errors.js';
export { INTEGRATION_APP_ID, MICROSOFT_GRAPH_APP_ID, PROVISIONING_APP_NAME } from './queries.js';
