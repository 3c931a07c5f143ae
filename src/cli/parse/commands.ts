/**
 * The CLI's commands and options, built from the same request-shape table the model validates with:
 * `aws <service> <operation>` for every AWS action the model answers, and per operation its argument
 * table as awscli builds it (clidriver.py, arguments.py): `--kebab-name` per input member, booleans as
 * `--x` / `--no-x`, lists taking several words, and the customizations the CLI makes for our actions
 * (ec2 run-instances' `--count`, Lambda's `--zip-file`, renamed negative flags, paging options).
 * https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-parameters.html
 */
import { requestShape, type ServiceShapes, type Shape, supportedActions } from '../../model/index.ts';
import { kebab } from '../cli.ts';

/** The CLI's name of a service whose action prefix differs (the CLI calls CodeDeploy `deploy`). */
const CLI_SERVICE: Readonly<Record<string, string>> = { codedeploy: 'deploy' };

/** Negative flags the CLI renamed (awscli customizations/argrename.py), and the positive kept. */
const RENAMED_NEGATIVES: Readonly<Record<string, string>> = {
  'ecs:enableExecuteCommand': 'disable-execute-command',
  'ec2:DisableApiTermination': 'enable-api-termination',
};

export type ArgKind =
  /** A member: one word (scalars, structures, maps) or several (lists). */
  | { type: 'member'; member: string; shape: string; list: boolean }
  /** A boolean member's flag: `--x` sets true, `--no-x` false. */
  | { type: 'flag'; member: string; shape: string; value: boolean }
  /** ec2 run-instances' `--count min[:max]` (awscli customizations/ec2/addcount.py). */
  | { type: 'count' }
  /** Lambda's `--zip-file fileb://...` (hoisted out of --code for create-function). */
  | { type: 'zip-file'; inCode: boolean };

export interface Argument {
  /** Without the leading `--`. */
  readonly name: string;
  readonly kind: ArgKind;
  readonly required: boolean;
}

export interface Operation {
  /** `ecs:CreateService` */
  readonly action: string;
  readonly service: string;
  readonly operation: string;
  /** `create-service` */
  readonly command: string;
  readonly shapes: ServiceShapes;
  readonly inputShape: string | null;
  readonly args: ReadonlyMap<string, Argument>;
  /** Members that share a name with the CLI's paging options (--max-items, --page-size). */
  readonly shadowed: ReadonlySet<string>;
  /** Lambda Invoke's positional outfile. */
  readonly outfile: boolean;
}

export function cliServiceName(prefix: string): string {
  return CLI_SERVICE[prefix] ?? prefix;
}

const PAGING = new Set(['max-items', 'page-size', 'starting-token']);

function argumentsOf(
  action: string,
  shapes: ServiceShapes,
  inputShape: string | null,
): Map<string, Argument> {
  const args = new Map<string, Argument>();
  if (inputShape === null) return args;
  const input = shapes.shapes[inputShape];
  if (input?.type !== 'structure') return args;
  const [service, operation] = action.split(':') as [string, string];
  const required = new Set(input.required ?? []);
  for (const [member, m] of Object.entries(input.members)) {
    const shape = shapes.shapes[m.shape] as Shape;
    const name = kebab(member);
    if (shape.type === 'boolean') {
      const negative = RENAMED_NEGATIVES[`${service}:${member}`] ?? `no-${name}`;
      args.set(name, { name, kind: { type: 'flag', member, shape: m.shape, value: true }, required: false });
      args.set(negative, {
        name: negative,
        kind: { type: 'flag', member, shape: m.shape, value: false },
        required: false,
      });
    } else {
      const kind: ArgKind = { type: 'member', member, shape: m.shape, list: shape.type === 'list' };
      args.set(name, { name, kind, required: required.has(member) });
    }
  }
  if (action === 'ec2:RunInstances') {
    args.delete('min-count');
    args.delete('max-count');
    args.set('count', { name: 'count', kind: { type: 'count' }, required: false });
  }
  if (action === 'lambda:CreateFunction') {
    args.set('zip-file', { name: 'zip-file', kind: { type: 'zip-file', inCode: true }, required: false });
    const code = args.get('code');
    if (code) args.set('code', { ...code, required: false });
  }
  if (action === 'lambda:UpdateFunctionCode') {
    args.set('zip-file', { name: 'zip-file', kind: { type: 'zip-file', inCode: false }, required: false });
  }
  void operation;
  return args;
}

function build(): Map<string, Map<string, Operation>> {
  const services = new Map<string, Map<string, Operation>>();
  for (const action of supportedActions()) {
    const [prefix, operation] = action.split(':') as [string, string];
    if (prefix === 'sim') continue;
    const found = requestShape(action);
    if (!found) continue;
    const service = cliServiceName(prefix);
    const command = kebab(operation);
    const args = argumentsOf(action, found.service, found.shape);
    const shadowed = new Set([...args.keys()].filter((k) => PAGING.has(k)));
    const op: Operation = {
      action,
      service,
      operation,
      command,
      shapes: found.service,
      inputShape: found.shape,
      args,
      shadowed,
      outfile: action === 'lambda:Invoke',
    };
    let ops = services.get(service);
    if (!ops) {
      ops = new Map();
      services.set(service, ops);
    }
    ops.set(command, op);
  }
  return services;
}

let table: Map<string, Map<string, Operation>> | null = null;

/** Every CLI service the console answers -> its commands (built once, on first use). */
export function cliCommands(): ReadonlyMap<string, ReadonlyMap<string, Operation>> {
  table ??= build();
  return table;
}

export function findOperation(service: string, command: string): Operation | undefined {
  return cliCommands().get(service)?.get(command);
}

/** The operation of an action (`ecs:CreateService`). */
export function operationOf(action: string): Operation | undefined {
  const [prefix, operation] = action.split(':') as [string, string];
  return findOperation(cliServiceName(prefix), kebab(operation ?? ''));
}
