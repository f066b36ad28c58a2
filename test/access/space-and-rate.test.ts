import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { RateLimiter, spaceIsPrivateEnough, TokenBuckets } from '../../src/access/index.js';
import type { AccessPolicy, Asker } from '../../src/access/index.js';
import { hydraId } from './ids.js';

const orgA = hydraId('ORGANIZATION');
const orgB = hydraId('ORGANIZATION');
const tenantA = randomUUID();
const policy: AccessPolicy = {
  botOrgId: orgA,
  allowedOrgIds: [orgA, orgB],
  tenants: [
    { webexOrgId: orgA, entraTenantId: tenantA },
    { webexOrgId: orgB, entraTenantId: randomUUID() },
  ],
};
const member = (orgId: string): Asker => ({ personId: hydraId('PEOPLE'), orgId, emails: [] });

describe('spaceIsPrivateEnough', () => {
  const bot = member(orgA);

  it('allows a 1:1 space: the asker and the bot', () => {
    expect(spaceIsPrivateEnough([member(orgA), bot], policy, tenantA, { botPersonId: bot.personId })).toBe(true);
  });

  it('allows a group space where everyone may see the tenant', () => {
    expect(spaceIsPrivateEnough([member(orgA), member(orgA), bot], policy, tenantA, { botPersonId: bot.personId })).toBe(true);
  });

  it('refuses a group space with an outsider from another company', () => {
    const outsider = member(hydraId('ORGANIZATION'));
    expect(spaceIsPrivateEnough([member(orgA), outsider], policy, tenantA)).toBe(false);
  });

  it("refuses a group space with someone from another of the partner's customers", () => {
    expect(spaceIsPrivateEnough([member(orgA), member(orgB)], policy, tenantA)).toBe(false);
  });

  it('refuses a space with a colleague missing from the person allow-list', () => {
    const admin = member(orgA);
    const strict: AccessPolicy = { ...policy, allowedPersonIds: [admin.personId] };
    expect(spaceIsPrivateEnough([admin, member(orgA)], strict, tenantA)).toBe(false);
    expect(spaceIsPrivateEnough([admin], strict, tenantA)).toBe(true);
  });
});

function fakeClock(startMs = Date.parse('2025-01-01T00:00:00Z')): { now: () => number; advance: (ms: number) => void } {
  let t = startMs;
  return { now: () => t, advance: (ms) => (t += ms) };
}

describe('TokenBuckets', () => {
  it('spends a burst of one minute, then refills at the sustained rate', () => {
    const clock = fakeClock();
    const buckets = new TokenBuckets({ perMinute: 6, now: clock.now });
    for (let i = 0; i < 6; i++) expect(buckets.take('k')).toEqual({ ok: true });
    expect(buckets.take('k')).toEqual({ ok: false, retryAfterSeconds: 10 });
    clock.advance(9_000);
    expect(buckets.take('k')).toEqual({ ok: false, retryAfterSeconds: 1 });
    clock.advance(1_000);
    expect(buckets.take('k')).toEqual({ ok: true });
    expect(buckets.take('other')).toEqual({ ok: true });
  });

  it('does not mint tokens when the clock steps backwards', () => {
    const clock = fakeClock();
    const buckets = new TokenBuckets({ perMinute: 1, now: clock.now });
    expect(buckets.take('k').ok).toBe(true);
    clock.advance(-3_600_000);
    expect(buckets.take('k').ok).toBe(false);
  });

  it('forgets refilled buckets beyond maxKeys without forgetting empty ones', () => {
    const clock = fakeClock();
    const buckets = new TokenBuckets({ perMinute: 1, now: clock.now, maxKeys: 2 });
    buckets.take('a');
    clock.advance(60_000); // "a" is full again
    buckets.take('b');
    buckets.take('c'); // three keys: the sweep forgets "a" only
    expect(buckets.take('b').ok).toBe(false);
    expect(buckets.take('c').ok).toBe(false);
    expect(buckets.take('a').ok).toBe(true);
  });

  it('rejects a rate that is not positive', () => {
    expect(() => new TokenBuckets({ perMinute: 0 })).toThrow(RangeError);
  });
});

describe('RateLimiter', () => {
  it('limits each person, and each tenant across people', () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ perPersonPerMinute: 2, perTenantPerMinute: 3, now: clock.now });
    const [alice, bob] = [hydraId('PEOPLE'), hydraId('PEOPLE')];
    expect(limiter.take({ personId: alice, tenantId: tenantA }).ok).toBe(true);
    expect(limiter.take({ personId: alice, tenantId: tenantA }).ok).toBe(true);
    expect(limiter.take({ personId: alice, tenantId: tenantA })).toEqual({ ok: false, retryAfterSeconds: 30 });
    expect(limiter.take({ personId: bob, tenantId: tenantA }).ok).toBe(true);
    // The tenant is spent now (3 a minute), so Bob waits although he has a token left...
    expect(limiter.take({ personId: bob, tenantId: tenantA })).toEqual({ ok: false, retryAfterSeconds: 20 });
    // ...and that refusal did not cost him it: a request without a tenant still passes.
    expect(limiter.take({ personId: bob }).ok).toBe(true);
    clock.advance(30_000);
    expect(limiter.take({ personId: alice, tenantId: tenantA.toUpperCase() }).ok).toBe(true);
  });
});
