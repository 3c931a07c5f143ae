/**
 * One line in Nozama's words under an AWS error, so a refusal teaches something. AWS's own error name
 * and message are always shown verbatim above it; this only tells the story of what went wrong.
 */
import type { AwsError, Call } from '../model/index.ts';

const RULES: readonly [RegExp, string][] = [
  [/^Too many containers\./, 'A plan holds at most 10 buildings: the royal architects refuse an 11th.'],
  [/Container\.image should not be null/, 'Every building needs a design (a container image), e.g. nginx.'],
  [/Container\.name should not be null/, 'Every building needs a name.'],
  [/Fargate only supports network mode/, 'Managed lands only take plans with their own roads (awsvpc).'],
  [
    /Fargate requires that '(cpu|memory)' be defined/,
    'Managed lands are rented by size: give the plan a size.',
  ],
  [
    /No Fargate configuration exists/,
    'Managed lands come in fixed sizes: pick a CPU and memory pair from the list.',
  ],
  [
    /No Container Instances were found/,
    'No castle stands in this kingdom yet: erect a territory and wait for its lord.',
  ],
  [
    /not supported for the FARGATE launch type/,
    "The steward's rules of settlement do not apply on managed lands.",
  ],
  [/Invalid placement constraint expression/, 'The steward could not read the rule: check the expression.'],
  [/placement (strategy|strategies)/i, 'The steward did not understand that rule of settlement.'],
  [/Count must be between 1 and 10/, 'One order raises between 1 and 10 developments.'],
  [/Creation of service was not idempotent/, 'A decree of that name already stands: amend it instead.'],
  [
    /Network Configuration must be provided/,
    'Plans with their own roads (awsvpc) need roads to use: pick subnets.',
  ],
  [/subnets can not be empty/, 'Pick at least one portal (subnet) for the managed lands.'],
  [/desiredCount/, 'A decree keeps between 0 and 5000 developments standing.'],
  [/minimumHealthyPercent|maximumPercent/, 'The renovation limits are out of range.'],
  [/memory/i, 'Every building needs a memory allowance the land can give.'],
  // The front door's checks against AWS's published shapes (src/model/requests).
  [
    /Member must satisfy regular expression pattern/,
    'A name uses signs the royal scribes do not accept: keep to the letters AWS allows.',
  ],
  [/Member must satisfy enum value set/, 'That is not one of the allowed choices: pick one from the list.'],
  [/Member must have length less than or equal/, 'Too long for the royal registers.'],
  [/Member must have length greater than or equal/, 'Too short: the royal registers need more.'],
  [/Member must have value (less|greater) than or equal/, 'A number is outside the range AWS allows.'],
  [/Member must not be null|can not be blank/, 'A part the order needs is missing.'],
];

/** A service's own failure: the model's bug, never the player's (the world is left as it was). */
const BROKE = 'Something broke on the planet’s side. Nothing was changed.';

const BY_NAME: Record<string, string> = {
  ClusterNotFoundException: 'No kingdom by that name: found it first.',
  ServiceNotFoundException: 'No decree by that name stands in this kingdom.',
  ServiceNotActiveException: 'That decree is being withdrawn and can no longer be changed.',
  InsufficientInstanceCapacity: 'That portal is dark: nothing can be built beyond it now.',
  'InvalidAMIID.NotFound': 'No such land charter.',
  'InvalidAMIID.Malformed': 'That is not a land charter id.',
  'InvalidInstanceID.NotFound': 'No such territory.',
  InvalidInstanceType: 'No land of that size.',
  MissingParameter: 'The request is missing a part AWS needs.',
  UnknownOperationException: 'The planet does not know that order.',
  SerializationException:
    'The planet could not read the order: a value of the wrong kind (a list where a word belongs, words where a number belongs).',
  ServerException: BROKE,
  ServiceException: BROKE,
  InternalError: BROKE,
  InternalFailure: BROKE,
  InternalServiceFault: BROKE,
  InternalServerError: BROKE,
};

export function explainError(error: AwsError, _call?: Call): string {
  for (const [pattern, text] of RULES) if (pattern.test(error.message)) return text;
  const byName = BY_NAME[error.name];
  if (byName) return byName;
  if (/TaskDefinition|task definition/i.test(error.message)) return 'No such plan edition.';
  if (/does not exist|not found/i.test(error.message)) return 'The royal records have no such thing.';
  return 'The royal administration refused the order: read AWS’s words above.';
}
