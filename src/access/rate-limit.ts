import { canonicalWebexId } from './webex-id.js';

/**
 * Token buckets that keep one person (or one tenant's Graph quota) from keeping the bot busy.
 * Held in memory: with several replicas behind a load balancer each replica limits on its own,
 * so the effective limit is the configured one times the number of replicas.
 */
export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface TokenBucketsOptions {
  /** Sustained rate; also the burst size (a full minute's allowance may be spent at once). */
  perMinute: number;
  /** Milliseconds since the epoch; injectable so tests need not wait. */
  now?: () => number;
  /** Above this many keys, buckets that have refilled completely are forgotten (they equal a new one). */
  maxKeys?: number;
}

interface Bucket {
  tokens: number;
  atMs: number;
}

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMinute: number;
  private readonly now: () => number;
  private readonly maxKeys: number;

  constructor(options: TokenBucketsOptions) {
    if (!Number.isFinite(options.perMinute) || options.perMinute <= 0) {
      throw new RangeError(`perMinute must be a positive number, got ${options.perMinute}`);
    }
    this.perMinute = options.perMinute;
    this.now = options.now ?? Date.now;
    this.maxKeys = options.maxKeys ?? 10_000;
  }

  /** Would `take` succeed now? Spends nothing. */
  check(key: string): RateDecision {
    const tokens = this.refilled(key, this.now());
    if (tokens >= 1) return { ok: true };
    const msUntilOne = ((1 - tokens) * 60_000) / this.perMinute;
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(msUntilOne / 1000)) };
  }

  take(key: string): RateDecision {
    const decision = this.check(key);
    if (decision.ok) this.spend(key);
    return decision;
  }

  /** Spends one token; only after `check` said ok. */
  spend(key: string): void {
    const now = this.now();
    this.buckets.set(key, { tokens: this.refilled(key, now) - 1, atMs: now });
    if (this.buckets.size > this.maxKeys) this.forgetFullBuckets(now);
  }

  private refilled(key: string, now: number): number {
    const bucket = this.buckets.get(key);
    if (bucket === undefined) return this.perMinute;
    // A clock that steps backwards must not mint tokens, hence max(0, …).
    const earned = (Math.max(0, now - bucket.atMs) * this.perMinute) / 60_000;
    return Math.min(this.perMinute, bucket.tokens + earned);
  }

  private forgetFullBuckets(now: number): void {
    for (const key of [...this.buckets.keys()]) {
      if (this.refilled(key, now) >= this.perMinute) this.buckets.delete(key);
    }
  }
}

export interface RateLimiterOptions {
  perPersonPerMinute: number;
  perTenantPerMinute: number;
  now?: () => number;
}

/** One limit per person and one per tenant; a request spends from both, or from neither when either is empty. */
export class RateLimiter {
  private readonly perPerson: TokenBuckets;
  private readonly perTenant: TokenBuckets;

  constructor(options: RateLimiterOptions) {
    this.perPerson = new TokenBuckets({ perMinute: options.perPersonPerMinute, now: options.now });
    this.perTenant = new TokenBuckets({ perMinute: options.perTenantPerMinute, now: options.now });
  }

  /** `tenantId` is absent when the request was refused before a tenant was known: only the person pays. */
  take(key: { personId: string; tenantId?: string }): RateDecision {
    const personKey = canonicalWebexId(key.personId);
    const tenantKey = key.tenantId?.trim().toLowerCase();
    const person = this.perPerson.check(personKey);
    const tenant: RateDecision = tenantKey === undefined ? { ok: true } : this.perTenant.check(tenantKey);
    if (!person.ok || !tenant.ok) {
      const waits = [person, tenant].map((d) => (d.ok ? 0 : d.retryAfterSeconds));
      return { ok: false, retryAfterSeconds: Math.max(...waits) };
    }
    this.perPerson.spend(personKey);
    if (tenantKey !== undefined) this.perTenant.spend(tenantKey);
    return { ok: true };
  }
}
