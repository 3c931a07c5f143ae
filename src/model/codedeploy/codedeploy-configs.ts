/**
 * CodeDeploy deployment configurations: the predefined ones
 * (https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-configurations.html for ECS, note the
 * plural "Minutes" in ECSLinear10PercentEvery1Minutes; 9 for Lambda, note the singular "Minute" in
 * LambdaLinear10PercentEvery1Minute), SAM's DeploymentPreference types, and the traffic timeline a
 * TrafficRoutingConfig makes. Timing model [inference from
 * https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-configurations.html]: linear step k
 * (1-based) shifts at (k - LINEAR_STEP_OFFSET) x interval, so 10% every minute reaches 100% at 9 minutes; set
 * the offset to 0 for SAM's reading ("completes in 100 minutes" for 10% every 10 minutes).
 */
import type { CdDeploymentConfig, ComputePlatform, SimState, TrafficRoutingConfig } from '../sim/types.ts';

/** Linear step k happens at (k - LINEAR_STEP_OFFSET) x interval. */
export const LINEAR_STEP_OFFSET = 1;

const canary = (canaryPercentage: number, canaryInterval: number): TrafficRoutingConfig => ({
  type: 'TimeBasedCanary',
  timeBasedCanary: { canaryPercentage, canaryInterval },
});
const linear = (linearPercentage: number, linearInterval: number): TrafficRoutingConfig => ({
  type: 'TimeBasedLinear',
  timeBasedLinear: { linearPercentage, linearInterval },
});
const ALL: TrafficRoutingConfig = { type: 'AllAtOnce' };

const PREDEFINED_TABLE: [string, ComputePlatform, TrafficRoutingConfig | null][] = [
  ['CodeDeployDefault.OneAtATime', 'Server', null],
  ['CodeDeployDefault.HalfAtATime', 'Server', null],
  ['CodeDeployDefault.AllAtOnce', 'Server', null],
  ['CodeDeployDefault.ECSAllAtOnce', 'ECS', ALL],
  ['CodeDeployDefault.ECSCanary10Percent5Minutes', 'ECS', canary(10, 5)],
  ['CodeDeployDefault.ECSCanary10Percent15Minutes', 'ECS', canary(10, 15)],
  ['CodeDeployDefault.ECSLinear10PercentEvery1Minutes', 'ECS', linear(10, 1)],
  ['CodeDeployDefault.ECSLinear10PercentEvery3Minutes', 'ECS', linear(10, 3)],
  ['CodeDeployDefault.LambdaAllAtOnce', 'Lambda', ALL],
  ['CodeDeployDefault.LambdaCanary10Percent5Minutes', 'Lambda', canary(10, 5)],
  ['CodeDeployDefault.LambdaCanary10Percent10Minutes', 'Lambda', canary(10, 10)],
  ['CodeDeployDefault.LambdaCanary10Percent15Minutes', 'Lambda', canary(10, 15)],
  ['CodeDeployDefault.LambdaCanary10Percent30Minutes', 'Lambda', canary(10, 30)],
  ['CodeDeployDefault.LambdaLinear10PercentEvery1Minute', 'Lambda', linear(10, 1)],
  ['CodeDeployDefault.LambdaLinear10PercentEvery2Minutes', 'Lambda', linear(10, 2)],
  ['CodeDeployDefault.LambdaLinear10PercentEvery3Minutes', 'Lambda', linear(10, 3)],
  ['CodeDeployDefault.LambdaLinear10PercentEvery10Minutes', 'Lambda', linear(10, 10)],
];

/** A stable UUID-shaped id from a name (predefined configs have fixed ids, not drawn from the PRNG). */
function stableId(name: string): string {
  let h = 0x811c9dc5;
  let out = '';
  for (let lane = 0; out.length < 32; lane++) {
    for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
    h = Math.imul(h ^ lane, 0x9e3779b1) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return `${out.slice(0, 8)}-${out.slice(8, 12)}-4${out.slice(13, 16)}-a${out.slice(17, 20)}-${out.slice(20, 32)}`;
}

export const PREDEFINED_CONFIGS: Record<string, Omit<CdDeploymentConfig, 'region'>> = Object.fromEntries(
  PREDEFINED_TABLE.map(([name, computePlatform, trafficRoutingConfig]) => {
    const c: Omit<CdDeploymentConfig, 'region'> = {
      deploymentConfigId: stableId(name),
      deploymentConfigName: name,
      createTime: 1420070400,
      computePlatform,
    };
    if (trafficRoutingConfig) c.trafficRoutingConfig = trafficRoutingConfig;
    else
      c.minimumHealthyHosts =
        name === 'CodeDeployDefault.OneAtATime'
          ? { type: 'HOST_COUNT', value: 1 }
          : name === 'CodeDeployDefault.HalfAtATime'
            ? { type: 'FLEET_PERCENT', value: 50 }
            : { type: 'HOST_COUNT', value: 0 };
    return [name, c];
  }),
);

/**
 * SAM's DeploymentPreference.Type -> the CodeDeploy config it names (CodeDeployDefault.Lambda<Type>);
 * https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-configurations.html.
 */
export const SAM_DEPLOYMENT_PREFERENCE_TYPES: Record<string, string> = Object.fromEntries(
  [
    'Canary10Percent5Minutes',
    'Canary10Percent10Minutes',
    'Canary10Percent15Minutes',
    'Canary10Percent30Minutes',
    'Linear10PercentEvery1Minute',
    'Linear10PercentEvery2Minutes',
    'Linear10PercentEvery3Minutes',
    'Linear10PercentEvery10Minutes',
    'AllAtOnce',
  ].map((t) => [t, `CodeDeployDefault.Lambda${t}`]),
);

/** The config a SAM DeploymentPreference.Type names: a predefined type, else a custom config's name. */
export function samDeploymentConfigName(type: string): string {
  return SAM_DEPLOYMENT_PREFERENCE_TYPES[type] ?? type;
}

export function findDeploymentConfig(
  s: SimState,
  region: string,
  name: string,
): Omit<CdDeploymentConfig, 'region'> | undefined {
  return PREDEFINED_CONFIGS[name] ?? s.codedeploy.deploymentConfigs[`${region}:${name}`];
}

/** The shifts a routing config makes: seconds after AllowTraffic starts -> percent on the new side. */
export function trafficShifts(cfg: TrafficRoutingConfig | undefined): { at: number; percent: number }[] {
  if (cfg?.type === 'TimeBasedCanary' && cfg.timeBasedCanary) {
    const { canaryPercentage, canaryInterval } = cfg.timeBasedCanary;
    return [
      { at: 0, percent: canaryPercentage },
      { at: canaryInterval * 60, percent: 100 },
    ];
  }
  if (cfg?.type === 'TimeBasedLinear' && cfg.timeBasedLinear) {
    const { linearPercentage, linearInterval } = cfg.timeBasedLinear;
    const steps = Math.ceil(100 / linearPercentage);
    return Array.from({ length: steps }, (_, i) => ({
      at: (i + 1 - LINEAR_STEP_OFFSET) * linearInterval * 60,
      percent: Math.min(100, (i + 1) * linearPercentage),
    }));
  }
  return [{ at: 0, percent: 100 }];
}
