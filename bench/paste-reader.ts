import { Buffer } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { readPaste } from '../src/intake/read-paste.js';
import { DEFAULT_MAX_BYTES } from '../src/intake/limits.js';
import type { Evidence } from '../src/intake/evidence.js';
import { projectPath } from '../src/paths.js';
import { timePerCall } from './lib/micro.js';
import type { Suite, Table, Target } from './lib/report.js';
import { round, sig3 } from './lib/stats.js';

/**
 * The paste reader (src/intake readPaste) on the seeds, on a realistic 1 MiB paste and on inputs built to make
 * a backtracking pattern or a quadratic scan blow up, at 64 KiB … 1 MiB. Linear time shows as a flat
 * ns/byte across sizes; anything super-linear shows as ns/byte growing with the size.
 */

const KiB = 1024;
const SIZES = [64 * KiB, 128 * KiB, 256 * KiB, 512 * KiB, DEFAULT_MAX_BYTES];
/** A smoke run keeps the ends (the growth figure compares them) and one size between. */
const QUICK_SIZES = [64 * KiB, 256 * KiB, DEFAULT_MAX_BYTES];
const UUID = '2fdb923e-1d23-4e1b-a30f-e9cd88845744';
/** ns/byte at 1 MiB may be at most this many times that at 64 KiB to count as linear (room for cache effects and noise). */
const LINEAR_SLACK = 2;

const seed = (name: string): string => readFileSync(projectPath('test/fixtures/pastes', name), 'utf8');

/** Exactly `bytes` UTF-8 bytes of `unit` repeated (ASCII spaces make up the last partial unit). */
function fill(unit: string, bytes: number): string {
  const unitBytes = Buffer.byteLength(unit, 'utf8');
  const whole = Math.floor(bytes / unitBytes);
  return unit.repeat(whole) + ' '.repeat(bytes - whole * unitBytes);
}

interface Input {
  name: string;
  unit: string;
}

function inputs(): Input[] {
  return [
    { name: 'French seed, repeated (a pasted chat log)', unit: `${seed('seed-fr.txt')}\n` },
    { name: '"ATLAS_" repeated', unit: 'ATLAS_' },
    { name: '"{" repeated', unit: '{' },
    { name: '"a-a-a-…"', unit: 'a-' },
    { name: 'almost-UUIDs (last group one short)', unit: `${UUID.slice(0, -1)} ` },
    { name: 'tracking ids without their sequence number', unit: `ATLAS_${UUID}_` },
  ];
}

function checkedRead(text: string): Evidence {
  const evidence = readPaste(text);
  // A truncated read would time less work than claimed.
  if (evidence.truncated) throw new Error(`readPaste truncated a ${Buffer.byteLength(text)}-byte input: the numbers would be wrong`);
  return evidence;
}

export const pasteReaderSuite: Suite = {
  id: 'paste',
  title: '1. Paste reader (src/intake readPaste)',
  async run({ quick, progress }) {
    const budgetMs = quick ? 30 : 400;
    const sizes = quick ? QUICK_SIZES : SIZES;
    const seeds: Table = {
      title: 'Seed pastes (the two real Cisco documents)',
      columns: ['paste', 'bytes', 'wall µs/read', 'CPU µs/read', 'MB/s (CPU)'],
      rows: [],
    };
    for (const name of ['seed-ja.txt', 'seed-fr.txt']) {
      const text = seed(name);
      const bytes = Buffer.byteLength(text, 'utf8');
      const { wallMs, cpuMs, last } = timePerCall(() => checkedRead(text), { budgetMs: quick ? 100 : 1000 });
      if (last.trackingIds.length === 0) throw new Error(`${name}: no tracking id read; the reader is not doing its work`);
      seeds.rows.push([name, bytes, round(wallMs * 1000, 0), round(cpuMs * 1000, 0), sig3(bytes / 1e6 / (cpuMs / 1000))]);
    }

    const scaling: Table = {
      title: 'CPU ns per byte by input size, best batch (flat = linear); CPU ms and MB/s at 1 MiB',
      columns: ['input', ...sizes.map((s) => (s >= DEFAULT_MAX_BYTES ? '1 MiB' : `${s / KiB} KiB`)), 'growth ×', 'ms @1 MiB', 'MB/s @1 MiB'],
      rows: [],
    };
    const targets: Target[] = [];
    for (const input of inputs()) {
      progress(`paste reader: ${input.name}`);
      const nsPerByte: number[] = [];
      let msAtMax = 0;
      for (const [index, size] of sizes.entries()) {
        const text = fill(input.unit, size);
        // The smallest size warms the code paths this input takes; a warm-up call at 1 MiB would only cost time.
        const { bestCpuMs } = timePerCall(() => checkedRead(text), { budgetMs, minBatches: quick ? 2 : 5, warmUp: index === 0 });
        nsPerByte.push((bestCpuMs * 1e6) / size);
        msAtMax = bestCpuMs;
      }
      const growth = (nsPerByte.at(-1) ?? 0) / (nsPerByte[0] ?? 1);
      scaling.rows.push([input.name, ...nsPerByte.map(sig3), round(growth, 2), sig3(msAtMax), sig3(DEFAULT_MAX_BYTES / 1e6 / (msAtMax / 1000))]);
      targets.push({ name: `linear: ${input.name}`, goal: `ns/byte at 1 MiB ≤ ${LINEAR_SLACK}× that at 64 KiB`, measured: `${round(growth, 2)}×`, met: growth <= LINEAR_SLACK });
    }
    return {
      tables: [seeds, scaling],
      targets,
      notes: [
        'CPU time (user + system): wall time stretches with the machine\'s load, CPU time much less. Seeds: median batch. Sizes: best batch (noise only adds time, so the minimum compares sizes most fairly). Every read is checked not to be truncated (1 MiB is the reader\'s default limit, read whole).',
        'MB/s counts 10^6 UTF-8 bytes. Growth × = ns/byte at 1 MiB ÷ ns/byte at 64 KiB (1.0 = perfectly linear).',
      ],
    };
  },
};
