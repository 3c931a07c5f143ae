/**
 * Readers and errors shared by the CloudWatch handlers (query protocol: PascalCase members). Error
 * codes are CloudWatch's wire codes: ValidationError (a member breaks its constraint),
 * InvalidParameterValue, InvalidParameterCombination, MissingParameter, ResourceNotFound, InvalidFormat,
 * InvalidNextToken. Times in requests may be ISO 8601 strings or epoch seconds.
 */
import type { Input } from '../sim/api-types.ts';
import { ApiError } from '../sim/errors.ts';
import { civilFromDays } from '../sim/time.ts';
import type { Dimensions } from './metrics.ts';

export const validation = (message: string): ApiError => new ApiError('ValidationError', message);
export const invalidValue = (message: string): ApiError => new ApiError('InvalidParameterValue', message);
export const invalidCombination = (message: string): ApiError =>
  new ApiError('InvalidParameterCombination', message);
export const missing = (name: string): ApiError =>
  new ApiError('MissingParameter', `The parameter ${name} is required.`);

const lowerFirst = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);

/** A required member: AWS's "1 validation error detected" wording when absent. */
export function required(input: Input, name: string): unknown {
  const v = input[name];
  if (v === undefined || v === null) {
    throw validation(
      `1 validation error detected: Value null at '${lowerFirst(name)}' failed to satisfy constraint: Member must not be null`,
    );
  }
  return v;
}

export function enumMember<T extends string>(
  input: Input,
  name: string,
  values: readonly T[],
): T | undefined {
  const v = input[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || !values.includes(v as T)) {
    throw validation(
      `1 validation error detected: Value '${String(v)}' at '${lowerFirst(name)}' failed to satisfy constraint: Member must satisfy enum value set: [${values.join(', ')}]`,
    );
  }
  return v as T;
}

export function intMember(
  input: Input,
  name: string,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number | undefined {
  const v = input[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw validation(
      `1 validation error detected: Value '${String(v)}' at '${lowerFirst(name)}' failed to satisfy constraint: Member must have value ${v !== undefined && typeof v === 'number' && v > max ? `less than or equal to ${max}` : `greater than or equal to ${min}`}`,
    );
  }
  return v;
}

export function stringList(input: Input, name: string): string[] {
  const v = input[name];
  if (v === undefined) return [];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
    throw validation(`1 validation error detected: Value at '${lowerFirst(name)}' must be a list of strings`);
  }
  return v as string[];
}

/** Dimensions [{Name, Value}] -> record; Values required here (metric identity). */
export function readDimensions(v: unknown, member = 'Dimensions'): Dimensions {
  if (v === undefined) return {};
  if (!Array.isArray(v) || v.length > 30)
    throw invalidValue(`The collection ${member} must have at most 30 members.`);
  const out: Dimensions = {};
  for (const d of v as { Name?: unknown; Value?: unknown }[]) {
    if (typeof d?.Name !== 'string' || typeof d?.Value !== 'string' || !d.Name || !d.Value) {
      throw invalidValue(`Each member of ${member} needs a non-empty Name and Value.`);
    }
    if (out[d.Name] !== undefined)
      throw invalidValue(`The dimension ${d.Name} appears more than once in ${member}.`);
    out[d.Name] = d.Value;
  }
  return out;
}

export function dimensionList(dims: Dimensions): { Name: string; Value: string }[] {
  return Object.keys(dims)
    .sort()
    .map((Name) => ({ Name, Value: dims[Name] as string }));
}

function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** An ISO 8601 timestamp (Z or ±hh:mm) or epoch seconds -> epoch seconds; null when unreadable. */
export function parseTime(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return Math.floor(v);
  if (typeof v !== 'string') return null;
  const m =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(v);
  if (!m) return null;
  const days = daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3]));
  let t = days * 86400 + Number(m[4] ?? 0) * 3600 + Number(m[5] ?? 0) * 60 + Number(m[6] ?? 0);
  const tz = m[7];
  if (tz && tz !== 'Z') {
    const sign = tz.startsWith('-') ? -1 : 1;
    const digits = tz.slice(1).replace(':', '');
    t -= sign * (Number(digits.slice(0, 2)) * 3600 + Number(digits.slice(2)) * 60);
  }
  return t;
}

export function timeMember(input: Input, name: string): number {
  const raw = input[name];
  if (raw === undefined) throw missing(name);
  const t = parseTime(raw);
  if (t === null) throw invalidValue(`The parameter ${name} must be an ISO 8601 timestamp.`);
  return t;
}

/** "2026-01-01T00:05:00.000+0000", the form CloudWatch uses inside StateReasonData and HistoryData. */
export function isoPlus(t: number): string {
  const [y, mo, d] = civilFromDays(Math.floor(t / 86400));
  const r = t - Math.floor(t / 86400) * 86400;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${y}-${p(mo)}-${p(d)}T${p(Math.floor(r / 3600))}:${p(Math.floor((r % 3600) / 60))}:${p(r % 60)}.000+0000`;
}

/** Offset-based paging (NextToken is opaque to callers). */
export function page<T>(items: T[], input: Input, maxMember: string, maxDefault: number, maxLimit: number) {
  const max = intMember(input, maxMember, 1, maxLimit) ?? maxDefault;
  let start = 0;
  if (input.NextToken !== undefined) {
    const m = /^nzm-(\d+)$/.exec(String(input.NextToken));
    if (!m) throw new ApiError('InvalidNextToken', 'The service returned an invalid NextToken.');
    start = Number(m[1]);
  }
  const slice = items.slice(start, start + max);
  return start + max < items.length ? { items: slice, NextToken: `nzm-${start + max}` } : { items: slice };
}
