import { createHmac, timingSafeEqual } from 'node:crypto';

const SHA1_HEX = /^[0-9a-f]{40}$/i;

/**
 * Checks Webex's `X-Spark-Signature` header: the hex HMAC-SHA1 of the request's raw bytes keyed with the
 * webhook secret. It must be computed over the bytes as received (re-serialising parsed JSON changes
 * escapes and spacing, which is the framework's own mistake), and compared in constant time.
 */
export function isValidSparkSignature(rawBody: Buffer, header: string | undefined, secret: string): boolean {
  if (header === undefined || secret === '') return false;
  const claimed = header.trim();
  if (!SHA1_HEX.test(claimed)) return false;
  const expected = createHmac('sha1', secret).update(rawBody).digest();
  // Both buffers are 20 bytes here (the regex fixed the header's length), as timingSafeEqual requires.
  return timingSafeEqual(expected, Buffer.from(claimed, 'hex'));
}
