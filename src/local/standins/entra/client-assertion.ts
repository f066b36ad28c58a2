/**
 * Checks a certificate client assertion the way Entra does: a JWT signed (RS256 or PS256) by the private key of
 * a certificate registered on the app, naming the app as issuer and subject and the token endpoint as audience.
 */
import { X509Certificate, constants, verify } from 'node:crypto';
import type { FakeClientCertificate } from './model.js';

export type AssertionCheck = { ok: true } | { ok: false; aadsts: number; description: string };

interface AssertionHeader {
  alg?: string;
  x5t?: string;
  'x5t#S256'?: string;
}

interface AssertionPayload {
  aud?: string;
  iss?: string;
  sub?: string;
  exp?: number;
  nbf?: number;
}

function decodePart<T>(part: string): T | undefined {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as T;
  } catch {
    return undefined;
  }
}

function thumbprint(certificate: X509Certificate, algorithm: 'sha1' | 'sha256'): string {
  const hex = (algorithm === 'sha1' ? certificate.fingerprint : certificate.fingerprint256).replace(/:/g, '');
  return Buffer.from(hex, 'hex').toString('base64url');
}

export function checkClientAssertion(
  assertion: string,
  expected: { clientId: string; tokenEndpoint: string; nowSeconds: number },
  registered: readonly FakeClientCertificate[],
): AssertionCheck {
  const [headerPart, payloadPart, signaturePart] = assertion.split('.');
  const header = headerPart === undefined ? undefined : decodePart<AssertionHeader>(headerPart);
  const payload = payloadPart === undefined ? undefined : decodePart<AssertionPayload>(payloadPart);
  if (header === undefined || payload === undefined || signaturePart === undefined) {
    return { ok: false, aadsts: 50027, description: 'JWT token is invalid or malformed.' };
  }
  if (payload.iss !== expected.clientId || payload.sub !== expected.clientId) {
    return { ok: false, aadsts: 700021, description: 'Client assertion application identifier does not match the client_id parameter.' };
  }
  if (payload.aud !== expected.tokenEndpoint) {
    return { ok: false, aadsts: 50027, description: `Invalid JWT token. The audience of the client assertion is not the token endpoint '${expected.tokenEndpoint}'.` };
  }
  if (payload.exp === undefined || payload.exp <= expected.nowSeconds) {
    return { ok: false, aadsts: 700024, description: 'Client assertion is not within its valid time range.' };
  }
  const wanted = header['x5t#S256'] ?? header.x5t;
  const algorithm = header['x5t#S256'] === undefined ? 'sha1' : 'sha256';
  const certificate = registered
    .map((r) => new X509Certificate(r.certificatePem))
    .find((c) => thumbprint(c, algorithm) === wanted);
  if (certificate === undefined) {
    return { ok: false, aadsts: 700027, description: `Client assertion failed signature validation. (Reason - The key was not found., Thumbprint of key used by client: '${wanted ?? ''}')` };
  }
  const signed = Buffer.from(`${headerPart}.${payloadPart}`);
  const signature = Buffer.from(signaturePart, 'base64url');
  const key = certificate.publicKey;
  const valid =
    header.alg === 'PS256'
      ? verify('sha256', signed, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }, signature)
      : header.alg === 'RS256' && verify('sha256', signed, key, signature);
  return valid
    ? { ok: true }
    : { ok: false, aadsts: 700027, description: 'Client assertion failed signature validation. (Reason - The provided signature value did not match the expected signature value.)' };
}
