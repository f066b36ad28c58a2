export { decide, policyProblems, tenantMapping } from './policy.js';
export type { AccessDecision, AccessPolicy, AccessRequest, Asker, DenialReason, RequestKind, TenantMapping } from './policy.js';
export { spaceIsPrivateEnough } from './space.js';
export type { PrivacyOptions } from './space.js';
export { RateLimiter, TokenBuckets } from './rate-limit.js';
export type { RateDecision, RateLimiterOptions, TokenBucketsOptions } from './rate-limit.js';
export { canonicalWebexId } from './webex-id.js';
