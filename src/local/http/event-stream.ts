import type { Request, Response } from 'express';

/** How often an idle stream gets a comment line, so proxies and browsers keep it open. */
const HEARTBEAT_MS = 20_000;

/**
 * Server-Sent Events to every open page: new messages (the bot's replies) and demo tenant changes. Streams are
 * tracked so stopping local mode ends them (an open stream would keep the HTTP server from closing).
 */
export class EventStreamHub {
  private readonly clients = new Set<Response>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor() {
    this.heartbeat = setInterval(() => {
      for (const res of this.clients) res.write(': keep-alive\n\n');
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  open(req: Request, res: Response): void {
    res.status(200).set({
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      // Tell buffering proxies (nginx) to pass events through at once.
      'x-accel-buffering': 'no',
    });
    res.flushHeaders();
    // The browser reconnects on its own after this many ms if the stream drops.
    res.write('retry: 2000\n\n');
    this.clients.add(res);
    req.on('close', () => this.clients.delete(res));
  }

  /** One event to every page; `data` is JSON, which never holds a raw newline, so one `data:` line suffices. */
  send(event: string, data: unknown): void {
    const frame = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    for (const res of this.clients) res.write(frame);
  }

  get size(): number {
    return this.clients.size;
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const res of this.clients) res.end();
    this.clients.clear();
  }
}
