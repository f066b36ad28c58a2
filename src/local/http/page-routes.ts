import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import express from 'express';
import type { RequestHandler, Response, Router } from 'express';
import { projectPath } from '../../paths.js';

export const PUBLIC_DIR = projectPath('src/local/public');

/** The adaptivecards package's browser bundle, found where Node resolves the package (hoisted or not). */
function adaptiveCardsBundle(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('adaptivecards/package.json')), 'dist', 'adaptivecards.min.js');
}

/**
 * The pages run only our own scripts; card text is inserted as text or through the page's escaping Markdown
 * renderer, and this policy is the second fence should anything slip. Inline styles stay allowed because the
 * Adaptive Cards renderer sets them.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

function setSecurityHeaders(res: Response): void {
  res.set({ 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' });
}

/**
 * The pages and their assets. Only GET routes and a static handler that passes everything else on, so these
 * routes never touch the bot's own requests (the webhook) when mounted on the same app.
 */
export function addPageRoutes(router: Router): void {
  const page =
    (file: string): RequestHandler =>
    (_req, res) => {
      setSecurityHeaders(res);
      res.sendFile(join(PUBLIC_DIR, file));
    };
  router.get('/cards', page('cards.html'));
  router.get('/local/demo/consent', page('consent.html'));
  const bundle = adaptiveCardsBundle();
  router.get('/vendor/adaptivecards.js', (_req, res) => {
    setSecurityHeaders(res);
    res.type('application/javascript').sendFile(bundle);
  });
  router.use(express.static(PUBLIC_DIR, { index: 'index.html', setHeaders: setSecurityHeaders }));
}
