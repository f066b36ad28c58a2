/**
 * Preloaded into bot processes under benchmark (`node --expose-gc --import …/heap-probe.ts`): on SIGUSR2 it runs
 * a full garbage collection and writes the process's memory usage as one marked line on stderr. RSS alone
 * cannot tell a leak from garbage V8 has not bothered to collect yet; the heap after a full GC can. Nothing
 * happens unless the benchmark sends the signal.
 */
import { HEAP_PROBE_MARKER } from './heap-probe-marker.js';

const gc = (globalThis as { gc?: () => void }).gc;
process.on('SIGUSR2', () => {
  gc?.();
  process.stderr.write(`${HEAP_PROBE_MARKER}${JSON.stringify({ forcedGc: gc !== undefined, ...process.memoryUsage() })}\n`);
});
