/**
 * The CLI reads a JSON service's timestamps (epoch seconds on the wire) into dates and prints them in
 * ISO 8601 (cli_timestamp_format iso8601, the v2 default: Python's isoformat, "+00:00" in UTC), before
 * --query and the output format see them. The members are the response timestamps of the actions the
 * model answers, by service (checked against the CLI's models in test/unit/cli-console.test.ts).
 * https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html#cli-config-cli_timestamp_format
 */

export const TIMESTAMP_MEMBERS: Readonly<Record<string, readonly string[]>> = {
  'application-autoscaling': ['CreationTime', 'EndTime', 'StartTime'],
  codedeploy: ['completeTime', 'createTime', 'endTime', 'lastUpdatedAt', 'startTime'],
  ecs: [
    'connectivityAt',
    'createdAt',
    'deregisteredAt',
    'executionStoppedAt',
    'lastStartedAt',
    'lastStatusChange',
    'lastUpdated',
    'pullStartedAt',
    'pullStoppedAt',
    'registeredAt',
    'stabilityStatusAt',
    'startedAt',
    'stoppedAt',
    'stoppingAt',
    'updatedAt',
  ],
  ssm: ['LastModifiedDate'],
};

/** Civil date of a day count since 1970-01-01 (Howard Hinnant's civil_from_days). */
function civil(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

const two = (n: number) => String(n).padStart(2, '0');

/** Python's datetime.isoformat() of epoch seconds in UTC. */
export function isoformat(epoch: number): string {
  const micros = Math.round(epoch * 1e6);
  const seconds = Math.floor(micros / 1e6);
  const fraction = micros - seconds * 1e6;
  const days = Math.floor(seconds / 86400);
  const rest = seconds - days * 86400;
  const [y, m, d] = civil(days);
  const time = `${two(Math.floor(rest / 3600))}:${two(Math.floor((rest % 3600) / 60))}:${two(rest % 60)}`;
  const frac = fraction === 0 ? '' : `.${String(fraction).padStart(6, '0')}`;
  return `${String(y).padStart(4, '0')}-${two(m)}-${two(d)}T${time}${frac}+00:00`;
}

/** The response with its timestamp members (numbers) printed as the CLI prints them. */
export function cliTimestamps(service: string, value: unknown): unknown {
  const names = TIMESTAMP_MEMBERS[service];
  if (!names) return value;
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v !== 'object' || v === null) return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      Object.defineProperty(out, k, {
        value: names.includes(k) && typeof x === 'number' ? isoformat(x) : walk(x),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  };
  return walk(value);
}
