import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidSparkSignature } from '../../src/webex/verify-signature.js';

const SECRET = 'a-webhook-secret-of-some-length';
const sign = (body: Buffer | string, secret = SECRET): string => createHmac('sha1', secret).update(body).digest('hex');

describe('isValidSparkSignature', () => {
  const body = Buffer.from('{"resource":"messages","event":"created","data":{"id":"abc"}}');

  it('accepts the HMAC-SHA1 of the raw body, in either hex case', () => {
    expect(isValidSparkSignature(body, sign(body), SECRET)).toBe(true);
    expect(isValidSparkSignature(body, sign(body).toUpperCase(), SECRET)).toBe(true);
  });

  it('refuses a signature made with another secret, or over another body', () => {
    expect(isValidSparkSignature(body, sign(body, 'another-secret'), SECRET)).toBe(false);
    expect(isValidSparkSignature(body, sign(Buffer.concat([body, Buffer.from(' ')])), SECRET)).toBe(false);
  });

  it('refuses missing, empty, wrong-length and non-hex signatures without throwing', () => {
    const good = sign(body);
    expect(isValidSparkSignature(body, undefined, SECRET)).toBe(false);
    expect(isValidSparkSignature(body, '', SECRET)).toBe(false);
    expect(isValidSparkSignature(body, good.slice(0, 39), SECRET)).toBe(false);
    expect(isValidSparkSignature(body, good + '00', SECRET)).toBe(false);
    expect(isValidSparkSignature(body, createHmac('sha256', SECRET).update(body).digest('hex'), SECRET)).toBe(false);
    expect(isValidSparkSignature(body, 'z'.repeat(40), SECRET)).toBe(false);
  });

  it('refuses everything when no secret is configured', () => {
    expect(isValidSparkSignature(body, createHmac('sha1', '').update(body).digest('hex'), '')).toBe(false);
  });

  it('checks the bytes as received: re-serialised JSON (what the framework signs) does not match', () => {
    // Webex may escape non-ASCII characters; JSON.parse + JSON.stringify writes them raw, so the bytes differ.
    const raw = Buffer.from('{"data":{"id":"x"},"name":"Caf\\u00e9 \\ud83d\\ude00", "spaced": true}', 'utf8');
    const signature = sign(raw);
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(raw.toString('utf8'))), 'utf8');
    expect(reserialised.equals(raw)).toBe(false);
    expect(isValidSparkSignature(raw, signature, SECRET)).toBe(true);
    expect(isValidSparkSignature(reserialised, signature, SECRET)).toBe(false);
  });

  it('holds for any body and secret: the right signature passes, any altered one fails', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), fc.string({ minLength: 1, maxLength: 64 }), fc.nat(39), (bytes, secret, position) => {
        const raw = Buffer.from(bytes);
        const signature = sign(raw, secret);
        const flipped = signature.slice(0, position) + (signature[position] === '0' ? '1' : '0') + signature.slice(position + 1);
        return isValidSparkSignature(raw, signature, secret) && !isValidSparkSignature(raw, flipped, secret);
      }),
    );
  });
});
