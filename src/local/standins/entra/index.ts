/** The Entra / Microsoft Graph stand-in: server, tenant model, scenarios and the admin actions the demo replays. */
export { startEntraStandin, type EntraStandin, type EntraStandinOptions, type Faults, type StandinCounters } from './server.js';
export type { FaultRule } from './faults.js';
export type * from './model.js';
export { SCENARIOS, SCENARIO_NAMES, type Scenario, type ScenarioName, type ScenarioPatch } from './scenarios.js';
export {
  DEMO_BOT_CLIENT_ID,
  DEMO_BOT_SECRET,
  baseHealthyTenant,
  graphSpId,
  integrationSpId,
  provisioningSpId,
  type BaseTenantOptions,
} from './tenant-builder.js';
export { applyAdminConsent, removeIntegrationAppRoles, restoreDeletedServicePrincipal, softDeleteServicePrincipal } from './mutations.js';
export * from './well-known.js';
