import type { Request, Response } from 'express';

/**
 * Webex list paging: `max` caps a page (default 100, at most 1000) and a `Link: <…>; rel="next"` header
 * points at the next page, which is what the SDK's Page.hasNext()/next() follow.
 */
export function sendPage<T>(req: Request, res: Response, items: readonly T[]): void {
  const requested = Number(req.query.max);
  const max = Number.isInteger(requested) && requested > 0 ? Math.min(requested, 1000) : 100;
  const cursor = typeof req.query.cursor === 'string' ? Number(Buffer.from(req.query.cursor, 'base64url').toString('utf8')) : 0;
  const start = Number.isInteger(cursor) && cursor > 0 ? cursor : 0;
  const page = items.slice(start, start + max);
  if (start + max < items.length) {
    const next = new URL(`${req.protocol}://${req.get('host') ?? '127.0.0.1'}${req.originalUrl}`);
    next.searchParams.set('max', String(max));
    next.searchParams.set('cursor', Buffer.from(String(start + max), 'utf8').toString('base64url'));
    res.set('Link', `<${next.toString()}>; rel="next"`);
  }
  res.json({ items: page });
}
