/**
 * The check the CLI makes before it sends anything (botocore's ParamValidator, validate.py): types,
 * required members, unknown members, minimum lengths and values, every problem collected, worded as
 * botocore words them ("Invalid type for parameter desiredCount, value: a, type: <class 'str'>, valid
 * types: <class 'int'>"). Maximums, enums and patterns are the service's to check, not the CLI's.
 */
import type { ServiceShapes, Shape } from '../../model/index.ts';
import { Float, isDict, type PyValue, pyStr, pyType } from './py-values.ts';
import { parseTimestamp } from './timestamps.ts';

const VALID: Record<string, string> = {
  structure: "<class 'dict'>",
  map: "<class 'dict'>",
  list: "<class 'list'>, <class 'tuple'>",
  string: "<class 'str'>",
  integer: "<class 'int'>",
  long: "<class 'int'>",
  boolean: "<class 'bool'>",
  double: "<class 'float'>, <class 'decimal.Decimal'>, <class 'int'>",
  float: "<class 'float'>, <class 'decimal.Decimal'>, <class 'int'>",
  blob: "<class 'bytes'>, <class 'bytearray'>, file-like object",
  timestamp: "<class 'datetime.datetime'>, timestamp-string",
};

const label = (name: string): string => (name === '' ? 'input' : name.startsWith('.') ? name.slice(1) : name);

export function validateParams(shapes: ServiceShapes, shapeName: string, params: PyValue): string[] {
  const errors: string[] = [];
  const invalidType = (name: string, v: PyValue, type: string): void => {
    errors.push(
      `Invalid type for parameter ${label(name)}, value: ${pyStr(v)}, type: ${pyType(v)}, valid types: ${VALID[type]}`,
    );
  };
  const walk = (v: PyValue, shapeRef: string, name: string): void => {
    const shape = shapes.shapes[shapeRef] as Shape;
    const min = 'min' in shape ? shape.min : undefined;
    switch (shape.type) {
      case 'structure': {
        if (!isDict(v)) {
          invalidType(name, v, 'structure');
          return;
        }
        for (const r of shape.required ?? []) {
          if (!Object.hasOwn(v, r)) errors.push(`Missing required parameter in ${label(name)}: "${r}"`);
        }
        const known: string[] = [];
        for (const key of Object.keys(v)) {
          if (!Object.hasOwn(shape.members, key)) {
            errors.push(
              `Unknown parameter in ${label(name)}: "${key}", must be one of: ${Object.keys(shape.members).join(', ')}`,
            );
          } else known.push(key);
        }
        for (const key of known)
          walk(v[key] as PyValue, (shape.members[key] as { shape: string }).shape, `${name}.${key}`);
        return;
      }
      case 'map': {
        if (!isDict(v)) {
          invalidType(name, v, 'map');
          return;
        }
        for (const [k, x] of Object.entries(v)) {
          walk(k, shape.key, `${name} (key: ${k})`);
          walk(x, shape.value, `${name}.${k}`);
        }
        return;
      }
      case 'list': {
        if (!Array.isArray(v)) {
          invalidType(name, v, 'list');
          return;
        }
        if (min !== undefined && v.length < min)
          errors.push(
            `Invalid length for parameter ${label(name)}, value: ${v.length}, valid min length: ${min}`,
          );
        for (const [i, x] of v.entries()) walk(x, shape.member, `${name}[${i}]`);
        return;
      }
      case 'string': {
        if (typeof v !== 'string') {
          invalidType(name, v, 'string');
          return;
        }
        if (min !== undefined && [...v].length < min)
          errors.push(
            `Invalid length for parameter ${label(name)}, value: ${[...v].length}, valid min length: ${min}`,
          );
        return;
      }
      case 'integer':
      case 'long': {
        // Python's bool is an int.
        if (typeof v !== 'number' && typeof v !== 'boolean') {
          invalidType(name, v, shape.type);
          return;
        }
        const n = Number(v);
        if (min !== undefined && n < min)
          errors.push(
            `Invalid value for parameter ${label(name)}, value: ${pyStr(v)}, valid min value: ${min}`,
          );
        return;
      }
      case 'double':
      case 'float': {
        if (typeof v !== 'number' && typeof v !== 'boolean' && !(v instanceof Float)) {
          invalidType(name, v, shape.type);
          return;
        }
        const n = v instanceof Float ? v.value : Number(v);
        if (min !== undefined && n < min)
          errors.push(
            `Invalid value for parameter ${label(name)}, value: ${pyStr(v)}, valid min value: ${min}`,
          );
        return;
      }
      case 'boolean':
        if (typeof v !== 'boolean') invalidType(name, v, 'boolean');
        return;
      case 'blob':
        if (typeof v !== 'string') invalidType(name, v, 'blob');
        return;
      case 'timestamp':
        if (parseTimestamp(v) === null) invalidType(name, v, 'timestamp');
        return;
    }
  };
  walk(params, shapeName, '');
  return errors;
}
