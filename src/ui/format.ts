/** Elapsed simulated seconds as hh:mm:ss (hours keep counting past 99). */
export function formatElapsed(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(Math.floor(s / 3600))}:${two(Math.floor((s % 3600) / 60))}:${two(s % 60)}`;
}

/** Reads "m:ss", "h:mm:ss" or whole seconds back into seconds; null when it is none of these. */
export function parseElapsed(text: string): number | null {
  const t = text.trim();
  if (/^\d+$/.test(t)) return Number(t);
  const m = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(t);
  if (!m) return null;
  const [h, min, s] = [Number(m[1] ?? 0), Number(m[2]), Number(m[3])];
  return min > 59 && m[1] !== undefined ? null : s > 59 ? null : h * 3600 + min * 60 + s;
}
