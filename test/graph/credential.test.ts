import type { AccessToken, TokenCredential } from '@azure/identity';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GuardedCredential } from '../../src/graph/credential.js';
import { GraphProblemError } from '../../src/graph/errors.js';

/** A credential that hands out numbered tokens living `lifetimeMs`, or fails as told. */
function countingCredential(lifetimeMs: number, failWith?: Error): TokenCredential & { calls: number } {
  const credential = {
    calls: 0,
    async getToken(): Promise<AccessToken> {
      credential.calls += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (failWith !== undefined) throw failWith;
      return { token: `t${credential.calls}`, expiresOnTimestamp: Date.now() + lifetimeMs };
    },
  };
  return credential;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('GuardedCredential', () => {
  it('shares one request between concurrent callers and reuses the token until renewal is due', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const inner = countingCredential(60 * 60_000);
    const guarded = new GuardedCredential(inner, [], 1000);
    const tokens = await Promise.all([guarded.getToken('s'), guarded.getToken('s'), guarded.getToken('s')]);
    expect(tokens.map((t) => t.token)).toEqual(['t1', 't1', 't1']);
    expect(inner.calls).toBe(1);
    vi.setSystemTime(Date.now() + 54 * 60_000);
    expect((await guarded.getToken('s')).token).toBe('t1');
    // Five minutes before expiry a new token is fetched.
    vi.setSystemTime(Date.now() + 2 * 60_000);
    expect((await guarded.getToken('s')).token).toBe('t2');
  });

  it('renews a short-lived token halfway through its life', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const inner = countingCredential(4000);
    const guarded = new GuardedCredential(inner, [], 1000);
    await guarded.getToken('s');
    vi.setSystemTime(Date.now() + 1900);
    expect((await guarded.getToken('s')).token).toBe('t1');
    vi.setSystemTime(Date.now() + 200);
    expect((await guarded.getToken('s')).token).toBe('t2');
  });

  it('turns a failure into a classified problem without the secret, and does not cache it', async () => {
    const inner = countingCredential(60_000, new Error('AADSTS7000222: The provided client secret keys for app are expired. sEcReT-1234'));
    const guarded = new GuardedCredential(inner, ['sEcReT-1234'], 1000);
    const error = await guarded.getToken('s').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphProblemError);
    expect((error as GraphProblemError).problem).toMatchObject({ kind: 'auth', aadstsCode: '7000222' });
    expect(JSON.stringify((error as GraphProblemError).problem)).not.toContain('sEcReT-1234');
    await guarded.getToken('s').catch(() => undefined);
    expect(inner.calls).toBe(2);
  });
});
