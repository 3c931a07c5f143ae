/**
 * One projection of a spell's (a Lambda function's) editions and an incantation's (an alias's) shares,
 * for every surface that shows them: the wizard's tower on the canvas (src/game/gate-model.ts), the
 * Inspector's facts (src/ui/inspector-gate.ts) and the chronicle's UpdateAlias lines
 * (chronicle-renovation.ts). An alias's routing is AWS's: FunctionVersion takes what the
 * AdditionalVersionWeights leave (https://docs.aws.amazon.com/lambda/latest/dg/configuring-alias-routing.html).
 */
import type { LambdaFunction } from '../model/index.ts';
import { pct } from './renovation.ts';

/** A function's published versions (not $LATEST), oldest first. */
export function publishedEditions(fn: LambdaFunction): string[] {
  return Object.keys(fn.versions).sort((a, b) => Number(a) - Number(b));
}

export interface EditionShare {
  version: string;
  /** 0..1 of the invocations. */
  share: number;
}

/** The versions an alias runs and their shares: the main version first, then the weighted ones in order. */
export function aliasShares(
  main: string,
  extra: Readonly<Record<string, number>> | undefined,
): EditionShare[] {
  const others = Object.entries(extra ?? {})
    .filter(([, w]) => w > 0)
    .sort(([a], [b]) => Number(a) - Number(b) || a.localeCompare(b));
  const rest = others.reduce((sum, [, w]) => sum + w, 0);
  return [
    { version: main, share: Math.max(0, 1 - rest) },
    ...others.map(([version, share]) => ({ version, share })),
  ];
}

/** A share as a percentage without useless decimals: 0.1 -> "10%", 1/3 -> "33.3%". */
export function sharePercent(share: number): string {
  return `${pct(share * 100)}%`;
}
