import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { CodedError } from '../src/errors.js';

/**
 * Settings are read once, from the environment, and a wrong one stops the program at once with a message that
 * names the variable and what it expects — and never repeats a secret's value.
 */

const TENANT = '2fdb923e-1d23-4e1b-a30f-e9cd88845744';
const CLIENT = '6a0c1e7b-3f0d-4c8e-9a51-0d7b2f4e8c13';
const BOT_TOKEN = 'NzQ5ZjE2YjQtbm90LWEtcmVhbC10b2tlbi1qdXN0LWxvbmctZW5vdWdo';

/** The message loadConfig stopped with; fails the test if it did not stop, or stopped with something else. */
function refusal(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(CodedError);
    expect((error as CodedError).code).toBe('config_invalid');
    return (error as CodedError).message;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(Object.keys(env))}`);
}

/** The one line naming `variable` in a refusal. */
function lineFor(message: string, variable: string): string {
  const line = message.split('\n').find((l) => l.trim().startsWith(`${variable}:`));
  if (line === undefined) throw new Error(`no line for ${variable} in:\n${message}`);
  return line;
}

describe('loadConfig: defaults', () => {
  it('with nothing set: local mode, no Azure tenant, safe defaults', () => {
    const config = loadConfig({});
    expect(config.mode).toBe('local');
    expect(config.azure).toBeUndefined();
    expect(config.webex).toEqual({ token: undefined, apiUrl: 'https://webexapis.com/v1', u2cUrl: undefined, webhookUrl: undefined, webhookSecret: undefined });
    expect(config.port).toBe(3000);
    expect(config.tenantMap).toEqual([]);
    expect(config.auditLookbackDays).toBe(30);
    expect(config.access).toEqual({ allowedOrgIds: undefined, allowedPersonIds: undefined, allowedEmails: undefined });
    expect(config.rateLimits).toEqual({ perPersonPerMinute: 6, perTenantPerMinute: 20 });
    expect(config.store).toEqual({ databaseUrl: undefined, sqlitePath: 'data/doctor.sqlite', retentionDays: 90 });
    expect(config.watch).toEqual({ intervalMinutes: 60, followUpEverySeconds: 60, followUpForMinutes: 30 });
    expect(config.logLevel).toBe('info');
  });

  it('a bot token switches to Webex mode; Azure settings become one typed object with the tenant in lower case', () => {
    const config = loadConfig({
      WEBEX_BOT_TOKEN: BOT_TOKEN,
      WEBEX_API_URL: 'http://127.0.0.1:4444/v1/',
      AZURE_TENANT_ID: TENANT.toUpperCase(),
      AZURE_CLIENT_ID: CLIENT,
      AZURE_CLIENT_SECRET: 'a-client-secret',
      AZURE_CLOUD: 'usgov',
    });
    expect(config.mode).toBe('webex');
    expect(config.webex.apiUrl).toBe('http://127.0.0.1:4444/v1'); // no trailing slash to double up
    expect(config.azure).toEqual({
      cloud: 'usgov',
      authorityHost: undefined,
      graphBaseUrl: undefined,
      tenantId: TENANT,
      clientId: CLIENT,
      clientSecret: 'a-client-secret',
      certificatePath: undefined,
      useDefaultCredential: false,
    });
  });

  it('reads lists, TENANT_MAP pairs and fractional watch settings', () => {
    const config = loadConfig({
      ALLOWED_EMAILS: 'ann@contoso.example, bob@contoso.example\ncarl@contoso.example',
      TENANT_MAP: ` orgA = ${TENANT.toUpperCase()} ,orgB=${CLIENT},`,
      WATCH_INTERVAL_MINUTES: '0.05',
      WATCH_FOLLOWUP_EVERY_SECONDS: '2',
      WATCH_FOLLOWUP_FOR_MINUTES: '1',
    });
    expect(config.access.allowedEmails).toEqual(['ann@contoso.example', 'bob@contoso.example', 'carl@contoso.example']);
    expect(config.tenantMap).toEqual([
      { webexOrgId: 'orgA', entraTenantId: TENANT },
      { webexOrgId: 'orgB', entraTenantId: CLIENT },
    ]);
    expect(config.watch).toEqual({ intervalMinutes: 0.05, followUpEverySeconds: 2, followUpForMinutes: 1 });
  });

  it('treats empty and blank values as unset (a blank line in .env), not as "set to nothing"', () => {
    const config = loadConfig({ WEBEX_BOT_TOKEN: '', PORT: '  ', AZURE_TENANT_ID: '', ALLOWED_EMAILS: '', WEBEX_WEBHOOK_URL: '', LOG_LEVEL: '\t' });
    expect(config.mode).toBe('local');
    expect(config.port).toBe(3000);
    expect(config.azure).toBeUndefined();
    expect(config.access.allowedEmails).toBeUndefined();
    expect(config.logLevel).toBe('info');
    // A blank secret next to a webhook URL is a missing secret, not an empty one.
    expect(lineFor(refusal({ WEBEX_WEBHOOK_URL: 'https://bot.example/webex/webhook', WEBEX_WEBHOOK_SECRET: ' ' }), 'WEBEX_WEBHOOK_SECRET')).toContain('required when WEBEX_WEBHOOK_URL is set');
  });
});

describe('loadConfig: each invalid value names its variable and what it expects', () => {
  const cases: { name: string; env: Record<string, string>; variable: string; expects: string }[] = [
    { name: 'a tenant id that is not a GUID', env: { AZURE_TENANT_ID: 'nope' }, variable: 'AZURE_TENANT_ID', expects: 'a GUID' },
    { name: 'port 0', env: { PORT: '0' }, variable: 'PORT', expects: 'a number above 0' },
    { name: 'a port above 65535', env: { PORT: '70000' }, variable: 'PORT', expects: 'a TCP port (1-65535)' },
    { name: 'a port that is not a number', env: { PORT: 'eighty' }, variable: 'PORT', expects: 'expected a whole number' },
    { name: 'a fractional rate limit', env: { RATE_LIMIT_PER_PERSON_PER_MINUTE: '2.5' }, variable: 'RATE_LIMIT_PER_PERSON_PER_MINUTE', expects: 'a whole number' },
    { name: 'a webhook URL without its secret', env: { WEBEX_WEBHOOK_URL: 'https://bot.example/webex/webhook' }, variable: 'WEBEX_WEBHOOK_SECRET', expects: 'required when WEBEX_WEBHOOK_URL is set' },
    { name: 'a webhook URL that is not http(s)', env: { WEBEX_WEBHOOK_URL: 'ftp://bot.example/hook', WEBEX_WEBHOOK_SECRET: 'a-long-enough-webhook-secret' }, variable: 'WEBEX_WEBHOOK_URL', expects: 'an http(s):// URL' },
    { name: 'an authority host over plain http', env: { AZURE_AUTHORITY_HOST: 'http://login.example' }, variable: 'AZURE_AUTHORITY_HOST', expects: 'an https:// URL' },
    { name: 'a TENANT_MAP entry without "="', env: { TENANT_MAP: 'just-an-org' }, variable: 'TENANT_MAP', expects: 'webexOrgId=entraTenantId pairs' },
    { name: 'a TENANT_MAP tenant that is not a GUID', env: { TENANT_MAP: 'orgA=contoso.onmicrosoft.com' }, variable: 'TENANT_MAP', expects: 'tenant as a GUID' },
    { name: 'a TENANT_MAP entry with two "="', env: { TENANT_MAP: `orgA=${TENANT}=orgB` }, variable: 'TENANT_MAP', expects: 'webexOrgId=entraTenantId pairs' },
    { name: 'a TENANT_MAP entry without an org', env: { TENANT_MAP: `=${TENANT}` }, variable: 'TENANT_MAP', expects: 'webexOrgId=entraTenantId pairs' },
    { name: 'a client secret without a client id', env: { AZURE_TENANT_ID: TENANT, AZURE_CLIENT_SECRET: 'a-client-secret' }, variable: 'AZURE_CLIENT_ID', expects: "the bot's app registration (client) id" },
    { name: 'a client id without a tenant', env: { AZURE_CLIENT_ID: CLIENT }, variable: 'AZURE_TENANT_ID', expects: 'the Entra tenant (directory) id' },
    { name: 'a certificate path that cannot be read', env: { AZURE_TENANT_ID: TENANT, AZURE_CLIENT_ID: CLIENT, AZURE_CLIENT_CERTIFICATE_PATH: '/nonexistent/bot.pem' }, variable: 'AZURE_CLIENT_CERTIFICATE_PATH', expects: 'a readable PEM file' },
    { name: 'an unknown cloud', env: { AZURE_CLOUD: 'mars' }, variable: 'AZURE_CLOUD', expects: 'one of worldwide, usgov, usgov-dod, china' },
    { name: 'an unknown log level', env: { LOG_LEVEL: 'verbose' }, variable: 'LOG_LEVEL', expects: 'one of fatal, error, warn' },
    { name: 'a default-credential flag that is not true/false', env: { AZURE_USE_DEFAULT_CREDENTIAL: 'yes' }, variable: 'AZURE_USE_DEFAULT_CREDENTIAL', expects: 'one of true, false' },
    { name: 'an audit look-back beyond what Entra keeps', env: { AUDIT_LOOKBACK_DAYS: '31' }, variable: 'AUDIT_LOOKBACK_DAYS', expects: 'at most 30' },
    { name: 'a database URL that is not PostgreSQL', env: { DATABASE_URL: 'mysql://db.example/doctor' }, variable: 'DATABASE_URL', expects: 'a postgres:// connection URL' },
    { name: 'an allow-list that lists nobody', env: { ALLOWED_EMAILS: ' , ,' }, variable: 'ALLOWED_EMAILS', expects: 'at least one entry' },
    { name: 'a watch interval of 0', env: { WATCH_INTERVAL_MINUTES: '0' }, variable: 'WATCH_INTERVAL_MINUTES', expects: 'a number of minutes above 0' },
    { name: 'a watch interval that is not a number', env: { WATCH_INTERVAL_MINUTES: 'hourly' }, variable: 'WATCH_INTERVAL_MINUTES', expects: 'a number of minutes' },
    { name: 'an infinite watch interval', env: { WATCH_INTERVAL_MINUTES: 'Infinity' }, variable: 'WATCH_INTERVAL_MINUTES', expects: 'at most 10080' },
    { name: 'a follow-up beyond what a timer can wait', env: { WATCH_FOLLOWUP_EVERY_SECONDS: '3e6' }, variable: 'WATCH_FOLLOWUP_EVERY_SECONDS', expects: 'at most 3600' },
    { name: 'a negative follow-up length', env: { WATCH_FOLLOWUP_FOR_MINUTES: '-5' }, variable: 'WATCH_FOLLOWUP_FOR_MINUTES', expects: 'a number of minutes above 0' },
  ];

  for (const c of cases) {
    it(`refuses ${c.name}`, () => {
      const line = lineFor(refusal(c.env), c.variable);
      expect(line).toContain(c.expects);
    });
  }

  it('names every wrong variable at once, so one restart fixes them all', () => {
    const message = refusal({ PORT: '0', AZURE_TENANT_ID: 'nope', LOG_LEVEL: 'loud' });
    for (const variable of ['PORT', 'AZURE_TENANT_ID', 'LOG_LEVEL']) lineFor(message, variable);
  });

  it('says where to look in its hint', () => {
    try {
      loadConfig({ PORT: '0' });
    } catch (error) {
      expect((error as CodedError).hint).toContain('.env.example');
      return;
    }
    throw new Error('PORT=0 was accepted');
  });
});

describe('loadConfig: secrets are never echoed', () => {
  const cases: { name: string; env: Record<string, string>; secret: string }[] = [
    { name: 'a too-short bot token', env: { WEBEX_BOT_TOKEN: 'short-but-secret-1' }, secret: 'short-but-secret-1' },
    { name: 'a too-short webhook secret', env: { WEBEX_WEBHOOK_SECRET: 'tiny-secret' }, secret: 'tiny-secret' },
    { name: 'a non-PostgreSQL database URL with a password', env: { DATABASE_URL: 'mysql://doctor:Pa55w0rd-xyz@db.example/doctor' }, secret: 'Pa55w0rd-xyz' },
    { name: 'a client secret without the rest', env: { AZURE_CLIENT_SECRET: 'cl13nt~s3cr3t~value' }, secret: 'cl13nt~s3cr3t~value' },
  ];
  for (const c of cases) {
    it(`with ${c.name}`, () => {
      const message = refusal(c.env);
      expect(message).not.toContain(c.secret);
      expect(message).toMatch(/^ {2}[A-Z_]+: expected /m);
    });
  }

  it('not even next to other mistakes', () => {
    const message = refusal({ WEBEX_BOT_TOKEN: 'short-but-secret-2', PORT: 'abc', WEBEX_WEBHOOK_SECRET: 'tiny-secret-2' });
    expect(message).not.toContain('short-but-secret-2');
    expect(message).not.toContain('tiny-secret-2');
    lineFor(message, 'WEBEX_BOT_TOKEN');
    lineFor(message, 'WEBEX_WEBHOOK_SECRET');
    lineFor(message, 'PORT');
  });
});

describe('loadConfig: a certificate path', () => {
  it('that can be read is accepted and kept as the credential', () => {
    const dir = mkdtempSync(join(tmpdir(), 'doctor-config-'));
    try {
      const path = join(dir, 'bot.pem');
      writeFileSync(path, '-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n');
      const config = loadConfig({ AZURE_TENANT_ID: TENANT, AZURE_CLIENT_ID: CLIENT, AZURE_CLIENT_CERTIFICATE_PATH: path });
      expect(config.azure?.certificatePath).toBe(path);
      expect(config.azure?.clientSecret).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
