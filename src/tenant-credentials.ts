import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { CodedError } from './errors.js';

/**
 * Per-tenant app registrations for partners whose customers each consent a registration of their own (rather
 * than one multi-tenant registration consented everywhere): TENANT_CREDENTIALS_FILE names a JSON file
 *   { "<entra tenant id>": { "clientId": "…", "clientSecret": "…" | "certificatePath": "…" }, … }
 * Read and validated once at start-up; error messages name the tenant entry, never a secret.
 */
export interface TenantCredentials {
  clientId: string;
  clientSecret?: string;
  certificatePath?: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const entry = z
  .object({
    clientId: z.string().regex(GUID, 'clientId: a GUID'),
    clientSecret: z.string().min(1).optional(),
    certificatePath: z.string().min(1).optional(),
  })
  .strict()
  .refine((e) => e.clientSecret !== undefined || e.certificatePath !== undefined, 'clientSecret or certificatePath');

export function loadTenantCredentials(path: string, read: (path: string) => string = (p) => readFileSync(p, 'utf8')): Record<string, TenantCredentials> {
  const fail = (what: string): never => {
    throw new CodedError('config_invalid', `Invalid settings:\n  TENANT_CREDENTIALS_FILE: expected ${what}`, 'Fix the file (see the README, "Run it for real") and start again.');
  };
  let raw: unknown;
  try {
    raw = JSON.parse(read(path));
  } catch {
    return fail(`a readable JSON file; cannot read or parse ${path}`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail('a JSON object keyed by Entra tenant id');
  const credentials: Record<string, TenantCredentials> = {};
  for (const [tenantId, value] of Object.entries(raw)) {
    if (!GUID.test(tenantId)) fail(`tenant ids (GUIDs) as keys; "${tenantId.slice(0, 60)}" is not one`);
    const parsed = entry.safeParse(value);
    // Only the issue's own message: zod's default text could quote the received value, a secret.
    if (!parsed.success) fail(`for tenant ${tenantId}: ${parsed.error.issues.map((i) => i.message).join(', ')}`);
    else credentials[tenantId.toLowerCase()] = parsed.data;
  }
  return credentials;
}
