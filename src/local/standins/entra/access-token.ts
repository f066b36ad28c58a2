/**
 * Access tokens the stand-in issues and its Graph accepts: JWT-shaped (Graph clients never read them) and
 * HMAC-signed with a key born and dying with the stand-in. Roles are frozen at issue time, as in Entra:
 * a permission granted later needs a new token.
 */
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

export interface AccessTokenClaims {
  aud: string;
  iss: string;
  tid: string;
  appid: string;
  roles: string[];
  iat: number;
  nbf: number;
  exp: number;
  uti: string;
}

export type TokenCheck = { ok: true; claims: AccessTokenClaims } | { ok: false; message: string };

const b64url = (data: string | Buffer): string => Buffer.from(data).toString('base64url');

export class AccessTokenMint {
  private readonly key = randomBytes(32);

  issue(claims: Omit<AccessTokenClaims, 'iat' | 'nbf' | 'uti'>, nowSeconds: number): string {
    const full: AccessTokenClaims = { ...claims, iat: nowSeconds, nbf: nowSeconds, uti: randomUUID() };
    const unsigned = `${b64url(JSON.stringify({ typ: 'JWT', alg: 'HS256' }))}.${b64url(JSON.stringify(full))}`;
    return `${unsigned}.${this.sign(unsigned)}`;
  }

  /** Graph's checks, in Graph's order, with messages like Graph's. */
  verify(token: string, audience: string, nowSeconds: number): TokenCheck {
    const parts = token.split('.');
    const [header, payload, signature] = parts;
    if (parts.length !== 3 || header === undefined || payload === undefined || signature === undefined) {
      return { ok: false, message: 'IDX14100: JWT is not well formed, there are no dots (.).' };
    }
    const expected = Buffer.from(this.sign(`${header}.${payload}`));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      return { ok: false, message: 'Access token validation failure. Invalid signature.' };
    }
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as AccessTokenClaims;
    if (claims.aud !== audience) return { ok: false, message: 'Access token validation failure. Invalid audience.' };
    if (claims.exp <= nowSeconds) return { ok: false, message: 'Lifetime validation failed, the token is expired.' };
    return { ok: true, claims };
  }

  private sign(unsigned: string): string {
    return createHmac('sha256', this.key).update(unsigned).digest('base64url');
  }
}
