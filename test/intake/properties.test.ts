import { Buffer } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPaste } from '../../src/intake/read-paste.js';
import { SEED_TRACKING_ID, evidenceSchema, pasteFixture } from './support.js';

const RUNS = { seed: 42, numRuns: 300 };

function assertWellFormed(text: string): void {
  const result = evidenceSchema.safeParse(readPaste(text));
  if (!result.success) throw new Error(`${result.error.message}\nfor input ${JSON.stringify(text).slice(0, 300)}`);
}

/** Pieces that exercise every branch of the normaliser and extractors, glued at random. */
const messyPiece = fc.constantFrom(
  '<p>', '</p>', '<br>', '<p ', '&amp;', '&quot;', '&#8203;', '&#x', '&', '\u200b', '\ufeff', '\u00a0', '\r\n', '\r', '\n',
  '`', '**', '> ', '- ', '\\_', '{', '}', '[', ']', '"', '\u201c', ':', '\uff1a', 'ATLAS_', '_136', 'Status: ', 'Error: {',
  'URL: https://identity-b-us.webex.com/extIntegration/azureAD/', '2fdb923e-1d23-4e1b-a30f-e9cd88845744', 'AADSTS', '700016',
  'tenant ', 'client-request-id: ', 'Y2lzY29zcGFyazovL', 'Azure AD integration error', '統合エラー', 'la ', 'der ', '\ud800',
);
const messyText = fc.array(fc.oneof(messyPiece, fc.string({ maxLength: 8 })), { maxLength: 60 }).map((parts) => parts.join(''));

describe('readPaste properties', () => {
  it('never throws and always returns well-formed Evidence on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), (text) => assertWellFormed(text)), RUNS);
  });

  it('…on arbitrary Unicode, lone surrogates included', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => assertWellFormed(text)), RUNS);
  });

  it('…on arbitrary bytes decoded as latin1', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => assertWellFormed(Buffer.from(bytes).toString('latin1'))),
      RUNS,
    );
  });

  it('…on text made of the very fragments the reader looks for', () => {
    fc.assert(fc.property(messyText, (text) => assertWellFormed(text)), RUNS);
  });

  it('finds the tracking id of the debug block wherever it is put in random noise', () => {
    const block = pasteFixture('en-debug-info.txt');
    const noise = fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }), messyText);
    fc.assert(
      fc.property(noise, noise, (before, after) => {
        const evidence = readPaste(`${before}\n${block}\n${after}`);
        expect(evidence.trackingIds[0]).toBe(SEED_TRACKING_ID);
        expect(evidence.webexErrorCodes).toContain('701018');
      }),
      RUNS,
    );
  });
});
