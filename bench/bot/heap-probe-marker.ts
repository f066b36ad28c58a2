/** Starts the heap probe's line on a bot's stderr (shared by the probe and the process launcher). */
export const HEAP_PROBE_MARKER = '@@bench-heap@@ ';

export interface MemorySample {
  /** True when the probe could force a full GC before measuring (the process was started with --expose-gc). */
  forcedGc: boolean;
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}
