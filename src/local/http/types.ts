import type { Logger } from '../../log.js';
import type { DemoTenant } from '../demo-tenant.js';
import type { PasteExample } from '../examples.js';
import type { CardSamples } from '../samples.js';
import type { SpaceSession } from '../space-session.js';

/** Which tenant the bot checks, as the page shows it. Never a secret. */
export type TenantView =
  | { kind: 'demo'; tenantId: string; displayName: string; summary: string; fixed: boolean; authorityOrigin: string }
  | { kind: 'real'; tenantId: string; cloud: string };

export interface LocalRouteDeps {
  session: SpaceSession;
  me: { id: string; displayName: string };
  bot: { id: string; displayName: string };
  examples: readonly PasteExample[];
  /** Absent when a real tenant is connected: the demo endpoints then refuse with 409. */
  demo?: DemoTenant;
  realTenant?: { tenantId: string; cloud: string };
  /** Every card template with sample data, for /cards. */
  cardSamples(): Promise<CardSamples>;
  logger: Logger;
}
