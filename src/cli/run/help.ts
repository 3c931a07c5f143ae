/**
 * `aws help`, `aws <service> help` and `aws <service> <command> help`, from the shape table the parser
 * reads: the services and commands the console answers, and a command's synopsis and options with
 * their types, possible values and shorthand syntax (as awscli's ParamShorthandDocGen writes it).
 * https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-help.html
 */
import type { ServiceShapes, Shape } from '../../model/index.ts';
import { cliCommands, findOperation, type Operation } from '../parse/index.ts';

const SCALARS = new Set(['string', 'integer', 'long', 'double', 'float', 'boolean', 'timestamp', 'blob']);

/** The shorthand example of a shape (ParamShorthandDocGen), or null when there is none. */
function shorthandDoc(shapes: ServiceShapes, name: string, stack: string[] = []): string | null {
  const shape = shapes.shapes[name] as Shape;
  if (stack.length > 3) return null;
  if (shape.type === 'structure') {
    const parts: string[] = [];
    for (const [member, m] of Object.entries(shape.members)) {
      if (stack.includes(m.shape)) {
        parts.push(`${member}=( ... recursive ... )`);
        continue;
      }
      const inner = shorthandDoc(shapes, m.shape, [...stack, m.shape]);
      if (inner === null) return null;
      parts.push(`${member}=${inner}`);
    }
    return stack.length === 0 ? parts.join(',') : `{${parts.join(',')}}`;
  }
  if (shape.type === 'list') {
    const inner = shorthandDoc(shapes, shape.member, [...stack, shape.member]);
    if (inner === null) return null;
    const member = shapes.shapes[shape.member] as Shape;
    return SCALARS.has(member.type) && stack.length <= 1 ? `${inner},${inner}` : `[${inner},${inner}]`;
  }
  if (shape.type === 'map') {
    const v = shorthandDoc(shapes, shape.value, stack);
    const start = `KeyName1=${v},KeyName2=${v}`;
    return stack.length > 0 ? `{${start}}` : start;
  }
  return shape.type;
}

function optionDoc(op: Operation, name: string): string[] {
  const arg = op.args.get(name);
  if (!arg) return [];
  const kind = arg.kind;
  if (kind.type === 'count')
    return [`       --count (string)`, '          Number of instances to launch: min[:max] (default 1).'];
  if (kind.type === 'zip-file')
    return [
      `       --zip-file (blob)`,
      '          The path to the zip file of the code you are uploading (fileb://...).',
    ];
  const shape = op.shapes.shapes[kind.shape] as Shape;
  const lines = [`       --${name} (${shape.type})`];
  if (kind.type === 'flag') {
    lines.push(`          Sets ${kind.member} to ${kind.value ? 'true' : 'false'}.`);
    return lines;
  }
  lines.push(`          The ${kind.member} member of the request.${arg.required ? ' Required.' : ''}`);
  if (shape.type === 'string' && shape.enum) {
    lines.push('', '          Possible values:', '', ...shape.enum.map((e) => `          o ${e}`));
  }
  const complex =
    shape.type === 'structure' ||
    shape.type === 'map' ||
    (shape.type === 'list' && !SCALARS.has((op.shapes.shapes[shape.member] as Shape).type));
  if (complex) {
    const doc =
      shape.type === 'list' ? shorthandDoc(op.shapes, shape.member) : shorthandDoc(op.shapes, kind.shape);
    if (doc !== null)
      lines.push(
        '',
        '       Shorthand Syntax:',
        '',
        `          ${doc}${shape.type === 'list' ? ' ...' : ''}`,
      );
  } else if (shape.type === 'list') {
    lines.push('', '       Syntax:', '', `          "string" "string" ...`);
  }
  return lines;
}

function commandHelp(op: Operation): string {
  const title = op.command.toUpperCase();
  const synopsis = [...op.args.values()]
    .filter((a) => a.kind.type !== 'flag' || a.kind.value)
    .map((a) => {
      const flag = a.kind.type === 'flag';
      const negative = flag
        ? [...op.args.values()].find(
            (b) =>
              b.kind.type === 'flag' &&
              b.kind.member === (a.kind as { member: string }).member &&
              !b.kind.value,
          )
        : undefined;
      const text = flag ? `--${a.name} | --${negative?.name ?? `no-${a.name}`}` : `--${a.name} <value>`;
      return a.required ? `          ${text}` : `          [${text}]`;
    });
  if (op.outfile) synopsis.push('          <outfile>');
  synopsis.push('          [--cli-input-json <value>]', '          [--generate-cli-skeleton <value>]');
  const options = [...op.args.keys()].filter((n) => {
    const a = op.args.get(n);
    return a?.kind.type !== 'flag' || a.kind.value;
  });
  return [
    `${title}()${' '.repeat(Math.max(1, 60 - title.length * 2))}${title}()`,
    '',
    'NAME',
    `       ${op.command} - the ${op.operation} action (${op.action})`,
    '',
    'SYNOPSIS',
    `            ${op.command}`,
    ...synopsis,
    '',
    'OPTIONS',
    ...options.flatMap((n) => [...optionDoc(op, n), '']),
    '       --cli-input-json (string) The request as JSON (inline here; file:// is not available).',
    '',
    '       --generate-cli-skeleton (string) Prints a JSON skeleton of the request and sends nothing.',
    '',
  ].join('\n');
}

export function helpText(service: string | null, command: string | null): string {
  const services = cliCommands();
  if (service === null) {
    return [
      'AWS()',
      '',
      'DESCRIPTION',
      '       The AWS Command Line Interface, answered by this world.',
      '',
      'AVAILABLE SERVICES',
      ...[...services.keys()].map((s) => `       o ${s}`),
      '',
    ].join('\n');
  }
  if (command === null) {
    const ops = services.get(service);
    return [
      `${service.toUpperCase()}()`,
      '',
      'AVAILABLE COMMANDS',
      ...[...(ops?.keys() ?? [])].sort().map((c) => `       o ${c}`),
      '',
    ].join('\n');
  }
  const op = findOperation(service, command);
  return op ? commandHelp(op) : '';
}
