import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { CodedError } from './errors.js';
import { loadTenantCredentials, type TenantCredentials } from './tenant-credentials.js';

/**
 * Every setting, read and validated once at start-up. The core never reads process.env:
 * it gets the typed pieces of this object. A wrong value stops the program with a message
 * naming the variable and what it expects; secret values are never echoed.
 */

const SECRET_VARIABLES = new Set(['WEBEX_BOT_TOKEN', 'WEBEX_WEBHOOK_SECRET', 'AZURE_CLIENT_SECRET', 'DATABASE_URL']);

const uuid = z.string().regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, 'a GUID such as 2fdb923e-1d23-4e1b-a30f-e9cd88845744');
const httpsUrl = z.string().url('an absolute URL').refine((u) => u.startsWith('https://'), 'an https:// URL');
const httpUrl = z.string().url('an absolute URL').refine((u) => /^https?:\/\//.test(u), 'an http(s):// URL');
/** A list that names nothing (", ") would silently mean "no restriction": refused, not read as unset. */
const list = z
  .string()
  .transform((s) => s.split(/[\s,]+/).map((x) => x.trim()).filter((x) => x.length > 0))
  .refine((items) => items.length > 0, 'a comma-separated list with at least one entry');
const positiveInt = z.coerce.number({ invalid_type_error: 'a whole number' }).int('a whole number').positive('a number above 0');
/**
 * A duration setting. Bounded above because the watcher waits with setTimeout, which fires at once for anything
 * beyond 2^31-1 ms (~24.8 days): an absurd value would turn the schedule into a busy loop, not a long wait.
 */
const duration = (unit: string, max: number, maxText: string) =>
  z.coerce
    .number({ invalid_type_error: `a number of ${unit}` })
    .positive(`a number of ${unit} above 0`)
    .max(max, `at most ${max} (${maxText})`);
/** zod's own enum message would read "expected Invalid enum value…" after our prefix. */
const oneOf = <U extends string, T extends Readonly<[U, ...U[]]>>(values: T) => z.enum(values, { errorMap: () => ({ message: `one of ${values.join(', ')}` }) });

/** "orgId=tenantId" pairs, comma-separated: which Entra tenant each Webex org maps to (partners run many). */
const tenantMap = z.string().transform((s, ctx) => {
  const pairs: { webexOrgId: string; entraTenantId: string }[] = [];
  for (const entry of s.split(',').map((x) => x.trim()).filter(Boolean)) {
    const parts = entry.split('=').map((x) => x.trim());
    const [org, tenant] = parts;
    // Exactly one "=": "org=tenant=more" is a typo, not a pair whose tail may be dropped.
    if (parts.length !== 2 || !org || !tenant || !uuid.safeParse(tenant).success) {
      ctx.addIssue({ code: 'custom', message: 'comma-separated webexOrgId=entraTenantId pairs (tenant as a GUID)' });
      return z.NEVER;
    }
    pairs.push({ webexOrgId: org, entraTenantId: tenant.toLowerCase() });
  }
  return pairs;
});

const schema = z
  .object({
    WEBEX_BOT_TOKEN: z.string().min(20, 'the bot access token from developer.webex.com').optional(),
    WEBEX_API_URL: httpUrl.default('https://webexapis.com/v1'),
    WEBEX_U2C_URL: httpUrl.optional(),
    WEBEX_WEBHOOK_URL: httpUrl.optional(),
    WEBEX_WEBHOOK_SECRET: z.string().min(16, 'a random string of at least 16 characters').optional(),
    PORT: positiveInt.max(65535, 'a TCP port (1-65535)').default(3000),

    AZURE_CLOUD: oneOf(['worldwide', 'usgov', 'usgov-dod', 'china']).default('worldwide'),
    AZURE_AUTHORITY_HOST: httpsUrl.optional(),
    GRAPH_BASE_URL: httpsUrl.optional(),
    AZURE_TENANT_ID: uuid.optional(),
    AZURE_CLIENT_ID: uuid.optional(),
    AZURE_CLIENT_SECRET: z.string().min(1).optional(),
    AZURE_CLIENT_CERTIFICATE_PATH: z.string().min(1).optional(),
    AZURE_USE_DEFAULT_CREDENTIAL: oneOf(['true', 'false']).default('false'),
    TENANT_MAP: tenantMap.optional(),
    TENANT_CREDENTIALS_FILE: z.string().min(1).optional(),
    AUDIT_LOOKBACK_DAYS: positiveInt.max(30, 'at most 30 (Entra keeps audit logs 30 days at most)').default(30),

    ALLOWED_ORG_IDS: list.optional(),
    ALLOWED_PERSON_IDS: list.optional(),
    ALLOWED_EMAILS: list.optional(),
    RATE_LIMIT_PER_PERSON_PER_MINUTE: positiveInt.default(6),
    RATE_LIMIT_PER_TENANT_PER_MINUTE: positiveInt.default(20),

    DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'a postgres:// connection URL').optional(),
    SQLITE_PATH: z.string().min(1).default('data/doctor.sqlite'),
    RETENTION_DAYS: positiveInt.default(90),

    WATCH_INTERVAL_MINUTES: duration('minutes', 10_080, 'a week').default(60),
    WATCH_FOLLOWUP_EVERY_SECONDS: duration('seconds', 3_600, 'an hour').default(60),
    WATCH_FOLLOWUP_FOR_MINUTES: duration('minutes', 1_440, 'a day').default(30),
    LOG_LEVEL: oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .superRefine((env, ctx) => {
    if (env.WEBEX_WEBHOOK_URL && !env.WEBEX_WEBHOOK_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['WEBEX_WEBHOOK_SECRET'], message: 'required when WEBEX_WEBHOOK_URL is set (Webex signs every webhook with it)' });
    }
    const azureAny = env.AZURE_CLIENT_ID || env.AZURE_CLIENT_SECRET || env.AZURE_CLIENT_CERTIFICATE_PATH;
    if (azureAny && !env.AZURE_TENANT_ID) {
      ctx.addIssue({ code: 'custom', path: ['AZURE_TENANT_ID'], message: 'required with AZURE_CLIENT_ID, AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH: the Entra tenant (directory) id' });
    }
    if ((env.AZURE_CLIENT_SECRET || env.AZURE_CLIENT_CERTIFICATE_PATH) && !env.AZURE_CLIENT_ID) {
      ctx.addIssue({ code: 'custom', path: ['AZURE_CLIENT_ID'], message: "required with a secret or certificate: the bot's app registration (client) id" });
    }
  });

export type RawSettings = z.infer<typeof schema>;

export interface AzureSettings {
  cloud: 'worldwide' | 'usgov' | 'usgov-dod' | 'china';
  authorityHost?: string;
  graphBaseUrl?: string;
  tenantId: string;
  clientId?: string;
  clientSecret?: string;
  certificatePath?: string;
  useDefaultCredential: boolean;
}

export interface Config {
  /** Local mode: no Webex token, the bot answers in a local browser space. */
  mode: 'webex' | 'local';
  webex: { token?: string; apiUrl: string; u2cUrl?: string; webhookUrl?: string; webhookSecret?: string };
  port: number;
  /** Absent when no Azure tenant is configured (local mode then uses its demo tenant). */
  azure?: AzureSettings;
  tenantMap: { webexOrgId: string; entraTenantId: string }[];
  /** Tenants with an app registration of their own (TENANT_CREDENTIALS_FILE), by lower-case tenant id. */
  tenantCredentials: Record<string, TenantCredentials>;
  auditLookbackDays: number;
  access: { allowedOrgIds?: string[]; allowedPersonIds?: string[]; allowedEmails?: string[] };
  rateLimits: { perPersonPerMinute: number; perTenantPerMinute: number };
  store: { databaseUrl?: string; sqlitePath: string; retentionDays: number };
  watch: { intervalMinutes: number; followUpEverySeconds: number; followUpForMinutes: number };
  logLevel: RawSettings['LOG_LEVEL'];
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings (a blank line in .env) mean "not set", not "set to nothing".
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'settings');
      // zod can echo the received value in some messages: never for secrets.
      const text = SECRET_VARIABLES.has(name) ? issue.message.replace(/received .*/i, '') : issue.message;
      return `  ${name}: expected ${text}`;
    });
    throw new CodedError('config_invalid', `Invalid settings:\n${lines.join('\n')}`, 'Fix these environment variables (see .env.example) and start again.');
  }
  const s = parsed.data;
  if (s.AZURE_CLIENT_CERTIFICATE_PATH) assertReadable(s.AZURE_CLIENT_CERTIFICATE_PATH);

  const azure: AzureSettings | undefined = s.AZURE_TENANT_ID
    ? {
        cloud: s.AZURE_CLOUD,
        authorityHost: s.AZURE_AUTHORITY_HOST,
        graphBaseUrl: s.GRAPH_BASE_URL,
        tenantId: s.AZURE_TENANT_ID.toLowerCase(),
        clientId: s.AZURE_CLIENT_ID,
        clientSecret: s.AZURE_CLIENT_SECRET,
        certificatePath: s.AZURE_CLIENT_CERTIFICATE_PATH,
        useDefaultCredential: s.AZURE_USE_DEFAULT_CREDENTIAL === 'true',
      }
    : undefined;

  return {
    mode: s.WEBEX_BOT_TOKEN ? 'webex' : 'local',
    webex: { token: s.WEBEX_BOT_TOKEN, apiUrl: s.WEBEX_API_URL.replace(/\/+$/, ''), u2cUrl: s.WEBEX_U2C_URL, webhookUrl: s.WEBEX_WEBHOOK_URL, webhookSecret: s.WEBEX_WEBHOOK_SECRET },
    port: s.PORT,
    azure,
    tenantMap: s.TENANT_MAP ?? [],
    tenantCredentials: s.TENANT_CREDENTIALS_FILE ? loadTenantCredentials(s.TENANT_CREDENTIALS_FILE) : {},
    auditLookbackDays: s.AUDIT_LOOKBACK_DAYS,
    access: { allowedOrgIds: s.ALLOWED_ORG_IDS, allowedPersonIds: s.ALLOWED_PERSON_IDS, allowedEmails: s.ALLOWED_EMAILS },
    rateLimits: { perPersonPerMinute: s.RATE_LIMIT_PER_PERSON_PER_MINUTE, perTenantPerMinute: s.RATE_LIMIT_PER_TENANT_PER_MINUTE },
    store: { databaseUrl: s.DATABASE_URL, sqlitePath: s.SQLITE_PATH, retentionDays: s.RETENTION_DAYS },
    watch: { intervalMinutes: s.WATCH_INTERVAL_MINUTES, followUpEverySeconds: s.WATCH_FOLLOWUP_EVERY_SECONDS, followUpForMinutes: s.WATCH_FOLLOWUP_FOR_MINUTES },
    logLevel: s.LOG_LEVEL,
  };
}

function assertReadable(path: string): void {
  try {
    readFileSync(path);
  } catch {
    throw new CodedError('config_invalid', `Invalid settings:\n  AZURE_CLIENT_CERTIFICATE_PATH: expected a readable PEM file (certificate and private key); cannot read ${path}`);
  }
}
