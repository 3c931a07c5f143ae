/**
 * One option's words -> the value the CLI puts in the request (awscli argprocess.py): shorthand first
 * when the shape allows it and the text does not look like JSON (ParamShorthandParser, then the
 * BackCompatVisitor's conversions by shape), else JSON for structures, maps and lists, and Python's
 * int()/float() for numbers. Errors are the CLI's: ParamError ("Error parsing parameter '--x': ...",
 * exit 252), or Python's own ValueError text, which the CLI prints as its general error (exit 255).
 * https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-shorthand.html
 */
import type { ServiceShapes, Shape } from '../../model/index.ts';
import { PyJsonError, pyJsonLoads } from './py-json.ts';
import { isDict, type PyValue, pyFloat, pyInt, setKey } from './py-values.ts';
import { parseShorthand, ShorthandError, type ShorthandValue } from './shorthand.ts';

export class ParamError extends Error {
  constructor(
    readonly cliName: string,
    detail: string,
  ) {
    super(`Error parsing parameter '${cliName}': ${detail}`);
  }
}

/** Python raised something the CLI does not catch (IndexError on an empty value): its general error. */
export class GeneralError extends Error {}

const COMPLEX = new Set(['structure', 'list', 'map']);

function supportsShorthand(shapes: ServiceShapes, shape: Shape): boolean {
  if (!COMPLEX.has(shape.type)) return false;
  if (shape.type === 'list') return COMPLEX.has((shapes.shapes[shape.member] as Shape).type);
  return true;
}

export function jsonValue(cliName: string, text: string): PyValue {
  try {
    return pyJsonLoads(text);
  } catch (e) {
    if (e instanceof PyJsonError)
      throw new ParamError(cliName, `Invalid JSON: ${e.message}\nJSON received: ${text}`);
    throw e;
  }
}

/** BackCompatVisitor: converts the shorthand's text by the shape (numbers, booleans, a value -> [value]). */
function visit(shapes: ServiceShapes, shapeName: string, value: PyValue): PyValue {
  const shape = shapes.shapes[shapeName] as Shape;
  switch (shape.type) {
    case 'structure': {
      if (!isDict(value)) return value;
      for (const [member, m] of Object.entries(shape.members)) {
        if (Object.hasOwn(value, member) && value[member] !== undefined) {
          setKey(value, member, visit(shapes, m.shape, value[member] as PyValue));
        }
      }
      return value;
    }
    case 'list':
      if (!Array.isArray(value)) return [value];
      return value.map((x) => visit(shapes, shape.member, x));
    case 'map':
      if (!isDict(value)) return value;
      for (const k of Object.keys(value)) setKey(value, k, visit(shapes, shape.value, value[k] as PyValue));
      return value;
    case 'integer':
    case 'long':
      return pyInt(value);
    case 'double':
    case 'float':
      return pyFloat(value);
    case 'boolean':
      if (typeof value === 'string' && value.toLowerCase() === 'true') return true;
      if (typeof value === 'string' && value.toLowerCase() === 'false') return false;
      return value;
    default:
      return value;
  }
}

function firstChar(text: string): string {
  const c = text.trimStart()[0];
  if (c === undefined) throw new GeneralError('string index out of range');
  return c;
}

/** unpack_cli_arg: JSON for complex shapes, int()/float() for numbers. */
function unpackCli(
  shapes: ServiceShapes,
  shapeName: string,
  value: string | string[],
  cliName: string,
): PyValue {
  const shape = shapes.shapes[shapeName] as Shape;
  if (shape.type === 'structure' || shape.type === 'map') {
    const text = Array.isArray(value) ? (value[0] ?? '') : value;
    if (firstChar(text) === '{') return jsonValue(cliName, text);
    throw new ParamError(cliName, `Invalid JSON:\n${text}`);
  }
  if (shape.type === 'list') {
    if (typeof value === 'string') {
      if (firstChar(value) === '[') return jsonValue(cliName, value);
    } else if (value.length === 1) {
      const single = (value[0] as string).trim();
      if (single[0] === '[') return jsonValue(cliName, value[0] as string);
    }
    const words = typeof value === 'string' ? [...value] : value;
    try {
      return words.map((v) => unpackCli(shapes, shape.member, v, cliName));
    } catch (e) {
      if (e instanceof ParamError || e instanceof GeneralError) throw e;
      throw new ParamError(cliName, words[0] ?? '');
    }
  }
  const text = Array.isArray(value) ? (value[0] ?? '') : value;
  switch (shape.type) {
    case 'integer':
    case 'long':
      return pyInt(text);
    case 'double':
    case 'float':
      return pyFloat(text);
    case 'boolean':
      return text.toLowerCase() === 'false' ? false : text !== '';
    default:
      return text;
  }
}

/** The value of one member's option, from its words (a list option has several). */
export function unpackMember(
  shapes: ServiceShapes,
  shapeName: string,
  cliName: string,
  value: string | string[],
): PyValue {
  const shape = shapes.shapes[shapeName] as Shape;
  const check = Array.isArray(value) && value.length > 0 ? value[0] : value;
  const looksJson = typeof check === 'string' && /^\s*[[{]/.test(check);
  if (!looksJson && supportsShorthand(shapes, shape)) {
    if (
      shape.type === 'structure' &&
      Object.keys(shape.members).length === 1 &&
      shape.members.Value &&
      (shapes.shapes[shape.members.Value.shape] as Shape).type === 'string' &&
      typeof value === 'string' &&
      !value.includes('=')
    ) {
      return { Value: value };
    }
    try {
      const parsed: ShorthandValue = Array.isArray(value) ? value.map(parseShorthand) : parseShorthand(value);
      return visit(shapes, shapeName, parsed as PyValue);
    } catch (e) {
      if (e instanceof ShorthandError) throw new ParamError(cliName, e.message);
      throw e;
    }
  }
  return unpackCli(shapes, shapeName, value, cliName);
}
