import os from 'node:os';
import { round } from './stats.js';

/** Where the numbers were measured: they mean little without it (this project's CI box is 2 shared cores). */
export interface Machine {
  measuredAt: string;
  /** What `nproc` reports: the CPUs this process may run on. */
  cpus: number;
  cpuModel: string;
  totalMemoryGiB: number;
  node: string;
  os: string;
  /** Other work on the box skews every latency here; the load at start (and at the end of the run) says how much. */
  loadAverage: number[];
}

export const loadAverageNow = (): number[] => os.loadavg().map((l) => round(l, 2));

export function describeMachine(now = new Date()): Machine {
  return {
    measuredAt: now.toISOString(),
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    totalMemoryGiB: round(os.totalmem() / 2 ** 30, 1),
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverage: loadAverageNow(),
  };
}
