/**
 * `--generate-cli-skeleton`: the operation's input with every member given a placeholder, as
 * botocore's ArgumentGenerator writes it ("" for text or the first enum value, 0, 0.0, true, one list
 * element, {"KeyName": ...} for maps, null for blobs, 1970-01-01T00:00:00 for timestamps).
 * https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-skeleton.html
 */
import type { Shape } from '../../model/index.ts';
import type { Operation } from './commands.ts';

export function skeleton(op: Operation): unknown {
  if (op.inputShape === null) return {};
  const shapes = op.shapes.shapes;
  const stack: string[] = [];
  const gen = (name: string): unknown => {
    stack.push(name);
    try {
      const shape = shapes[name] as Shape;
      switch (shape.type) {
        case 'structure': {
          const out: Record<string, unknown> = {};
          if (stack.filter((s) => s === name).length > 1) return out;
          for (const [member, m] of Object.entries(shape.members)) out[member] = gen(m.shape);
          return out;
        }
        case 'list':
          return [gen(shape.member)];
        case 'map':
          return { KeyName: gen(shape.value) };
        case 'string':
          return shape.enum?.[0] ?? '';
        case 'integer':
        case 'long':
          return 0;
        case 'double':
        case 'float':
          return 0.0;
        case 'boolean':
          return true;
        case 'timestamp':
          return '1970-01-01T00:00:00';
        default:
          return null;
      }
    } finally {
      stack.pop();
    }
  };
  return gen(op.inputShape);
}
