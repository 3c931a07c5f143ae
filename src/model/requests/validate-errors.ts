/**
 * The answer each service gives a request that fails its shape, in its own error code and wording.
 *
 * - JSON protocols (ECS, CodeDeploy, SSM, Lambda's rest-json): a value of the wrong type fails while
 *   the body is read: SerializationException ("... can not be converted to ...", "Start of list found
 *   where not expected"). https://docs.aws.amazon.com/AmazonECS/latest/APIReference/CommonErrors.html
 * - Coral's constraint check ("1 validation error detected: Value 'x' at 'a.b' failed to satisfy
 *   constraint: Member must ...", several joined by "; "): ValidationException on Lambda and SSM
 *   (https://docs.aws.amazon.com/lambda/latest/api/CommonErrors.html) and CodeDeploy; ValidationError on
 *   the query services, ELBv2 and CloudWatch
 *   (https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/CommonErrors.html,
 *   https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CommonErrors.html). ECS declares
 *   no ValidationException: its constraint failures are InvalidParameterException
 *   (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html#API_CreateService_Errors).
 * - Required members: ECS and CodeDeploy check them in the service with their own words ("Family can
 *   not be blank." answered to a request whose family never arrived: github.com/aws/aws-sdk-go/issues/132;
 *   CodeDeploy's ApplicationNameRequiredException...), so their handlers answer; Lambda, SSM and the query
 *   services answer "Value null at 'x' failed to satisfy constraint: Member must not be null".
 * - EC2 reports the first problem only: MissingParameter "The request must contain the parameter X",
 *   else InvalidParameterValue (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html).
 * - sim: actions answer InvalidParameterException, like their handlers.
 * Paths print as Coral prints them: member names with a lower-case first letter, list items as
 * `name.N.member` (1-based). Values print as Java's toString would: lists `[a, b]`, maps `{k=v}`.
 */
import type { AwsError } from '../sim/types.ts';
import type { Protocol } from './shape-types.ts';
import { type PathStep, type Problem, TIMESTAMP_RULE } from './validate.ts';

const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

function coralPath(path: PathStep[]): string {
  return path.map((p) => (typeof p === 'number' ? `${p}.member` : lowerFirst(p))).join('.');
}

/** Prints a value as AWS's Java front end prints it, bounded so a hostile value stays short. */
export function printValue(v: unknown, depth = 0): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return v.length > 2048 ? `${v.slice(0, 2048)}...` : v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (depth > 3) return '...';
  if (Array.isArray(v)) {
    const items = v.slice(0, 20).map((x) => printValue(x, depth + 1));
    return `[${items.join(', ')}${v.length > 20 ? ', ...' : ''}]`;
  }
  if (typeof v === 'object') {
    const entries = Object.keys(v).slice(0, 20);
    const parts = entries.map((k) => `${k}=${printValue((v as Record<string, unknown>)[k], depth + 1)}`);
    return `{${parts.join(', ')}${Object.keys(v).length > 20 ? ', ...' : ''}}`;
  }
  return typeof v;
}

/** Jackson's token name for a JSON value, as Coral's SerializationException messages use it. */
function token(v: unknown): string {
  if (Array.isArray(v)) return 'START_ARRAY';
  if (v === null || v === undefined) return 'VALUE_NULL';
  if (typeof v === 'object') return 'START_OBJECT';
  if (typeof v === 'string') return 'STRING_VALUE';
  if (typeof v === 'boolean') return v ? 'TRUE_VALUE' : 'FALSE_VALUE';
  return 'NUMBER_VALUE';
}

const JAVA_TYPE: Record<string, string> = {
  string: 'a String',
  blob: 'a ByteBuffer',
  integer: 'an Integer',
  long: 'a Long',
  double: 'a Double',
  float: 'a Float',
  boolean: 'a Boolean',
  timestamp: 'a Date',
  list: 'a List',
  map: 'a Map',
  structure: 'a Structure',
  document: 'a Document',
};

function serializationMessage(expected: string, value: unknown): string {
  if (Array.isArray(value) && expected !== 'list') return 'Start of list found where not expected';
  if (typeof value === 'object' && value !== null && expected !== 'structure' && expected !== 'map')
    return 'Start of structure or map found where not expected.';
  return `${token(value)} can not be converted to ${JAVA_TYPE[expected] ?? expected}`;
}

function constraintText(p: Exclude<Problem, { kind: 'type' }>): string {
  if (p.kind === 'required')
    return `Value null at '${coralPath(p.path)}' failed to satisfy constraint: Member must not be null`;
  return `Value '${printValue(p.value)}' at '${coralPath(p.path)}' failed to satisfy constraint: ${p.rule}`;
}

function coral(problems: Exclude<Problem, { kind: 'type' }>[]): string {
  const n = problems.length;
  return `${n} validation error${n === 1 ? '' : 's'} detected: ${problems.map(constraintText).join('; ')}`;
}

/** EC2's parameter name: the member path with 1-based list positions (TagSpecifications.1.ResourceType). */
const ec2Path = (path: PathStep[]): string => path.map(String).join('.');

const isEnum = (p: Problem): boolean =>
  p.kind === 'constraint' && p.rule.startsWith('Member must satisfy enum');

/**
 * Problems a service checks in its own code rather than in a front end: its handler runs first and,
 * when it refuses, its more specific words stand (ECS's "Invalid deployment strategy 'X'...", Lambda's
 * "Value cobol at 'runtime'...", CloudWatch's statistic set); when it does not, the generic answer
 * below does, and the world stays as it was. ECS and EC2 check everything themselves; CodeDeploy its
 * required members (ApplicationNameRequiredException...).
 */
const CHECKED_IN_SERVICE: Record<string, (p: Problem) => boolean> = {
  ecs: () => true,
  ec2: () => true,
  sim: () => true,
  codedeploy: (p) => p.kind === 'required',
  lambda: isEnum,
  // CloudWatch reads its own timestamps: "The parameter StartTime must be an ISO 8601 timestamp."
  cloudwatch: (p) => isEnum(p) || (p.kind === 'constraint' && p.rule === TIMESTAMP_RULE),
};

export interface RequestError {
  error: AwsError;
  /** The handler may answer first, in its own words (CHECKED_IN_SERVICE). */
  deferred: boolean;
}

/** The error AWS answers for these problems, or null when the request may go on to the handler. */
export function requestError(service: string, protocol: Protocol, problems: Problem[]): RequestError | null {
  const first = problems[0];
  if (!first) return null;
  if (first.kind === 'type') return { error: typeError(protocol, first), deferred: false };
  const rest = problems.filter((p): p is Exclude<Problem, { kind: 'type' }> => p.kind !== 'type');
  const inService = CHECKED_IN_SERVICE[service];
  return { error: constraintError(service, protocol, rest), deferred: !!inService && rest.every(inService) };
}

function typeError(protocol: Protocol, first: Extract<Problem, { kind: 'type' }>): AwsError {
  const where = coralPath(first.path);
  const javaType = JAVA_TYPE[first.expected] ?? first.expected;
  switch (protocol) {
    case 'ec2':
      return {
        name: 'InvalidParameterValue',
        message: `Invalid value '${printValue(first.value)}' for ${ec2Path(first.path)}.`,
      };
    case 'query':
      return {
        name: 'ValidationError',
        message: `1 validation error detected: Value '${printValue(first.value)}' at '${where}' failed to satisfy constraint: Member must be ${javaType}`,
      };
    case 'sim':
      return {
        name: 'InvalidParameterException',
        message: `${ec2Path(first.path)} must be ${javaType}; got ${printValue(first.value)}.`,
      };
    default:
      return { name: 'SerializationException', message: serializationMessage(first.expected, first.value) };
  }
}

function constraintError(
  service: string,
  protocol: Protocol,
  rest: Exclude<Problem, { kind: 'type' }>[],
): AwsError {
  const head = rest[0] as Exclude<Problem, { kind: 'type' }>;
  const blank = `${String(head.path.at(-1))} can not be blank.`;
  switch (protocol) {
    case 'ec2':
      return head.kind === 'required'
        ? {
            name: 'MissingParameter',
            message: `The request must contain the parameter ${ec2Path(head.path)}`,
          }
        : {
            name: 'InvalidParameterValue',
            message: `Value (${printValue(head.value)}) for parameter ${ec2Path(head.path)} is invalid. ${head.rule}`,
          };
    case 'query':
      return { name: 'ValidationError', message: coral(rest) };
    case 'sim':
      return {
        name: 'InvalidParameterException',
        message:
          head.kind === 'required'
            ? blank
            : `${ec2Path(head.path)}: ${head.rule} (got ${printValue(head.value)}).`,
      };
    default:
      if (service !== 'ecs') return { name: 'ValidationException', message: coral(rest) };
      return { name: 'InvalidParameterException', message: head.kind === 'required' ? blank : coral(rest) };
  }
}

/** What each service answers when something goes wrong on its side (the state is left as it was). */
const INTERNAL: Record<string, AwsError> = {
  ecs: { name: 'ServerException', message: 'Service unavailable. Please try again later.' },
  lambda: { name: 'ServiceException', message: 'The AWS Lambda service encountered an internal error.' },
  ec2: { name: 'InternalError', message: 'An internal error has occurred.' },
  cloudwatch: { name: 'InternalServiceFault', message: 'Internal service error.' },
  ssm: { name: 'InternalServerError', message: 'An error occurred on the server side.' },
  'application-autoscaling': { name: 'InternalServiceException', message: 'Internal service error.' },
};

export function internalFailure(service: string): AwsError {
  return (
    INTERNAL[service] ?? {
      name: 'InternalFailure',
      message: 'The request processing has failed because of an unknown error, exception or failure.',
    }
  );
}

/** Whether an answer is a server-side failure: the model's own bug, which tests treat as a failure. */
export function isInternalFailure(error: AwsError): boolean {
  return Object.values(INTERNAL).some((e) => e.name === error.name) || error.name === 'InternalFailure';
}
