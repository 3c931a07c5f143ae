/**
 * A development's buildings in words (the Inspector's card): the order they rose in (dependsOn), what each
 * waits for, and the lord's herald's verdict on each (container health checks, not the gate's herald), with
 * the check that failed when a decree tore the development down:
 *
 *   "Building web failed the lord's herald: curl -f http://localhost/ || exit 1 answered exit 1, 3 times in
 *    a row; decree mill tore the development down and raises another."
 *   "Task failed container health checks: container web's healthCheck [CMD-SHELL, curl -f
 *    http://localhost/ || exit 1] failed 3 consecutive checks (retries 3; last: exit 1)."
 *
 * Pure: reads the task, its plan and the model's rules (healthCheckOf, dependsOnOf, holdupOf).
 */
import {
  type ContainerDependency,
  dependsOnOf,
  type HealthCheckConfig,
  healthCheckOf,
  holdupOf,
  type SimState,
  type Task,
  type TaskContainer,
  type TaskDefinition,
} from '../model/index.ts';
import type { WhyCard } from './explain.ts';
import { byMode, type NameMode } from './lexicon.ts';

const FAILED_CHECKS = 'Task failed container health checks';

const CONDITION_STORY: Record<string, string> = {
  START: 'to rise',
  COMPLETE: 'to finish its work',
  SUCCESS: 'to finish its work without fault (exit 0)',
  HEALTHY: "to pass the lord's herald",
};

const HEALTH_STORY: Record<string, string> = {
  HEALTHY: 'sound',
  UNHEALTHY: 'failing',
  UNKNOWN: 'not yet judged',
};

function commandText(hc: HealthCheckConfig): string {
  const [kind, ...rest] = hc.command;
  return kind === 'CMD-SHELL' || kind === 'CMD' ? rest.join(' ') : hc.command.join(' ');
}

function checkAws(hc: HealthCheckConfig): string {
  return `[${hc.command.join(', ')}], interval ${hc.interval} s, timeout ${hc.timeout} s, retries ${hc.retries}, startPeriod ${hc.startPeriod} s`;
}

function checkStory(hc: HealthCheckConfig): string {
  return `"${commandText(hc)}" every ${hc.interval} s, ${hc.retries} ${hc.retries === 1 ? 'miss' : 'misses'} allowed${hc.startPeriod ? `, ${hc.startPeriod} s to settle in` : ''}`;
}

function waitsStory(deps: ContainerDependency[]): string {
  return deps.map((d) => `${d.containerName} ${CONDITION_STORY[d.condition] ?? d.condition}`).join(' and ');
}

/** The containers in the order they started; those that never did come last, in the plan's order. */
function risingOrder(task: Task): TaskContainer[] {
  const started = task.containers.filter((c) => c.startedAt !== undefined);
  started.sort((a, b) => (a.startedAt ?? 0) - (b.startedAt ?? 0));
  return [...started, ...task.containers.filter((c) => c.startedAt === undefined)];
}

function row(
  sim: SimState,
  task: Task,
  td: TaskDefinition | undefined,
  c: TaskContainer,
  i: number,
  mode: NameMode,
): string {
  const t0 = task.pullStoppedAt ?? task.createdAt;
  const deps = dependsOnOf(td, c.name);
  const hc = healthCheckOf(td, c.name);
  const at = c.startedAt !== undefined ? `+${c.startedAt - t0} s` : null;
  const ended =
    c.lastStatus === 'STOPPED'
      ? c.exitCode === 143 && c.startedAt === undefined
        ? byMode(mode, 'never rose: what it waited for will not happen', 'never started (exit 143)')
        : byMode(mode, `done (exit ${c.exitCode ?? 0})`, `STOPPED, exit ${c.exitCode ?? 0}`)
      : null;
  const holdup = c.lastStatus === 'PENDING' ? holdupOf(td, task.containers, c.name, sim.now) : null;
  const nozama = [
    `${i + 1}. ${c.name}${c.essential ? '' : ' (may fall alone)'}`,
    deps.length ? `waits for ${waitsStory(deps)}` : 'waits for nothing',
    at ? `rose at ${at}` : holdup ? `still waiting for ${waitsStory([holdup.dependency])}` : 'not risen',
    ...(ended ? [ended] : []),
    ...(hc
      ? [
          `the lord's herald: ${HEALTH_STORY[c.healthStatus] ?? c.healthStatus} (${checkStory(hc)}${c.lastProbe ? `; last: ${c.lastProbe.output}` : ''})`,
        ]
      : []),
  ].join(' · ');
  const aws = [
    `${i + 1}. ${c.name}${c.essential ? ' (essential)' : ''}`,
    deps.length
      ? `dependsOn ${deps.map((d) => `${d.containerName} ${d.condition}`).join(', ')}`
      : 'no dependsOn',
    at
      ? `started ${at}`
      : holdup
        ? `PENDING on ${holdup.dependency.containerName} ${holdup.dependency.condition}`
        : 'PENDING',
    ...(ended ? [ended] : []),
    ...(hc
      ? [
          `healthStatus ${c.healthStatus} (${checkAws(hc)}${c.lastProbe ? `; last: ${c.lastProbe.output}` : ''})`,
        ]
      : []),
  ].join(' · ');
  return byMode(mode, nozama, aws);
}

function headline(task: Task, td: TaskDefinition | undefined, mode: NameMode): string {
  const failing = task.containers.find((c) => c.essential && c.healthStatus === 'UNHEALTHY');
  const hc = failing ? healthCheckOf(td, failing.name) : null;
  if (failing && hc) {
    const last = failing.lastProbe?.output ?? 'exit 1';
    const times = failing.healthFailures ?? hc.retries;
    if (task.stoppedReason === FAILED_CHECKS)
      return byMode(
        mode,
        `Building ${failing.name} failed the lord's herald: "${commandText(hc)}" answered ${last}, ${times} ${times === 1 ? 'time' : 'times'} in a row; decree ${task.serviceName ?? ''} tore the development down and raises another.`,
        `${FAILED_CHECKS}: container ${failing.name}'s healthCheck [${hc.command.join(', ')}] failed ${times} consecutive checks (retries ${hc.retries}; last: ${last}).`,
      );
    return byMode(
      mode,
      `Building ${failing.name} fails the lord's herald ("${commandText(hc)}" answered ${last}).${task.serviceName ? ` Decree ${task.serviceName} will tear it down once its grace period is over.` : ' A development raised by hand keeps standing anyway.'}`,
      `healthStatus UNHEALTHY: container ${failing.name}'s healthCheck failed ${times} consecutive checks (last: ${last}).${task.serviceName ? ` Service ${task.serviceName} replaces the task once healthCheckGracePeriodSeconds is over.` : ' A task run outside a service keeps running.'}`,
    );
  }
  const refused = task.containers.find((c) => c.startedAt === undefined && c.exitCode === 143);
  if (refused)
    return byMode(
      mode,
      `Building ${refused.name} never rose: what it waited for will not happen${refused.essential ? ', so the development fell' : ''}.`,
      refused.reason ?? `Container ${refused.name} could not start: a dependency can never be met.`,
    );
  const checked = task.containers.filter((c) => healthCheckOf(td, c.name));
  if (checked.length)
    return byMode(
      mode,
      `The lord's herald visits ${checked.length} ${checked.length === 1 ? 'building' : 'buildings'}: the development is ${HEALTH_STORY[task.healthStatus] ?? task.healthStatus}.`,
      `Task healthStatus ${task.healthStatus}, from its essential containers' health checks.`,
    );
  return byMode(
    mode,
    'The plan orders its buildings: each rises once what it waits for has happened.',
    'Containers start in dependsOn order.',
  );
}

/** The buildings card of a development, or null when its plan has neither health checks nor an order. */
export function buildingsCard(sim: SimState, task: Task, mode: NameMode): WhyCard | null {
  const td = sim.taskDefinitions[task.taskDefinitionArn];
  const relevant = task.containers.some(
    (c) => healthCheckOf(td, c.name) !== null || dependsOnOf(td, c.name).length > 0,
  );
  if (!relevant) return null;
  return {
    headline: headline(task, td, mode),
    reasons: risingOrder(task).map((c, i) => row(sim, task, td, c, i, mode)),
  };
}
