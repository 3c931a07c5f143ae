/**
 * Names are data. Records in the state are keyed by names players choose (alarms, images, aliases),
 * and a name such as `__proto__`, `constructor` or `toString` must stay an ordinary key: lookups never
 * reach Object.prototype, and writing `__proto__` makes a key instead of changing the object.
 */

/** The record's own entry for `key`, never an inherited member. */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * Writes `record[key] = value` as an own data property even for `__proto__`, the one name whose plain
 * assignment changes an object's prototype instead. Records stay plain objects: a null-prototype
 * record would be safe too, but V8 keeps such objects in dictionary mode, where Object.values is about
 * ten times slower (measured on 1,000 task ARNs), and every tick walks the collections.
 */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__')
    Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  else record[key] = value;
}
