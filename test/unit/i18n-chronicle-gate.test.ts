/**
 * Chronicle lines for the city gate, travelers, curses and watchtowers, rendered right after each
 * call or tick of a real world (a decree behind the gate, travelers, a 50% curse, a watchtower that
 * lights, a weighted door), in Nozama words, AWS words and both.
 */
import { describe, expect, it } from 'vitest';
import { CHRONICLE_EVENT_TYPES, type ChronicleLine, chronicleLine } from '../../src/i18n/chronicle.ts';
import { GATE_EVENT_TYPES } from '../../src/i18n/chronicle-gate.ts';
import type { NameMode } from '../../src/i18n/lexicon.ts';
import type { SimEvent } from '../../src/model/sim/types.ts';
import { alb, registerWebWithPort } from '../support/elb.ts';
import { kingdom, type World } from '../support/world.ts';

const MODES: NameMode[] = ['nozama', 'aws', 'both'];

/** An event as the assertions read it: any field of its data, by name. */
type ReadEvent = { type: string; data: Record<string, unknown> };

interface Line {
  event: ReadEvent;
  nozama: ChronicleLine | null;
  aws: ChronicleLine | null;
  both: ChronicleLine | null;
}

class Chronicle {
  lines: Line[] = [];
  private seen = 0;
  constructor(readonly w: World) {}
  flush(): void {
    const fresh = this.w.events.slice(this.seen) as SimEvent[];
    this.seen = this.w.events.length;
    for (const event of fresh) {
      const [nozama, aws, both] = MODES.map((m) => chronicleLine(event, this.w.state, m));
      this.lines.push({
        event: event as ReadEvent,
        nozama: nozama ?? null,
        aws: aws ?? null,
        both: both ?? null,
      });
    }
  }
  ok(action: string, input: Record<string, unknown> = {}): Record<string, any> {
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
  of(type: string): Line[] {
    return this.lines.filter((l) => l.event.type === type);
  }
}

function gateStory() {
  const w = kingdom(['a', 'b', 'c'], 'm5.large');
  const c = new Chronicle(w);
  c.flush();
  registerWebWithPort(w, 'bakery');
  const gate = alb(w, {
    name: 'web',
    groupInput: { HealthCheckIntervalSeconds: 10, HealthyThresholdCount: 2, UnhealthyThresholdCount: 2 },
  });
  c.flush();
  c.ok('ecs:CreateService', {
    cluster: 'Royaume',
    serviceName: 'bakery',
    taskDefinition: 'bakery:1',
    desiredCount: 3,
    loadBalancers: [{ targetGroupArn: gate.blue, containerName: 'web', containerPort: 80 }],
  });
  c.tick(90);
  c.ok('sim:SetTraffic', { ListenerArn: gate.listener80, RequestsPerSecond: 50 });
  const lbDim = gate.lbArn.slice(gate.lbArn.indexOf('loadbalancer/') + 13);
  c.ok('cloudwatch:PutMetricAlarm', {
    AlarmName: 'gate-5xx',
    Namespace: 'AWS/ApplicationELB',
    MetricName: 'HTTPCode_Target_5XX_Count',
    Dimensions: [{ Name: 'LoadBalancer', Value: lbDim }],
    Statistic: 'Sum',
    Period: 60,
    EvaluationPeriods: 1,
    Threshold: 10,
    ComparisonOperator: 'GreaterThanThreshold',
    TreatMissingData: 'notBreaching',
  });
  c.tick(70);
  c.ok('sim:SetBehavior', { TaskDefinition: 'bakery:1', ErrorRate: 0.5 });
  c.tick(150);
  c.ok('elbv2:ModifyListener', {
    ListenerArn: gate.listener80,
    DefaultActions: [
      {
        Type: 'forward',
        ForwardConfig: {
          TargetGroups: [
            { TargetGroupArn: gate.blue, Weight: 70 },
            { TargetGroupArn: gate.green, Weight: 30 },
          ],
        },
      },
    ],
  });
  c.ok('sim:SetBehavior', { TaskDefinition: 'bakery:1', Clear: true });
  c.ok('sim:SetTraffic', { ListenerArn: gate.listener80, RequestsPerSecond: 0 });
  return { w, c, gate };
}

describe('chronicle lines of the gate', () => {
  const { c } = gateStory();

  it('registers every gate event type as shown', () => {
    for (const [type, shown] of Object.entries(GATE_EVENT_TYPES)) {
      expect(CHRONICLE_EVENT_TYPES[type], type).toBe(shown);
    }
  });

  it('writes a line in every mode, with one tone, for every gate event of the story', () => {
    const seen = new Set(c.lines.map((l) => l.event.type));
    for (const type of [
      'loadBalancer/created',
      'loadBalancer/active',
      'targetGroup/created',
      'listener/created',
      'listener/modified',
      'target/registered',
      'target/healthy',
      'target/unhealthy',
      'target/draining',
      'traffic/changed',
      'traffic/window',
      'behavior/changed',
      'alarm/stateChanged',
    ])
      expect(seen, type).toContain(type);
    for (const l of c.lines.filter((x) => x.event.type in GATE_EVENT_TYPES)) {
      const shown = GATE_EVENT_TYPES[l.event.type];
      for (const mode of MODES) {
        if (!shown) {
          expect(l[mode], `${l.event.type} ${mode}`).toBeNull();
          continue;
        }
        expect(l[mode]?.text.length, `${l.event.type} ${mode}`).toBeGreaterThan(10);
        expect(l[mode]?.text, `${l.event.type} ${mode}`).not.toMatch(/undefined|NaN|\[object|arn:aws/);
      }
      expect(l.aws?.tone).toBe(l.nozama?.tone);
      expect(l.both?.tone).toBe(l.nozama?.tone);
    }
    // The door's default rule changes with the door: the listener's line tells it, once.
    expect(seen).toContain('rule/modified');
  });

  it('the herald: a stop failing on a road, in story words and in ELB words', () => {
    const [first] = c.of('target/unhealthy');
    expect(first?.nozama?.tone).toBe('bad');
    expect(first?.nozama?.text).toMatch(
      /^The herald found 1[abc]-1's bakery \(edition 1\) failing \(wrong answers, 2 checks in a row\) on road web-blue: travelers no longer go there$/,
    );
    expect(first?.aws?.text).toMatch(
      /^Target i-[0-9a-f]{8}…:\d+ in target group web-blue is unhealthy: Target\.ResponseCodeMismatch \(Health checks failed with these codes: \[500\]\)$/,
    );
    expect(first?.both?.text).toMatch(/'s bakery \(edition 1\) \(target i-[0-9a-f]{8}…:\d+\) failing/);
    expect(first?.both?.text).toContain('road web-blue (target group web-blue)');
    const healthy = c.of('target/healthy')[0];
    expect(healthy?.nozama).toMatchObject({ tone: 'good' });
    expect(healthy?.nozama?.text).toMatch(
      /^The herald found 1[abc]-1's bakery \(edition 1\) healthy on road web-blue/,
    );
    expect(healthy?.aws?.text).toMatch(/^Target i-[0-9a-f]{8}…:\d+ in target group web-blue is healthy$/);
    const draining = c.of('target/draining')[0];
    expect(draining?.nozama?.text).toMatch(
      /leaves road web-blue: no new travelers; those inside finish \(up to 300 s\)$/,
    );
    expect(draining?.aws?.text).toMatch(/is draining \(deregistration delay 300 s\)$/);
  });

  it('travelers: each minute of a door, with the failed share computed from the window', () => {
    const windows = c.of('traffic/window');
    const failing = windows.find((l) => (l.event.data.errors as number) > 0);
    const quiet = windows.find((l) => l.event.data.errors === 0);
    const served = Number(quiet?.event.data.requests ?? 0);
    expect(served).toBeGreaterThan(0);
    expect(quiet?.nozama?.text).toBe(
      `The main door (80) of gate web: ${served.toLocaleString('en-US')} travelers in the last minute, all served`,
    );
    expect(quiet?.nozama?.tone).toBe('info');
    const d = failing?.event.data as { requests: number; errors: number; elb5xx: number };
    const share = Math.round((d.errors * 100) / d.requests);
    expect(failing?.nozama?.text).toContain(
      `${d.requests.toLocaleString('en-US')} travelers in the last minute, ${d.errors.toLocaleString('en-US')} turned away (${share}%)`,
    );
    expect(failing?.nozama?.tone).toBe(share >= 20 ? 'bad' : 'warn');
    expect(failing?.aws?.text).toMatch(
      new RegExp(
        `^Listener HTTP:80 of load balancer web: ${d.requests.toLocaleString('en-US')} requests in the last minute, .* target 5XX, .* ELB 5XX \\(${share}% failed\\)$`,
      ),
    );
    const started = c.of('traffic/changed');
    expect(started[0]?.nozama?.text).toBe(
      'Travelers now come to the main door (80) of gate web: 50 a second',
    );
    expect(started[0]?.aws?.text).toBe(
      'sim:SetTraffic: listener HTTP:80 of load balancer web at 50 requests per second',
    );
    expect(started.at(-1)?.nozama?.text).toBe('Travelers stop coming to the main door (80) of gate web');
  });

  it('curses on a plan edition, and lifting them', () => {
    const [cursed, lifted] = c.of('behavior/changed');
    expect(cursed?.nozama).toEqual({
      text: 'Plan bakery, edition 1 is cursed: 50% of its answers fail, each takes 20 ms',
      tone: 'warn',
    });
    expect(cursed?.aws?.text).toBe(
      'sim:SetBehavior: task definition bakery:1 now fails 50% of requests, 20 ms latency',
    );
    expect(lifted?.nozama).toEqual({
      text: 'Plan bakery, edition 1 is sound again: its buildings answer every traveler',
      tone: 'good',
    });
  });

  it('watchtowers: the beacon lit with what was seen, and AWS’s reason verbatim', () => {
    const lit = c.of('alarm/stateChanged').find((l) => l.event.data.to === 'ALARM');
    const reason = lit?.event.data.reason as string;
    const seen = Number(/\[(-?[\d.]+)/.exec(reason)?.[1]);
    expect(lit?.nozama).toEqual({
      text: `Watchtower gate-5xx lights its beacon: travelers turned away by the buildings (5xx) above 10 (seen: ${seen.toLocaleString('en-US')})`,
      tone: 'bad',
    });
    expect(lit?.aws?.text).toBe(`Alarm gate-5xx changed from ${lit?.event.data.from} to ALARM: ${reason}`);
    expect(lit?.both?.text).toMatch(/^Watchtower gate-5xx \(alarm gate-5xx\) lights its beacon/);
  });

  it('doors: hung, then turned to a weighted forward', () => {
    const hung = c.of('listener/created').map((l) => l.nozama?.text);
    expect(hung).toContain('The main door (80) of gate web is hung: travelers go to road web-blue');
    expect(hung).toContain('The test door (8080) of gate web is hung: travelers go to road web-green');
    const turned = c.of('listener/modified').at(-1);
    expect(turned?.nozama?.text).toBe(
      'The main door (80) of gate web now sends travelers to road web-blue 70%, road web-green 30%',
    );
    expect(turned?.aws?.text).toBe(
      'Listener HTTP:80 of load balancer web modified: forward to target group web-blue 70%, target group web-green 30%',
    );
  });

  it('ECS’s load-balancer service events: verbatim in AWS mode, retold in Nozama mode', () => {
    const events = c.of('service/event');
    const registered = events.find((l) => /registered \d+ targets in/.test(l.event.data.message as string));
    expect(registered?.aws?.text).toBe(registered?.event.data.message);
    expect(registered?.nozama?.text).toMatch(
      /^Decree bakery: (1 development joins|\d+ developments join) road web-blue$/,
    );
    const unhealthy = events.find((l) =>
      /is unhealthy in \(target-group/.test(l.event.data.message as string),
    );
    expect(unhealthy?.nozama?.text).toBe(
      'Decree bakery: the herald reports a failing development on road web-blue (Health checks failed with these codes: [500]); the steward will replace it',
    );
    expect(unhealthy?.nozama?.tone).toBe('warn');
    const draining = events.find((l) =>
      /has begun draining connections/.test(l.event.data.message as string),
    );
    expect(draining?.nozama?.text).toMatch(
      /^Decree bakery: \d+ developments? stops? taking new travelers \(draining\)$/,
    );
  });

  it('names things that have left the state from their ARNs', () => {
    const gone =
      'arn:aws:elasticloadbalancing:za-southwest-1:123456789012:targetgroup/old-road/0123456789abcdef';
    const event = {
      type: 'target/deregistered' as const,
      data: { targetGroupArn: gone, targetId: '10.0.1.12', port: 80, taskArn: null },
    };
    expect(chronicleLine(event, c.w.state, 'nozama')?.text).toBe('10.0.1.12:80 is off road old-road');
    expect(chronicleLine(event, c.w.state, 'aws')?.text).toBe(
      'Target 10.0.1.12:80 in target group old-road deregistered',
    );
    const lb = {
      type: 'loadBalancer/deleted' as const,
      data: {
        loadBalancerArn:
          'arn:aws:elasticloadbalancing:za-southwest-1:123456789012:loadbalancer/app/north/0a18e0432d5bccf5',
      },
    };
    expect(chronicleLine(lb, c.w.state, 'nozama')?.text).toBe('Gate north is torn down');
  });
});
