import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { readPaste } from '../../src/intake/read-paste.js';
import { evidenceSchema } from './support.js';

/**
 * Inputs built to make a backtracking pattern or a quadratic scan blow up. Each is ~1 MB (under the
 * read limit, so all of it is read); each must finish well inside a generous bound.
 */
const SIZE = 1_000_000;
const BOUND_MS = 2000;
const UUID = '2fdb923e-1d23-4e1b-a30f-e9cd88845744';

/** About SIZE bytes of UTF-8 made of `unit`. */
function repeat(unit: string): string {
  const count = Math.floor(SIZE / Buffer.byteLength(unit, 'utf8'));
  return unit.repeat(count);
}

const cases: Array<[name: string, text: string, expectTrackingIds: number]> = [
  ['"ATLAS_" repeated', repeat('ATLAS_'), 0],
  ['"{" repeated', repeat('{'), 0],
  ['an unclosed JSON body that never ends', 'Error: {"error": ' + repeat('["a", {"b": '), 0],
  ['"a-a-a-" repeated', repeat('a-'), 0],
  ['almost-UUIDs (last group one short)', repeat(`${UUID.slice(0, -1)} `), 0],
  ['almost-UUIDs glued together', repeat(UUID.replace(/-/g, '')), 0],
  ['tracking ids without their sequence number', repeat(`ATLAS_${UUID}_`), 0],
  ['the same tracking id 17,000 times', repeat(`Tracking ID: ATLAS_${UUID}_1 `), 1],
  ['labels on one endless line', repeat('Status: Status Text: URL: Logged-in User '), 0],
  ['"tenant " repeated', repeat('tenant '), 0],
  ['"AADSTS" repeated', repeat('AADSTS'), 0],
  ['AADSTS codes on one line', repeat('AADSTS50020: x '), 0],
  ['base64 Webex id prefixes', repeat('Y2lzY29zcGFyazovL'), 0],
  ['unclosed HTML tags', repeat('<p '), 0],
  ['unfinished entities', repeat('&#x'), 0],
  ['quotes', repeat('"'), 0],
  ['client-request-id labels', repeat('client-request-id: '), 0],
  ['URLs that never reach a path', repeat('https://identity-b-us.webex.com'), 0],
  ['the toast phrase with no end', repeat('azure ad integration error '), 0],
  ['line breaks', repeat('\n'), 0],
  ['quote markers and bullets', repeat('> - '), 0],
  ['zero-width characters', repeat('\u200b'), 0],
  ['Japanese text', repeat('統合エラー。'), 0],
];

describe('linear time on adversarial input', () => {
  for (const [name, text, expectTrackingIds] of cases) {
    it(`reads 1 MB of ${name}`, () => {
      const started = performance.now();
      const evidence = readPaste(text);
      const elapsed = performance.now() - started;
      expect(evidenceSchema.safeParse(evidence).error).toBeUndefined();
      expect(evidence.trackingIds).toHaveLength(expectTrackingIds);
      expect(evidence.truncated).toBe(false);
      expect(elapsed).toBeLessThan(BOUND_MS);
    });
  }
});
