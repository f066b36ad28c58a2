import { describe, expect, it } from 'vitest';
import { describeEvidence } from '../../src/intake/describe.js';
import { readPaste } from '../../src/intake/read-paste.js';
import { SEED_TRACKING_ID, pasteFixture } from './support.js';

describe('describeEvidence', () => {
  it('lists what was read and what was not, in English, for the Japanese seed', () => {
    const text = describeEvidence(readPaste(pasteFixture('seed-ja.txt')));
    expect(text).toContain(`Tracking ID         ${SEED_TRACKING_ID}`);
    expect(text).toContain('HTTP status         401 Unauthorized');
    expect(text).toContain('cluster identity-b-us, integration azureAD, resource WebexApplications/status');
    expect(text).toContain('Language of the message: Japanese (ja)');
    expect(text).toContain('Not found: AADSTS error, Entra tenant ID');
    expect(text).toMatch(/Diagnosable: yes\.$/);
  });

  it('says when nothing was found, and what to paste instead', () => {
    const text = describeEvidence(readPaste('thanks!'));
    expect(text).toMatch(/^Nothing recognisable was found/);
    expect(text).toMatch(/Diagnosable: no\. Paste the Control Hub error message/);
  });

  it('never lets a terminal control sequence through', () => {
    const evidence = { ...readPaste('Customer Type: Enterprise'), customerType: 'Enter\u001b[2Jprise\u202e' };
    expect(describeEvidence(evidence)).toContain('Enter?[2Jprise?');
  });

  it('mentions a cut paste', () => {
    expect(describeEvidence(readPaste(`${SEED_TRACKING_ID} ${'x'.repeat(100)}`, { maxBytes: 60 }))).toContain('only its beginning was read');
  });
});
