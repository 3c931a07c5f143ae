import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CHRONICLE_EVENT_TYPES,
  type ChronicleEvent,
  type ChronicleLine,
  chronicleLine,
} from '../../src/i18n/chronicle.ts';
import type { NameMode } from '../../src/i18n/lexicon.ts';
import { developmentName, territoryName } from '../../src/i18n/names.ts';
import { SIM_EVENT_TYPES } from '../../src/model/index.ts';
import { encodeBase64 } from '../../src/model/sim/base64.ts';
import type { SimEvent } from '../../src/model/sim/types.ts';
import { kingdom, REGION, type World } from '../support/world.ts';

const MODES: NameMode[] = ['nozama', 'aws', 'both'];

/** Every event the model can emit, read from its source (`ctx.emit('type', ...)`, ternaries included). */
function emittedTypes(): string[] {
  const dir = join(import.meta.dirname, '../../src/model');
  const types = new Set<string>();
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  for (const file of files) {
    const text = readFileSync(join(dir, file), 'utf8');
    for (const m of text.matchAll(/ctx\.emit\(([^{]*)\{/g))
      for (const q of (m[1] as string).matchAll(/'([a-zA-Z]+\/[a-zA-Z]+)'/g)) types.add(q[1] as string);
  }
  return [...types].sort();
}

/** Lines for the events a call or a tick produced, rendered right after it (as the chronicle does). */
class Chronicle {
  lines: {
    /** The event as the assertions read it: any field of its data, by name. */
    event: { type: string; data: Record<string, unknown> };
    nozama: ChronicleLine | null;
    aws: ChronicleLine | null;
    both: ChronicleLine | null;
  }[] = [];
  private seen = 0;
  constructor(readonly w: World) {}
  flush(): void {
    const fresh = this.w.events.slice(this.seen) as SimEvent[];
    this.seen = this.w.events.length;
    for (const event of fresh)
      this.lines.push({
        event: event as { type: string; data: Record<string, unknown> },
        nozama: chronicleLine(event, this.w.state, 'nozama'),
        aws: chronicleLine(event, this.w.state, 'aws'),
        both: chronicleLine(event, this.w.state, 'both'),
      });
  }
  ok(action: string, input: Record<string, unknown> = {}) {
    const out = this.w.ok(action, input);
    this.flush();
    return out;
  }
  tick(seconds: number): void {
    for (let i = 0; i < seconds; i++) {
      this.w.tick(1);
      this.flush();
    }
  }
  texts(mode: NameMode, type?: string): string[] {
    return this.lines
      .filter((l) => type === undefined || l.event.type === type)
      .map((l) => l[mode]?.text)
      .filter((t): t is string => t !== undefined);
  }
}

/** A long day in the kingdom: most things that can happen, happen. */
function longScenario() {
  const w = kingdom([], 't3.medium', 7);
  const c = new Chronicle(w);
  c.flush();
  for (const z of ['a', 'b', 'c']) w.launch(z);
  c.flush();
  c.tick(25);
  const mill = w.registerWeb('mill', 256, 128);
  c.flush();
  c.ok('ecs:CreateService', {
    cluster: 'Royaume',
    serviceName: 'mill',
    taskDefinition: mill,
    desiredCount: 3,
  });
  c.tick(60);
  c.ok('ecs:RunTask', { cluster: 'Royaume', taskDefinition: mill });
  c.tick(10);
  // Rolling update to a new edition.
  const mill2 = w.registerWeb('mill', 256, 128, { environment: [{ name: 'V', value: '2' }] });
  c.flush();
  c.ok('ecs:UpdateService', { cluster: 'Royaume', service: 'mill', taskDefinition: mill2 });
  c.tick(120);
  c.ok('ecs:UpdateService', { cluster: 'Royaume', service: 'mill', desiredCount: 4 });
  c.tick(30);
  // Marks and draining.
  const ci = w.containerInstances()[0]!;
  c.ok('ecs:PutAttributes', {
    cluster: 'Royaume',
    attributes: [
      { name: 'stack', value: 'blue', targetType: 'container-instance', targetId: ci.containerInstanceArn },
    ],
  });
  c.ok('ecs:UpdateContainerInstancesState', {
    cluster: 'Royaume',
    containerInstances: [ci.containerInstanceArn],
    status: 'DRAINING',
  });
  c.tick(90);
  c.ok('ecs:UpdateContainerInstancesState', {
    cluster: 'Royaume',
    containerInstances: [ci.containerInstanceArn],
    status: 'ACTIVE',
  });
  // A crash, an agent that goes silent, a zone that collapses.
  c.ok('sim:CrashContainer', { cluster: 'Royaume', task: w.running('mill')[0]!.taskArn });
  c.tick(30);
  const other = w.containerInstances().find((x) => x.containerInstanceArn !== ci.containerInstanceArn)!;
  c.ok('sim:DisconnectAgent', { instanceId: other.ec2InstanceId });
  c.tick(5);
  c.ok('sim:ReconnectAgent', { instanceId: other.ec2InstanceId });
  c.ok('sim:FailAvailabilityZone', { availabilityZone: `${REGION}c` });
  c.tick(60);
  c.ok('sim:RestoreAvailabilityZone', { availabilityZone: `${REGION}c` });
  c.tick(60);
  // A broken image: the service backs off.
  c.ok('sim:SetImageBehavior', { image: 'broken:1', mode: 'fail-to-start' });
  const oven = c.ok('ecs:RegisterTaskDefinition', {
    family: 'oven',
    containerDefinitions: [{ name: 'oven', image: 'broken:1', cpu: 64, memory: 64, essential: true }],
  }).taskDefinition.taskDefinitionArn;
  c.ok('ecs:CreateService', {
    cluster: 'Royaume',
    serviceName: 'oven',
    taskDefinition: oven,
    desiredCount: 1,
  });
  c.tick(300);
  c.ok('sim:SetImageBehavior', { image: 'broken:1', mode: 'ok' });
  c.ok('ecs:DeleteService', { cluster: 'Royaume', service: 'oven', force: true });
  c.tick(30);
  // A plan too big to place, a deadlocked renovation.
  const giant = w.registerWeb('giant', 5000, 128);
  c.flush();
  c.ok('ecs:CreateService', {
    cluster: 'Royaume',
    serviceName: 'giant',
    taskDefinition: giant,
    desiredCount: 1,
  });
  c.tick(3);
  c.ok('ecs:DeleteService', { cluster: 'Royaume', service: 'giant', force: true });
  c.ok('ecs:UpdateService', {
    cluster: 'Royaume',
    service: 'mill',
    taskDefinition: mill,
    deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 100 },
  });
  c.tick(5);
  c.ok('ecs:DeregisterTaskDefinition', { taskDefinition: mill });
  // A bare charter, a lord who finds no kingdom, an abandoned territory, a lost one.
  c.ok('ec2:RunInstances', {
    ImageId: w.ami(false),
    InstanceType: 't2.micro',
    MinCount: 1,
    MaxCount: 1,
    Placement: { AvailabilityZone: `${REGION}a` },
  });
  c.ok('ec2:RunInstances', {
    ImageId: w.ami(true),
    InstanceType: 'r5.large',
    MinCount: 1,
    MaxCount: 1,
    Placement: { AvailabilityZone: `${REGION}b` },
    UserData: encodeBase64('#!/bin/bash\necho ECS_CLUSTER=Nowhere >> /etc/ecs/ecs.config\n'),
  });
  c.tick(30);
  c.ok('ec2:TerminateInstances', { InstanceIds: [ci.ec2InstanceId] });
  c.ok('sim:LoseInstance', { instanceId: other.ec2InstanceId });
  c.tick(30);
  c.ok('ecs:CreateCluster', { clusterName: 'Spare' });
  c.ok('ecs:DeleteCluster', { cluster: 'Spare' });
  return { w, c, ci, other };
}

describe('chronicleLine', () => {
  it('knows every event type the model emits', () => {
    const emitted = emittedTypes();
    expect(emitted.length).toBeGreaterThan(25);
    // The model's event table lists exactly what it emits (Ctx.emit accepts only the table's names).
    expect(emitted).toEqual([...SIM_EVENT_TYPES].sort());
    for (const type of emitted) expect(CHRONICLE_EVENT_TYPES, type).toHaveProperty([type]);
  });

  it('writes a line for every player-relevant event of a long scenario, and null only on purpose', () => {
    const { c } = longScenario();
    const seen = new Set(c.lines.map((l) => l.event.type));
    for (const type of [
      'cluster/created',
      'cluster/deleted',
      'instance/launched',
      'instance/running',
      'instance/terminating',
      'instance/terminated',
      'instance/stopped',
      'agent/registrationFailed',
      'agent/connected',
      'agent/disconnected',
      'containerInstance/registered',
      'containerInstance/deregistered',
      'containerInstance/draining',
      'containerInstance/activated',
      'containerInstance/attributeSet',
      'taskDefinition/registered',
      'taskDefinition/deregistered',
      'task/placed',
      'task/pending',
      'task/running',
      'task/stopRequested',
      'task/stopping',
      'task/stopped',
      'container/exited',
      'service/created',
      'service/updated',
      'service/deleted',
      'service/inactive',
      'service/event',
      'service/placementFailed',
      'zone/failed',
      'zone/restored',
      'image/behaviorSet',
    ])
      expect(seen, type).toContain(type);
    for (const l of c.lines) {
      const shown = CHRONICLE_EVENT_TYPES[l.event.type];
      for (const mode of MODES) {
        if (shown) {
          expect(l[mode]?.text.length, `${l.event.type} ${mode}`).toBeGreaterThan(5);
          expect(l[mode]?.tone).toMatch(/^(info|good|warn|bad)$/);
          expect(l[mode]?.text).not.toMatch(/undefined|NaN|\[object/);
        } else expect(l[mode], `${l.event.type} ${mode}`).toBeNull();
      }
      // The same event has the same tone whatever the names.
      expect(l.aws?.tone).toBe(l.nozama?.tone);
    }
  });

  it('returns ECS service events verbatim in AWS mode and retells them in Nozama mode', () => {
    const { c } = longScenario();
    const events = c.lines.filter((l) => l.event.type === 'service/event');
    for (const l of events) expect(l.aws?.text).toBe(l.event.data.message);
    const nozama = c.texts('nozama', 'service/event');
    expect(nozama).toContain('Decree mill stands: all its developments are up');
    expect(nozama).toContain('Decree mill: 3 developments raised');
    expect(nozama).toContain('Decree mill: 1 development raised');
    expect(nozama).toContain(
      'Decree mill: every development of its current plan edition stands (deployment complete)',
    );
    expect(nozama).toContainEqual(expect.stringMatching(/^Decree mill: \d developments? taken down$/));
    expect(nozama).toContain(
      'Decree oven: developments keep failing to rise; the steward waits longer between tries',
    );
    expect(nozama).toContainEqual(
      expect.stringMatching(
        /^Decree giant: no territory can take a development \(closest: 1[abc]-1, not enough memory\)$/,
      ),
    );
    expect(nozama).toContain(
      'Decree mill is stuck: its renovation limits (minimum healthy, maximum percent) leave no room',
    );
    expect(c.texts('both', 'service/event')).toContain(
      'Decree mill (service mill) stands: all its developments are up',
    );
    const tones = Object.fromEntries(events.map((l) => [l.nozama?.text, l.nozama?.tone]));
    expect(tones['Decree mill stands: all its developments are up']).toBe('good');
    expect(tones['Decree mill: 3 developments raised']).toBe('info');
  });

  it('tells the story in Nozama words and in ECS words', () => {
    const { w, c, ci, other } = longScenario();
    const n = c.texts('nozama');
    const a = c.texts('aws');
    const home = territoryName(w.state, ci.ec2InstanceId);
    const lost = territoryName(w.state, other.ec2InstanceId);
    expect(n).toContain('Kingdom Royaume is founded');
    expect(n).toContain('Territory 1b-1 is surveyed in portal 1b (t3.medium, homestead)');
    expect(n).toContain(
      'Territory 1a-2 is surveyed in portal 1a (t2.micro, small plot); a bare charter: no castle',
    );
    expect(n).toContain('Territory 1a-2 is ready, but has no castle: it cannot join a kingdom');
    expect(n).toContain('The lord of castle 1b-1 swore fealty to Royaume');
    expect(n).toContain('The lord of territory 1b-2 finds no kingdom named Nowhere; he keeps asking');
    expect(n).toContain('Plan mill, edition 1 is drafted');
    expect(n).toContain('A new edition of plan mill, edition 2 is drafted');
    expect(n).toContain('Decree mill is proclaimed: keep 3 developments of plan mill standing');
    expect(n).toContain('Decree mill is amended: a renovation to plan mill, edition 2 begins');
    expect(n).toContain('Decree mill now keeps 4 developments standing');
    expect(n).toContain(`Castle ${home} is marked stack=blue`);
    expect(n).toContain(`Castle ${home} is draining: its developments will move elsewhere`);
    expect(n).toContain(`Castle ${home} welcomes developments again`);
    expect(n).toContain(`The lord of castle ${lost} has gone silent: no new developments there`);
    expect(n).toContain(`The lord of castle ${lost} speaks again`);
    expect(n).toContain('Portal 1c collapsed!');
    expect(n).toContain('Territory 1c-1 has gone dark');
    expect(n).toContain('Portal 1c is open again');
    expect(n).toContain('Building design broken:1 is flawed: its buildings will not rise');
    expect(n).toContainEqual(
      expect.stringMatching(
        /^Development oven·[0-9a-f]{4} failed to rise: its building design could not be fetched; decree oven will raise another$/i,
      ),
    );
    expect(n).toContainEqual(
      expect.stringMatching(
        /^Building web of development mill·[0-9a-f]{4} collapsed \(exit 137\); the development falls$/,
      ),
    );
    expect(n).toContainEqual(
      expect.stringMatching(
        /^Development mill·[0-9a-f]{4} fell: an essential building collapsed; decree mill will raise another$/i,
      ),
    );
    expect(n).toContainEqual(
      expect.stringMatching(
        /^Development mill·[0-9a-f]{4} is lost with 1c-1; decree mill will raise another$/i,
      ),
    );
    expect(n).toContain('Decree oven is revoked: its developments come down');
    expect(n).toContain('Decree oven has ended');
    expect(n).toContain('Plan mill, edition 1 is retired');
    expect(n).toContain(`Territory ${home} is abandoned by order`);
    expect(n).toContain(`Castle ${home} leaves the kingdom (its territory is gone)`);
    expect(n).toContain(`Territory ${lost} is lost to a disaster (its ground gave way)`);
    expect(n).toContain(`Territory ${home} lies in ruins`);
    expect(n).toContain('Kingdom Spare is dissolved');

    expect(a).toContain('Cluster Royaume created');
    expect(a).toContainEqual(
      expect.stringMatching(
        /^RunInstances: i-[0-9a-f]{8}… \(1b-1\), t3\.medium, pending in za-southwest-1b$/,
      ),
    );
    expect(a).toContainEqual(
      expect.stringMatching(
        /^Container instance [0-9a-f]{8}… \(i-[0-9a-f]{8}…, 1b-1\) registered in cluster Royaume: 2048 CPU units, 3992 MiB$/,
      ),
    );
    expect(a).toContain('Availability Zone za-southwest-1c is impaired: its instances stop');
    expect(a).toContain('Task definition mill:2 registered');
    expect(a).toContain('Service mill updated: desiredCount 4');
    expect(a).toContainEqual(
      expect.stringMatching(
        /^Task [0-9a-f]{8}… \(oven:1\) STOPPED \(TaskFailedToStart\): CannotPullContainerError: /,
      ),
    );
    expect(a).toContainEqual(
      expect.stringMatching(
        /^ClusterNotFoundException: Cluster not found\. The agent on i-[0-9a-f]{17} will keep retrying\.$/,
      ),
    );
    expect(a).toContain('Image broken:1 now fails to start (CannotPullContainerError)');
  });

  it('a development is named the same way from placement to its end', () => {
    const { w, c } = longScenario();
    const placed = c.lines.find(
      (l) => l.event.type === 'task/placed' && l.event.data.serviceName === 'mill',
    )!;
    const arn = placed.event.data.taskArn as string;
    const dev = developmentName(w.state, arn);
    const mentions = c.lines.filter((l) => l.event.data.taskArn === arn && l.nozama !== null);
    expect(mentions.length).toBeGreaterThanOrEqual(3); // placed, running, stopped
    for (const l of mentions) expect(l.nozama?.text).toContain(`Development ${dev}`);
    expect(placed.nozama?.text).toMatch(
      new RegExp(`^Development ${dev} rises on territory 1[abc]-1 for decree mill$`),
    );
    expect(placed.aws?.text).toMatch(
      /^Task [0-9a-f]{8}… \(mill:1\) placed on instance i-[0-9a-f]{8}… \(1[abc]-1\) for service mill$/,
    );
  });

  it('returns null for events it does not know', () => {
    const w = kingdom(['a'], 't3.medium', 1);
    // An event from another version of the model (a saved stream): not in this model's union.
    const unknown = { type: 'nothing/happened', data: {} } as unknown as ChronicleEvent;
    expect(chronicleLine(unknown, w.state, 'nozama')).toBeNull();
  });
});

describe('tasks and services, told apart', () => {
  it('a development raised by hand stays down; one kept by a decree is raised again', () => {
    const w = kingdom(['a']);
    const td = w.registerWeb('lone', 128, 64);
    const arn = w.ok('ecs:RunTask', { cluster: 'Royaume', taskDefinition: td }).tasks[0].taskArn;
    w.tick(10);
    w.ok('sim:CrashContainer', { cluster: 'Royaume', task: arn });
    w.tick(10);
    const stopped = w.events.find((e) => e.type === 'task/stopped' && e.data.taskArn === arn);
    if (!stopped) throw new Error('no task/stopped event');
    expect(chronicleLine(stopped as never, w.state, 'nozama')?.text).toMatch(
      /no decree watches over it, so it stays down$/,
    );
  });
});
