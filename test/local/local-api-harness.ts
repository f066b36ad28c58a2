import type { AddressInfo } from 'node:net';
import { createServer } from 'node:http';
import express from 'express';
import { createLogger } from '../../src/log.js';
import { startDemoTenant } from '../../src/local/demo-tenant.js';
import type { DemoTenant } from '../../src/local/demo-tenant.js';
import { loadPasteExamples } from '../../src/local/examples.js';
import { createLocalRoutes } from '../../src/local/http/router.js';
import type { CardSamples } from '../../src/local/samples.js';
import { SpaceSession } from '../../src/local/space-session.js';
import { startWebexStandin } from '../../src/local/standins/webex/index.js';
import type { WebexStandin } from '../../src/local/standins/webex/index.js';
import { populateLocalOrg } from '../../src/local/webex-space.js';
import type { LocalPeople } from '../../src/local/webex-space.js';

/** What reached the app after local mode's routes: the bot's own routes live there on the real app. */
export interface PassedThrough {
  method: string;
  path: string;
  rawBody: string;
}

export interface LocalApiHarness {
  base: string;
  webex: WebexStandin;
  people: LocalPeople;
  demo?: DemoTenant;
  passedThrough: PassedThrough[];
  stop(): Promise<void>;
}

/**
 * Local mode's routes on an express app of their own, against the real Webex stand-in and (unless `realTenant`)
 * the real demo tenant. No bot here: these tests are about the page's API; the browser test runs the bot.
 */
export async function startLocalApi(options: { realTenant?: boolean; cardSamples?: () => Promise<CardSamples>; host?: string } = {}): Promise<LocalApiHarness> {
  const webex = await startWebexStandin();
  const people = populateLocalOrg(webex);
  const demo = options.realTenant ? undefined : await startDemoTenant();
  const routes = createLocalRoutes({
    session: new SpaceSession(webex, people),
    me: { id: people.me.id, displayName: people.me.displayName },
    bot: { id: people.bot.id, displayName: people.bot.displayName },
    examples: loadPasteExamples(),
    ...(demo === undefined ? { realTenant: { tenantId: '11111111-2222-4333-8444-555555555555', cloud: 'worldwide' } } : { demo }),
    cardSamples: options.cardSamples ?? (async () => ({ items: [], notes: ['none in this test'] })),
    logger: createLogger({ level: 'silent' }),
  });
  const passedThrough: PassedThrough[] = [];
  const app = express();
  app.use(routes.router);
  app.use(express.raw({ type: () => true }), (req, res) => {
    passedThrough.push({ method: req.method, path: req.path, rawBody: Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '' });
    res.status(299).end();
  });
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    webex,
    people,
    ...(demo === undefined ? {} : { demo }),
    passedThrough,
    async stop() {
      routes.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await demo?.stop();
      await webex.stop();
    },
  };
}

/** A JSON call to the harness; `raw` sends the body as it is with the given content type. */
export async function call(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  init: { contentType?: string; raw?: string; origin?: string } = {},
): Promise<{ status: number; json: Record<string, unknown> }> {
  const headers: Record<string, string> = {};
  if (body !== undefined || init.raw !== undefined) headers['content-type'] = init.contentType ?? 'application/json';
  if (init.origin !== undefined) headers.origin = init.origin;
  const res = await fetch(`${base}${path}`, { method, headers, body: init.raw ?? (body === undefined ? undefined : JSON.stringify(body)) });
  const text = await res.text();
  return { status: res.status, json: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
}
