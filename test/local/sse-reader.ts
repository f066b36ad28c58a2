/** Reads a Server-Sent Events stream over real HTTP and keeps every event, for assertions. */
export interface SseReader {
  events: { event: string; data: unknown }[];
  close(): void;
}

export async function openEventStream(url: string): Promise<SseReader> {
  const controller = new AbortController();
  const res = await fetch(url, { signal: controller.signal, headers: { accept: 'text/event-stream' } });
  if (!res.ok || res.body === null) throw new Error(`stream answered ${res.status}`);
  const events: SseReader['events'] = [];
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(frame)?.[1];
          const data = /^data: (.*)$/m.exec(frame)?.[1];
          if (event !== undefined && data !== undefined) events.push({ event, data: JSON.parse(data) as unknown });
        }
      }
    } catch {
      // Aborted by close(): nothing more to read.
    }
  })();
  return { events, close: () => controller.abort() };
}
