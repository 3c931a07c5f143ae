/** A percentage without useless decimals: 10 -> "10", 33.3 -> "33.3". */
export function pct(p: number): string {
  return String(Math.round(p * 10) / 10);
}
