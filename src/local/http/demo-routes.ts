import type { Router } from 'express';
import type { DemoTenant } from '../demo-tenant.js';
import type { EventStreamHub } from './event-stream.js';
import { HttpError } from './errors.js';
import type { LocalRouteDeps, TenantView } from './types.js';
import { consentRequest } from './validation.js';

const REAL_TENANT_REFUSAL =
  'A real Microsoft Entra tenant is connected, so local mode will not change it. ' +
  'An admin applies the fix in Entra (the consent link on the card); then press Re-verify.';

export function tenantView(deps: Pick<LocalRouteDeps, 'demo' | 'realTenant'>): TenantView | undefined {
  const { demo, realTenant } = deps;
  if (demo !== undefined) {
    return {
      kind: 'demo',
      tenantId: demo.tenantId,
      displayName: demo.displayName,
      summary: demo.summary,
      fixed: demo.isFixed(),
      authorityOrigin: demo.authorityOrigin,
    };
  }
  return realTenant === undefined ? undefined : { kind: 'real', ...realTenant };
}

function requireDemo(deps: LocalRouteDeps): DemoTenant {
  if (deps.demo === undefined) throw new HttpError(409, REAL_TENANT_REFUSAL);
  return deps.demo;
}

/**
 * The demo tenant's admin actions. The demo button applies the card's fix for the state the tenant is in
 * (restore while restorable, then admin consent); the consent page route goes through the stand-in's real
 * /adminconsent endpoint, the same URL the diagnosis card links to, and does only what that URL does.
 */
export function addDemoRoutes(router: Router, deps: LocalRouteDeps, hub: EventStreamHub): void {
  const changed = (message: string): { message: string; tenant: TenantView | undefined } => {
    const tenant = tenantView(deps);
    hub.send('tenant', tenant);
    return { message, tenant };
  };

  router.post('/demo/fix', (_req, res) => {
    const demo = requireDemo(deps);
    const { restored } = demo.applyFix();
    const done = restored ? 'Restored Cisco Webex Identity Integration from deleted items and applied the admin consent' : 'Applied the admin consent to Cisco Webex Identity Integration';
    res.json(changed(`${done} in ${demo.displayName}. Press Re-verify on the card.`));
  });

  router.post('/demo/reset', (_req, res) => {
    const demo = requireDemo(deps);
    demo.reset();
    res.json(changed(`${demo.displayName} is back to: ${demo.summary}.`));
  });

  router.post('/demo/consent', async (req, res) => {
    const demo = requireDemo(deps);
    const { url } = consentRequest.parse(req.body);
    const target = demoConsentUrl(demo, url);
    let status: number;
    try {
      status = (await fetch(target, { redirect: 'manual', signal: AbortSignal.timeout(10_000) })).status;
    } catch {
      throw new HttpError(502, 'The demo tenant did not answer the consent request.');
    }
    if (status !== 200) throw new HttpError(502, `The demo tenant refused the consent (HTTP ${status}).`);
    res.json(changed(`Admin consent granted to Cisco Webex Identity Integration in ${demo.displayName}. Press Re-verify on the card.`));
  });
}

/** Only the demo tenant's own admin-consent URL may be followed from the page; anything else is refused. */
export function demoConsentUrl(demo: Pick<DemoTenant, 'authorityOrigin' | 'tenantId'>, candidate: string): URL {
  const url = new URL(candidate);
  const path = url.pathname.toLowerCase();
  const ok = url.origin === demo.authorityOrigin && path === `/${demo.tenantId.toLowerCase()}/adminconsent` && url.searchParams.has('client_id');
  if (!ok) throw new HttpError(400, "This is not the demo tenant's admin-consent link.");
  return url;
}
