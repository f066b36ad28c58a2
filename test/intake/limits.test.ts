import { describe, expect, it } from 'vitest';
import { isCodedError } from '../../src/errors.js';
import { DEFAULT_MAX_BYTES, DEFAULT_REFUSE_ABOVE_BYTES, PASTE_TOO_LARGE, PasteTooLargeError } from '../../src/intake/limits.js';
import { readPaste } from '../../src/intake/read-paste.js';
import { SEED_ORG_ID, SEED_TRACKING_ID, pasteFixture } from './support.js';

const block = pasteFixture('en-debug-info.txt');

/** Deterministic log-like noise: lines of words, ids that are not UUIDs, JSON fragments. */
function noise(length: number): string {
  const line = 'INFO 2023-05-21 request took 12ms id=4f3a2b1c status=200 {"ok":true} lorem ipsum dolor sit amet\n';
  return line.repeat(Math.ceil(length / line.length)).slice(0, length);
}

describe('size limits', () => {
  it('finds the signal in the middle of 1 MB of noise, quickly', () => {
    const text = `${noise(500_000)}\n${block}\n${noise(500_000)}`;
    const started = performance.now();
    const evidence = readPaste(text);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(evidence).toMatchObject({ trackingIds: [SEED_TRACKING_ID], orgId: SEED_ORG_ID, httpStatus: 401, truncated: false });
  });

  it('reads the first MiB of a longer paste and says it was cut', () => {
    const early = readPaste(`${block}\n${noise(DEFAULT_MAX_BYTES)}`);
    expect(early).toMatchObject({ trackingIds: [SEED_TRACKING_ID], truncated: true });
    const late = readPaste(`${noise(DEFAULT_MAX_BYTES)}\n${block}`);
    expect(late).toMatchObject({ trackingIds: [], truncated: true });
  });

  it('refuses a paste over 2 MiB with a coded error that says what to do', () => {
    let caught: unknown;
    try {
      readPaste(noise(DEFAULT_REFUSE_ABOVE_BYTES + 1));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PasteTooLargeError);
    expect(isCodedError(caught) && caught.code).toBe(PASTE_TOO_LARGE);
    expect((caught as Error).message).toMatch(/Copy Debug Info/);
    expect(() => readPaste(noise(DEFAULT_REFUSE_ABOVE_BYTES))).not.toThrow();
  });

  it('counts UTF-8 bytes, not characters, and never cuts a character in half', () => {
    const emoji = '\u{1F600}'; // 4 bytes, 2 UTF-16 units
    const evidence = readPaste(`${SEED_TRACKING_ID} ${emoji.repeat(10)}`, { maxBytes: SEED_TRACKING_ID.length + 1 + 6 });
    expect(evidence).toMatchObject({ trackingIds: [SEED_TRACKING_ID], truncated: true });
    expect(() => readPaste('\u00e9'.repeat(60), { maxBytes: 10, refuseAboveBytes: 100 })).toThrow(PasteTooLargeError);
    expect(readPaste('\u00e9'.repeat(50), { maxBytes: 10, refuseAboveBytes: 100 }).truncated).toBe(true);
  });
});
