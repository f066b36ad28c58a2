import { randomBytes } from 'node:crypto';
import type { AzureSettings, Config } from '../config.js';

export interface LocalWiring {
  /** The bot's token in the Webex stand-in. */
  botToken: string;
  /** The stand-in's REST base (http://127.0.0.1:P/v1). */
  webexApiUrl: string;
  /** The stand-in's service catalog (U2C) base, which the Webex SDK asks before anything else. */
  webexU2cUrl: string;
  /** The stand-in's only org: the one people chat from. */
  webexOrgId: string;
  /** The demo tenant's settings, or the user's real tenant (config.azure). */
  azure: AzureSettings;
  /** Defaults to 32 random bytes: the stand-in signs every webhook with it, as Webex would. */
  webhookSecret?: string;
}

export const LOCAL_WEBHOOK_PATH = '/webex/webhook';

/**
 * The settings the real bot runs with in local mode: Webex mode against the stand-in (webhooks to this very
 * process), the stand-in's org mapped to the tenant and the only org allowed. Everything else (store, rate
 * limits, logging, audit window) stays as the user configured it.
 */
export function deriveBotConfig(config: Config, wiring: LocalWiring): Config {
  return {
    ...config,
    mode: 'webex',
    webex: {
      token: wiring.botToken,
      apiUrl: wiring.webexApiUrl,
      u2cUrl: wiring.webexU2cUrl,
      webhookUrl: `http://127.0.0.1:${config.port}${LOCAL_WEBHOOK_PATH}`,
      webhookSecret: wiring.webhookSecret ?? randomBytes(32).toString('hex'),
    },
    azure: wiring.azure,
    tenantMap: [{ webexOrgId: wiring.webexOrgId, entraTenantId: wiring.azure.tenantId }],
    // Person and email allow-lists name real Webex people, who are not in the stand-in's org.
    access: { allowedOrgIds: [wiring.webexOrgId] },
  };
}
