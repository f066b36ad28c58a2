/**
 * Faults the stand-in can inject, switchable at run time, so tests and the demo can show what the bot does
 * when Entra or Graph misbehave. A rule applies to requests whose path (with query) matches; `times` counts
 * down per matching request (absent = for ever).
 */

export interface FaultRule {
  /** Substring or RegExp tested against the request path and query, e.g. "/auditLogs" or /^\/v1\.0\//. Absent: all. */
  match?: string | RegExp;
  /**
   * `http`: real HTTP requests (token endpoint, Graph, the `$batch` POST itself). `batchItem`: requests inside a
   * `$batch`, each answered with its own status as Graph does. Default `http`.
   */
  on?: 'http' | 'batchItem';
  times?: number;
  /** Added delay before answering. */
  latencyMs?: number;
  /** Answer 429 with this Retry-After (seconds). */
  throttle?: { retryAfterSeconds: number };
  /** Answer this 5xx status (default 503). */
  serverError?: { status?: 500 | 502 | 503 | 504 };
  /** Destroy the connection without an answer (`http` only). */
  reset?: true;
  /** Never answer (`http` only); the connection is freed when the stand-in stops. */
  hang?: true;
}

export type FaultAction =
  | { kind: 'throttle'; retryAfterSeconds: number }
  | { kind: 'serverError'; status: number }
  | { kind: 'reset' }
  | { kind: 'hang' };

export interface FaultDecision {
  latencyMs: number;
  action?: FaultAction;
}

interface LiveRule {
  rule: FaultRule;
  remaining: number;
}

export class FaultPlan {
  private rules: LiveRule[] = [];

  constructor(rules: readonly FaultRule[] = []) {
    this.set(rules);
  }

  set(rules: readonly FaultRule[]): void {
    for (const rule of rules) {
      if ((rule.on ?? 'http') === 'batchItem' && (rule.reset !== undefined || rule.hang !== undefined)) {
        throw new Error('reset and hang apply to HTTP connections, not to requests inside a $batch');
      }
    }
    this.rules = rules.map((rule) => ({ rule, remaining: rule.times ?? Number.POSITIVE_INFINITY }));
  }

  /** Consumes one use of every matching rule; latencies add up, the first matching action wins. */
  decide(on: 'http' | 'batchItem', pathAndQuery: string): FaultDecision {
    const decision: FaultDecision = { latencyMs: 0 };
    for (const live of this.rules) {
      const { rule } = live;
      if ((rule.on ?? 'http') !== on || live.remaining <= 0 || !matches(rule.match, pathAndQuery)) continue;
      live.remaining -= 1;
      decision.latencyMs += rule.latencyMs ?? 0;
      decision.action ??= actionOf(rule);
    }
    return decision;
  }
}

/** What rules are matched against: the decoded path and query, e.g. "/v1.0/servicePrincipals?$filter=appId eq '…'". */
export function describeTarget(path: string, query: URLSearchParams): string {
  const pairs = [...query].map(([key, value]) => `${key}=${value}`);
  return pairs.length === 0 ? path : `${path}?${pairs.join('&')}`;
}

function matches(pattern: string | RegExp | undefined, pathAndQuery: string): boolean {
  if (pattern === undefined) return true;
  if (typeof pattern === 'string') return pathAndQuery.includes(pattern);
  pattern.lastIndex = 0;
  return pattern.test(pathAndQuery);
}

function actionOf(rule: FaultRule): FaultAction | undefined {
  if (rule.hang) return { kind: 'hang' };
  if (rule.reset) return { kind: 'reset' };
  if (rule.throttle) return { kind: 'throttle', retryAfterSeconds: rule.throttle.retryAfterSeconds };
  if (rule.serverError) return { kind: 'serverError', status: rule.serverError.status ?? 503 };
  return undefined;
}
