import { DOCS, INTEGRATION_APP_ID, PROVISIONING_APP_NAME } from '../checks/constants.js';
import type { IntegrationAppEnabledDetails } from '../checks/integration-app-enabled.js';
import type { IntegrationAppRestorableDetails } from '../checks/integration-app-restorable.js';
import type { IntegrationConsentDetails } from '../checks/integration-consent-complete.js';
import type { ProvisioningAppPresentDetails } from '../checks/provisioning-app-present.js';
import type { ProvisioningJobDetails } from '../checks/provisioning-job-healthy.js';
import { REQUIRED_PERMISSIONS } from '../checks/required-permissions.js';
import { msg } from '../i18n/message.js';
import type { MessageRef } from '../i18n/message.js';
import type { Evidence } from '../intake/evidence.js';
import { aadstsEntry } from './aadsts.js';
import type { BotAccess } from './bot-access.js';
import type { FindingIndex } from './finding-access.js';
import { adminConsentUrl, aadstsLookupUrl, CONTROL_HUB_SETTINGS_URL, enterpriseAppsUrl, enterpriseAppUrl, tenantSegment } from './links.js';
import type { AadstsExplanation, Cause, Fix, FixAction } from './types.js';

export interface FixContext {
  findings?: FindingIndex;
  tenantId?: string;
  loginHost: string;
  /** Azure portal base, e.g. https://portal.azure.com. */
  portal: string;
  aadsts: readonly AadstsExplanation[];
  access: BotAccess;
}

function consentSteps(ctx: FixContext): MessageRef[] {
  const steps = [msg('diagnosis.step.consent-open'), msg('diagnosis.step.consent-who'), msg('diagnosis.step.consent-accept', { count: REQUIRED_PERMISSIONS.length })];
  if (tenantSegment(ctx.tenantId) === 'common') steps.splice(1, 0, msg('diagnosis.step.consent-tenant-unknown'));
  return steps;
}

function consentAction(ctx: FixContext): FixAction {
  return { kind: 'admin-consent', url: adminConsentUrl(ctx.loginHost, ctx.tenantId) };
}

function restoreDeleted(ctx: FixContext): Fix {
  const d = ctx.findings?.details<IntegrationAppRestorableDetails>('integration-app-restorable');
  if (d?.deletedObjectId === undefined || d.restorableUntil === undefined) return appMissing(ctx);
  return {
    steps: [
      msg('diagnosis.step.restore', { objectId: d.deletedObjectId, until: { date: d.restorableUntil } }),
      msg('diagnosis.step.restore-who'),
      msg('diagnosis.step.consent-after-restore'),
      msg('diagnosis.step.consent-who'),
    ],
    actions: [
      { kind: 'restore-deleted', deletedObjectId: d.deletedObjectId, restorableUntil: d.restorableUntil, portalUrl: enterpriseAppsUrl(ctx.portal, ctx.tenantId) },
      consentAction(ctx),
      { kind: 'docs', url: DOCS.restoreApp },
    ],
  };
}

function appMissing(ctx: FixContext): Fix {
  return { steps: consentSteps(ctx), actions: [consentAction(ctx), { kind: 'docs', url: DOCS.ciscoWizard }] };
}

function appDisabled(ctx: FixContext): Fix {
  const d = ctx.findings?.details<IntegrationAppEnabledDetails>('integration-app-enabled');
  if (d?.disabledByMicrosoft === true) {
    return {
      steps: [msg('diagnosis.step.disabled-by-microsoft', { status: d.disabledByMicrosoftStatus ?? '' })],
      actions: [{ kind: 'docs', url: DOCS.servicePrincipal }],
    };
  }
  const actions: FixAction[] = [];
  if (d !== undefined) {
    const portalUrl = enterpriseAppUrl(ctx.portal, ctx.tenantId, d.servicePrincipalId, INTEGRATION_APP_ID);
    actions.push({ kind: 'enable-app', servicePrincipalId: d.servicePrincipalId, portalUrl });
  }
  actions.push({ kind: 'docs', url: DOCS.disableApp });
  return { steps: [msg('diagnosis.step.enable'), msg('diagnosis.step.enable-who')], actions };
}

function consentIncomplete(ctx: FixContext): Fix {
  const missing = ctx.findings?.details<IntegrationConsentDetails>('integration-consent-complete')?.missing ?? [];
  const steps = missing.length > 0 ? [msg('diagnosis.step.consent-missing', { permissions: missing.join(', ') })] : [];
  return { steps: [...steps, ...consentSteps(ctx)], actions: [consentAction(ctx), { kind: 'docs', url: DOCS.adminConsent }] };
}

function rerunWizard(): FixAction {
  return { kind: 'rerun-wizard', url: CONTROL_HUB_SETTINGS_URL };
}

function provisioningMissing(ctx: FixContext): Fix {
  const d = ctx.findings?.details<ProvisioningAppPresentDetails>('provisioning-app-present');
  const steps = d?.ownedByIntegrationApp === false ? [msg('diagnosis.step.provisioning-not-owned', { name: PROVISIONING_APP_NAME })] : [];
  return { steps: [...steps, msg('diagnosis.step.rerun-wizard')], actions: [rerunWizard(), { kind: 'docs', url: DOCS.ciscoWizard }] };
}

function restartAction(ctx: FixContext, d: ProvisioningJobDetails, appId: string | undefined): FixAction[] {
  if (d.jobId === undefined) return [];
  const portalUrl = appId === undefined ? enterpriseAppsUrl(ctx.portal, ctx.tenantId) : enterpriseAppUrl(ctx.portal, ctx.tenantId, d.servicePrincipalId, appId);
  return [{ kind: 'restart-provisioning', servicePrincipalId: d.servicePrincipalId, jobId: d.jobId, portalUrl }];
}

function provisioningJob(ctx: FixContext): Fix {
  const d = ctx.findings?.details<ProvisioningJobDetails>('provisioning-job-healthy');
  const appId = ctx.findings?.details<ProvisioningAppPresentDetails>('provisioning-app-present')?.appId;
  if (d === undefined || d.problem === 'not-configured') {
    return { steps: [msg('diagnosis.step.rerun-wizard')], actions: [rerunWizard(), { kind: 'docs', url: DOCS.ciscoWizard }] };
  }
  if (d.problem === 'paused') {
    return { steps: [msg('diagnosis.step.start-provisioning')], actions: [...restartAction(ctx, d, appId), { kind: 'docs', url: DOCS.quarantine }] };
  }
  const steps = [msg('diagnosis.step.quarantine-fix-cause', { reason: d.reason ?? d.errorCode ?? '—' })];
  if (d.disabledByQuarantine === true) steps.push(msg('diagnosis.step.quarantine-disabled'));
  steps.push(msg('diagnosis.step.restart', { jobId: d.jobId ?? '—' }));
  return { steps, actions: [...restartAction(ctx, d, appId), rerunWizard(), { kind: 'docs', url: DOCS.quarantine }] };
}

function wizardNotSetUp(): Fix {
  return { steps: [msg('diagnosis.step.wizard-setup')], actions: [rerunWizard(), { kind: 'docs', url: DOCS.ciscoWizard }] };
}

function pastedSignInErrors(ctx: FixContext): Fix {
  const pasted = ctx.aadsts.filter((a) => a.source === 'paste');
  const consent = pasted.some((a) => aadstsEntry(a.code)?.consentFixes === true);
  const actions: FixAction[] = consent ? [consentAction(ctx)] : [];
  actions.push(...pasted.map((a): FixAction => ({ kind: 'docs', url: aadstsLookupUrl(ctx.loginHost, a.code) })));
  return { steps: pasted.map((a) => a.fix), actions };
}

function botAccess(ctx: FixContext): Fix {
  const steps = ctx.aadsts.filter((a) => a.source === 'bot-token').map((a) => a.fix);
  if (ctx.access.missingPermissions.length > 0) {
    steps.push(msg('diagnosis.step.grant-bot', { permissions: ctx.access.missingPermissions.join(', ') }));
  }
  const actions = ctx.access.missingPermissions.map((permission): FixAction => ({ kind: 'grant-bot-permission', permission }));
  return { steps, actions };
}

function partFor(cause: Cause, ctx: FixContext): Fix {
  switch (cause.id) {
    case 'integration-app-deleted':
      return restoreDeleted(ctx);
    case 'integration-app-missing':
      return appMissing(ctx);
    case 'integration-app-disabled':
      return appDisabled(ctx);
    case 'consent-incomplete':
      return consentIncomplete(ctx);
    case 'provisioning-app-missing':
      return provisioningMissing(ctx);
    case 'provisioning-quarantined':
    case 'provisioning-paused':
      return provisioningJob(ctx);
    case 'wizard-not-set-up':
      return wizardNotSetUp();
    case 'aadsts':
      return pastedSignInErrors(ctx);
    case 'bot-access-broken':
      return botAccess(ctx);
    case 'none-found':
      return { steps: [], actions: [] };
  }
}

/** Sign out and in, look at the identity cluster the call went to, then TAC: what is left when the tenant looks fine. */
function elsewhereSteps(evidence: Evidence): MessageRef[] {
  const steps = [msg('diagnosis.step.sign-out-retry')];
  const cluster = evidence.requestUrl?.identityCluster;
  if (cluster !== undefined) steps.push(msg('diagnosis.step.check-cluster', { cluster }));
  steps.push(msg('diagnosis.step.open-tac'));
  return steps;
}

/** What to try when every check passed: the apps are fine, so the problem is elsewhere. */
export function healthyFix(evidence: Evidence): Fix {
  return { steps: [msg('diagnosis.step.healthy'), ...elsewhereSteps(evidence)], actions: [{ kind: 'docs', url: DOCS.ciscoWizard }] };
}

/** A passing Graph hiccup hid part of the tenant: a later Re-verify may see it. */
export function withRetry(fix: Fix, transient: boolean): Fix {
  return transient ? { steps: [...fix.steps, msg('diagnosis.step.retry-later')], actions: fix.actions } : fix;
}

/** When nothing explains the error: try again, give the bot more to read, or look beyond the tenant. */
export function inconclusiveFix(evidence: Evidence, transient: boolean, tenantConnected: boolean): Fix {
  const steps: MessageRef[] = [];
  if (transient) steps.push(msg('diagnosis.step.retry-later'));
  if (!tenantConnected) steps.push(msg('diagnosis.step.paste-debug-info'));
  return { steps: [...steps, ...elsewhereSteps(evidence)], actions: [] };
}

/** Appends what is not already there (compared by content), keeping the first occurrence's place. */
function appendOnce<T>(into: T[], items: readonly T[]): void {
  const seen = new Set(into.map((i) => JSON.stringify(i)));
  for (const item of items) {
    const key = JSON.stringify(item);
    if (seen.has(key)) continue;
    seen.add(key);
    into.push(item);
  }
}

/** The fix for each cause in order; steps and actions said once. */
export function fixFor(causes: readonly Cause[], ctx: FixContext): Fix {
  const fix: Fix = { steps: [], actions: [] };
  for (const cause of causes) {
    const part = partFor(cause, ctx);
    appendOnce(fix.steps, part.steps);
    appendOnce(fix.actions, part.actions);
  }
  return fix;
}
