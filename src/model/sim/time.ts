/** Calendar arithmetic on epoch seconds without the Date global (the model has no wall clock). */

/** Days since 1970-01-01 -> [year, month 1-12, day 1-31] (Howard Hinnant's civil_from_days). */
export function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Epoch seconds -> '2026-01-01T00:00:00.000Z' (what the EC2 and SSM XML protocols carry). */
export function iso(epochSeconds: number): string {
  const days = Math.floor(epochSeconds / 86400);
  const rem = epochSeconds - days * 86400;
  const [y, m, d] = civilFromDays(days);
  return `${y}-${pad(m)}-${pad(d)}T${pad(Math.floor(rem / 3600))}:${pad(Math.floor((rem % 3600) / 60))}:${pad(rem % 60)}.000Z`;
}
