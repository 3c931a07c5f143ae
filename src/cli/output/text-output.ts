/**
 * `--output text`: tab-separated lines as awscli/text.py writes them: a structure's scalar values in
 * key order on one line (prefixed by the upper-cased key that led there), then its nested values; a
 * list of structures shares one column order (every scalar key seen in any of them).
 * https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-output-format.html#text-output
 */
import { isDict, isScalar, pyText, sortedKeys } from './py-text.ts';

export function formatText(data: unknown): string {
  const out: string[] = [];
  write(data, out, null, null);
  return out.join('');
}

function write(item: unknown, out: string[], identifier: string | null, scalarKeys: string[] | null): void {
  if (isDict(item)) writeDict(item, out, identifier, scalarKeys);
  else if (Array.isArray(item)) writeList(item, out, identifier);
  else out.push(`${pyText(item)}\n`);
}

function writeList(item: unknown[], out: string[], identifier: string | null): void {
  if (item.length === 0) return;
  if (item.some(isDict)) {
    const keys = new Set<string>();
    for (const el of item) {
      if (!isDict(el)) continue;
      for (const [k, v] of Object.entries(el)) if (isScalar(v)) keys.add(k);
    }
    const all = sortedKeys(keys);
    for (const el of item) write(el, out, identifier, all);
  } else if (item.some(Array.isArray)) {
    const scalars = item.filter(isScalar);
    if (scalars.length > 0) writeScalars(scalars, out, identifier);
    for (const el of item.filter((x) => !isScalar(x))) write(el, out, identifier, null);
  } else writeScalars(item, out, identifier);
}

function writeScalars(elements: unknown[], out: string[], identifier: string | null): void {
  if (identifier !== null) {
    for (const el of elements) out.push(`${identifier.toUpperCase()}\t${pyText(el)}\n`);
  } else out.push(`${elements.map(pyText).join('\t')}\n`);
}

function writeDict(
  item: Record<string, unknown>,
  out: string[],
  identifier: string | null,
  scalarKeys: string[] | null,
): void {
  const scalars: string[] = [];
  const nested: [string, unknown][] = [];
  if (scalarKeys === null) {
    for (const key of sortedKeys(Object.keys(item))) {
      const value = item[key];
      if (isScalar(value)) scalars.push(pyText(value));
      else nested.push([key, value]);
    }
  } else {
    for (const key of scalarKeys) scalars.push(Object.hasOwn(item, key) ? pyText(item[key]) : '');
    for (const key of sortedKeys(Object.keys(item).filter((k) => !scalarKeys.includes(k)))) {
      nested.push([key, item[key]]);
    }
  }
  if (scalars.length > 0) {
    if (identifier !== null) scalars.unshift(identifier.toUpperCase());
    out.push(`${scalars.join('\t')}\n`);
  }
  for (const [key, value] of nested) write(value, out, key, null);
}
