/**
 * A token bucket per client (source IP) for the citizen's public routes, as the WAF's rate-based
 * rule does in front of CloudFront on AWS (infra/constructs/edge-waf.ts): `capacity` requests at
 * once, refilled evenly over `windowSeconds`. Only counts; the PIN's own budget is the handlers'.
 */
export interface RateLimit {
  capacity: number;
  windowSeconds: number;
}

/** The same figures as the WAF rule: 100 requests per client per 5 minutes on /api/public/*. */
export const PUBLIC_RATE_LIMIT: RateLimit = { capacity: 100, windowSeconds: 300 };

export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly perMs: number;

  constructor(
    readonly limit: RateLimit,
    private readonly clock: () => number = Date.now,
  ) {
    this.perMs = limit.capacity / (limit.windowSeconds * 1000);
  }

  /** Take one token for `client`: undefined if granted, else the seconds until one is back. */
  take(client: string): number | undefined {
    const now = this.clock();
    const b = this.buckets.get(client) ?? { tokens: this.limit.capacity, at: now };
    b.tokens = Math.min(this.limit.capacity, b.tokens + (now - b.at) * this.perMs);
    b.at = now;
    this.buckets.set(client, b);
    if (this.buckets.size > 10_000) this.prune(now);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return undefined;
    }
    return Math.max(1, Math.ceil((1 - b.tokens) / this.perMs / 1000));
  }

  /** Forget clients whose bucket is full again (they would start full anyway). */
  private prune(now: number) {
    for (const [k, b] of this.buckets) if (b.tokens + (now - b.at) * this.perMs >= this.limit.capacity) this.buckets.delete(k);
  }
}
