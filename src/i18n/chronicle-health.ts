/**
 * Chronicle lines for the buildings of a development: the
 * lord's herald's verdicts on a building (container health checks, not the gate's), a decree tearing down a
 * development whose building failed its checks, and the world making a building's check fail
 * (sim:SetHealthCheckResult). In AWS mode the lines use ECS's words. chronicle.ts dispatches here.
 */
import type { SimState } from '../model/index.ts';
import type { ChronicleEvent, ChronicleLine, Tone } from './chronicle.ts';
import { byMode, capitalize, type NameMode } from './lexicon.ts';
import { developmentName, planName } from './names.ts';

export const HEALTH_EVENT_TYPES: Readonly<Record<string, boolean>> = {
  'container/started': false,
  'container/healthChanged': true,
  'task/failedHealthChecks': true,
  'healthCheck/resultSet': true,
};

const line = (text: string, tone: Tone): ChronicleLine => ({ text: capitalize(text), tone });
const shortArn = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1).slice(0, 8);

function dev(sim: SimState, taskArn: string, mode: NameMode): string {
  return byMode(mode, `development ${developmentName(sim, taskArn)}`, `task ${shortArn(taskArn)}`);
}

export function healthLine(event: ChronicleEvent, sim: SimState, mode: NameMode): ChronicleLine | null {
  switch (event.type) {
    case 'container/started':
      // The rising order is told by the Inspector (the buildings' order); a line per building is noise.
      return null;
    case 'container/healthChanged': {
      const name = event.data.containerName;
      const to = event.data.to;
      const out = event.data.output;
      const good = to === 'HEALTHY';
      return line(
        byMode(
          mode,
          good
            ? `the lord's herald finds building ${name} of ${dev(sim, event.data.taskArn, 'nozama')} sound`
            : `the lord's herald finds building ${name} of ${dev(sim, event.data.taskArn, 'nozama')} failing (${out})`,
          `container ${name} of ${dev(sim, event.data.taskArn, 'aws')} is ${to}${out ? ` (health check: ${out})` : ''}`,
        ),
        good ? 'good' : 'bad',
      );
    }
    case 'task/failedHealthChecks': {
      const name = event.data.containerName;
      const command = Array.isArray(event.data.command) ? event.data.command.map(String).join(' ') : '';
      return line(
        byMode(
          mode,
          `decree ${event.data.serviceName} tears down ${dev(sim, event.data.taskArn, 'nozama')}: building ${name} failed the lord's herald (${command}) and another will rise`,
          `(service ${event.data.serviceName}) stopped ${dev(sim, event.data.taskArn, 'aws')}: Task failed container health checks (container ${name}: ${command})`,
        ),
        'bad',
      );
    }
    case 'healthCheck/resultSet': {
      const what = event.data.TaskDefinition
        ? byMode(
            mode,
            `plan ${planName(event.data.TaskDefinition, 'nozama')}${event.data.ContainerName ? `, building ${event.data.ContainerName}` : ''}`,
            `${planName(event.data.TaskDefinition, 'aws')}${event.data.ContainerName ? ` container ${event.data.ContainerName}` : ''}`,
          )
        : byMode(mode, `building design ${event.data.Image}`, `image ${event.data.Image}`);
      const result = event.data.result;
      if (result === 'pass')
        return line(
          byMode(
            mode,
            `the lord's herald's check passes again for ${what}`,
            `health check passes again for ${what}`,
          ),
          'good',
        );
      return line(
        byMode(
          mode,
          `a fault: the lord's herald's check ${result === 'timeout' ? 'never answers' : 'fails'} for ${what}`,
          `sim:SetHealthCheckResult: the health-check command ${result === 'timeout' ? 'hangs past its timeout' : 'exits 1'} for ${what}`,
        ),
        'warn',
      );
    }
    default:
      return null;
  }
}
