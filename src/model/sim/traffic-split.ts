/**
 * The arithmetic of travelers: whole requests from fractional rates, a split by weights, an even spread over
 * targets, and failures at a rate. Every split is deterministic and carries its remainder to the next second,
 * so integer counts follow the rates and weights exactly over time (never more than one request away from
 * rate x seconds). Source:
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html (weighted
 * forward actions split "in proportion to weights") and
 * https://docs.aws.amazon.com/lambda/latest/dg/configuration-aliases.html (alias weights). Simplification:
 * real routing is probabilistic; here it is the expected value, made whole.
 */

/** Rounds away float noise (0.1 + 0.2) so floors land where arithmetic says they should. */
export const clean = (x: number): number => Math.round(x * 1e9) / 1e9;

/** Whole requests this second from a rate and the carried fraction; returns [count, new carry]. */
export function takeWhole(rate: number, carry: number): [number, number] {
  const acc = clean(rate + carry);
  const n = Math.max(0, Math.floor(acc));
  return [n, clean(acc - n)];
}

/**
 * Splits n whole requests by shares (summing to 1) with the largest remainder method, each part
 * starting from its carry. Returns the counts (summing to n) and the new carries.
 */
export function splitByShares(n: number, shares: number[], carries: number[]): [number[], number[]] {
  const k = shares.length;
  const desired = new Array<number>(k);
  const alloc = new Array<number>(k);
  let left = n;
  for (let i = 0; i < k; i++) {
    const d = clean(n * (shares[i] as number) + (carries[i] ?? 0));
    desired[i] = d;
    const a = d > 0 ? Math.floor(d) : 0;
    alloc[i] = a;
    left -= a;
  }
  // Hand out (or take back) the difference by largest (smallest) remainder, ties to the first.
  while (left !== 0) {
    let best = -1;
    let bestR = 0;
    for (let i = 0; i < k; i++) {
      const a = alloc[i] as number;
      if (left < 0 && a === 0) continue;
      const r = (desired[i] as number) - a;
      if (best < 0 || (left > 0 ? r > bestR : r < bestR)) {
        best = i;
        bestR = r;
      }
    }
    if (best < 0) break;
    alloc[best] = (alloc[best] as number) + (left > 0 ? 1 : -1);
    left += left > 0 ? -1 : 1;
  }
  const next = new Array<number>(k);
  for (let i = 0; i < k; i++) next[i] = clean((desired[i] as number) - (alloc[i] as number));
  return [alloc, next];
}

/**
 * Spreads n requests evenly over k targets (round robin): each gets n div k, and the n mod k extra
 * ones go to the targets after the rotating offset, which then moves on. Returns counts and offset.
 */
export function spreadEven(n: number, k: number, offset: number): [number[], number] {
  const base = Math.floor(n / k);
  const r = n % k;
  const o = ((offset % k) + k) % k;
  const counts = new Array<number>(k);
  for (let i = 0; i < k; i++) counts[i] = base + ((i - o + k) % k < r ? 1 : 0);
  return [counts, (o + r) % k];
}

/** Failed requests among n at errorRate, with the carried fraction; returns [failed, new carry]. */
export function failures(n: number, errorRate: number, carry: number): [number, number] {
  if (n === 0) return [0, carry];
  const acc = clean(n * errorRate + carry);
  const f = Math.min(n, Math.max(0, Math.floor(acc)));
  return [f, clean(acc - f)];
}

/**
 * Latency percentile of a mix of request groups, each with its own p50 and p99: the percentile of
 * the group holding the q-th request when groups are ordered by that percentile.
 */
export function mixPercentile(parts: { count: number; p50: number; p99: number }[], q: 0.5 | 0.99): number {
  const pick = (p: { p50: number; p99: number }) => (q === 0.5 ? p.p50 : p.p99);
  const total = parts.reduce((a, p) => a + p.count, 0);
  if (total === 0) return 0;
  const sorted = parts.filter((p) => p.count > 0).sort((a, b) => pick(a) - pick(b));
  let seen = 0;
  for (const p of sorted) {
    seen += p.count;
    if (seen >= q * total) return pick(p);
  }
  return pick(sorted[sorted.length - 1] as { p50: number; p99: number });
}

/** p99 latency as a multiple of the median: a long tail, typical of web services. */
export const P99_OVER_P50 = 3;
