/**
 * EC2's Filters (Name, Values with * and ? wildcards), shared by the Describe calls. Source:
 * https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/Using_Filtering.html (a resource matches when, for
 * every filter, one of its values matches; wildcards * and ?).
 */
import type { Input } from '../sim/api-types.ts';

export const strList = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

interface Filter {
  Name: string;
  Values: string[];
}

export function filtersOf(input: Input): Filter[] {
  const f = input.Filters;
  if (!Array.isArray(f)) return [];
  return f.map((x) => {
    const o = x as Record<string, unknown>;
    return { Name: String(o.Name ?? ''), Values: strList(o.Values) };
  });
}

/** EC2 filter values allow * and ? wildcards. */
function matchesFilter(values: string[], actual: string | undefined): boolean {
  if (actual === undefined) return false;
  return values.some((v) => {
    const re = new RegExp(
      `^${v
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.')}$`,
    );
    return re.test(actual);
  });
}

export function applyFilters<T>(
  items: T[],
  filters: Filter[],
  field: (item: T, name: string) => string | undefined,
): T[] {
  return items.filter((it) => filters.every((f) => matchesFilter(f.Values, field(it, f.Name))));
}
