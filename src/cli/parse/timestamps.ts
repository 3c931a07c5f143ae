/**
 * Timestamps as the CLI reads them (botocore's parse_timestamp: epoch seconds, or ISO 8601 with or
 * without a zone, UTC when none is given) and as the model takes them: epoch seconds.
 * https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-parameters-types.html#parameter-type-timestamp
 */
import { Float, type PyValue } from './py-values.ts';

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const EPOCH = /^\s*-?\d+(?:\.\d+)?\s*$/;

/** Epoch seconds of a timestamp the CLI accepts; null when it does not. */
export function parseTimestamp(v: PyValue): number | null {
  if (typeof v === 'number') return v;
  if (v instanceof Float) return v.value;
  if (typeof v !== 'string') return null;
  if (EPOCH.test(v)) return Number(v);
  const m = ISO.exec(v.trim());
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0', zone = 'Z'] = m;
  const base =
    daysFromCivil(Number(y), Number(mo), Number(d)) * 86400 + Number(h) * 3600 + Number(mi) * 60 + Number(s);
  let offset = 0;
  if (zone.toUpperCase() !== 'Z') {
    const z = /([+-])(\d{2}):?(\d{2})/.exec(zone);
    if (z) offset = (z[1] === '-' ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3])) * 60;
  }
  return base + Number(`0.${frac}`) - offset;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}
