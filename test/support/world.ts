/** Builds worlds through the public entry point only, as a player's calls would. */

import { advance, createSim, step } from '../../src/model/index.ts';
import { encodeBase64 } from '../../src/model/sim/base64.ts';
import { adoptJson } from '../../src/model/sim/state-json.ts';
import type {
  Call,
  CallResponse,
  SimEvent,
  SimEventOf,
  SimEventType,
  SimState,
  Task,
} from '../../src/model/sim/types.ts';

export const REGION = 'za-southwest-1';
export const ECS_AMI_PARAM = '/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id';
export const PLAIN_AMI_PARAM = '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-6.1-x86_64';

export class World {
  state: SimState;
  events: SimEvent[] = [];

  /** The events of one type so far, with their typed data. */
  eventsOf<K extends SimEventType>(type: K): SimEventOf<K>[] {
    return this.events.filter((e): e is SimEventOf<K> => e.type === type);
  }

  constructor(seed = 1, region = REGION) {
    this.state = createSim({ seed, region });
  }

  call(action: string, input: Record<string, unknown> = {}, region?: string): CallResponse {
    const c: Call = { action, input, ...(region ? { region } : {}) };
    const r = step(this.state, c);
    this.state = r.state;
    this.events.push(...r.events);
    return r.response;
  }

  /** Calls and expects success; returns the output. */
  ok(action: string, input: Record<string, unknown> = {}): Record<string, any> {
    const r = this.call(action, input);
    if ('error' in r) throw new Error(`${action} failed: ${r.error.name}: ${r.error.message}`);
    return r.output as Record<string, any>;
  }

  /** Calls and expects an error; returns it. */
  err(action: string, input: Record<string, unknown> = {}): { name: string; message: string } {
    const r = this.call(action, input);
    if (!('error' in r)) throw new Error(`${action} unexpectedly succeeded`);
    return r.error;
  }

  tick(seconds: number): void {
    const r = advance(this.state, seconds);
    this.state = r.state;
    this.events.push(...r.events);
  }

  ami(ecs = true): string {
    return this.ok('ssm:GetParameter', { Name: ecs ? ECS_AMI_PARAM : PLAIN_AMI_PARAM }).Parameter.Value;
  }

  /** Launches instances that join `cluster`; call tick(25) for them to register. */
  launch(
    zoneLetter: string,
    instanceType = 't3.medium',
    cluster = 'Royaume',
    count = 1,
    extraUserData = '',
  ): string[] {
    const out = this.ok('ec2:RunInstances', {
      ImageId: this.ami(true),
      InstanceType: instanceType,
      MinCount: count,
      MaxCount: count,
      Placement: { AvailabilityZone: `${REGION}${zoneLetter}` },
      UserData: encodeBase64(
        `#!/bin/bash\necho ECS_CLUSTER=${cluster} >> /etc/ecs/ecs.config\n${extraUserData}`,
      ),
    });
    return out.Instances.map((i: { InstanceId: string }) => i.InstanceId);
  }

  registerWeb(family = 'web', memory = 256, cpu = 128, extra: Record<string, unknown> = {}): string {
    return this.ok('ecs:RegisterTaskDefinition', {
      family,
      containerDefinitions: [{ name: 'web', image: 'nginx:1.27', cpu, memory, essential: true, ...extra }],
    }).taskDefinition.taskDefinitionArn;
  }

  tasks(filter: (t: Task) => boolean = () => true) {
    return this.state.tasks.values().filter(filter);
  }

  liveTasks(serviceName?: string) {
    return this.tasks(
      (t) => t.desiredStatus !== 'STOPPED' && (serviceName === undefined || t.serviceName === serviceName),
    );
  }

  running(serviceName?: string) {
    return this.liveTasks(serviceName).filter((t) => t.lastStatus === 'RUNNING');
  }

  service(name: string, cluster = 'Royaume') {
    return this.ok('ecs:DescribeServices', { cluster, services: [name] }).services[0];
  }

  containerInstances(cluster = 'Royaume') {
    return this.state.containerInstances.values().filter((ci) => ci.clusterArn.endsWith(`/${cluster}`));
  }
}

/** A world with cluster Royaume and one registered t3.medium per zone letter given. */
export function kingdom(zones: string[] = ['a', 'b', 'c'], instanceType = 't3.medium', seed = 1): World {
  const w = new World(seed);
  w.ok('ecs:CreateCluster', { clusterName: 'Royaume' });
  for (const z of zones) w.launch(z, instanceType);
  w.tick(25);
  return w;
}

/** A deep copy of a state through JSON, ready for the model and the view (its entities may be edited). */
export function jsonCopy(s: SimState): SimState {
  return adoptJson(JSON.parse(JSON.stringify(s)) as SimState);
}
