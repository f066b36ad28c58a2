import { INTEGRATION_APP_ID } from '../checks/constants.js';
import { msg } from '../i18n/message.js';
import type { MessageRef } from '../i18n/message.js';
import type { Cause, CauseId } from './types.js';

const INTEGRATION_CAUSES: ReadonlySet<CauseId> = new Set([
  'integration-app-deleted',
  'integration-app-missing',
  'integration-app-disabled',
  'consent-incomplete',
  'aadsts',
]);
const PROVISIONING_CAUSES: ReadonlySet<CauseId> = new Set(['provisioning-app-missing', 'provisioning-quarantined', 'provisioning-paused']);

/** How the admin sees that the fix worked: where Microsoft and Cisco show it, then the bot's own re-check. */
export function confirmSteps(causes: readonly Cause[], tenantConnected: boolean): MessageRef[] {
  const steps: MessageRef[] = [];
  const ids = new Set(causes.map((c) => c.id));
  if ([...ids].some((id) => INTEGRATION_CAUSES.has(id))) steps.push(msg('diagnosis.confirm.enterprise-apps', { appId: INTEGRATION_APP_ID }));
  if ([...ids].some((id) => PROVISIONING_CAUSES.has(id))) steps.push(msg('diagnosis.confirm.provisioning'));
  if (ids.has('wizard-not-set-up')) steps.push(msg('diagnosis.confirm.wizard'));
  steps.push(msg('diagnosis.confirm.control-hub'));
  if (tenantConnected) steps.push(msg('diagnosis.confirm.reverify'));
  return steps;
}
