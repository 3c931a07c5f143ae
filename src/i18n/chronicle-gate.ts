/**
 * Chronicle lines for the city gate (load balancing), travelers (traffic), faults and watchtowers
 * (alarms): the herald's verdicts on each stop of a road, doors hung and turned, travelers counted
 * each minute, and beacons lit or put out. In AWS mode the lines use ELB's and CloudWatch's words
 * ("Target i-0ab12c3d…:49153 in target group bakery-blue is unhealthy: Target.ResponseCodeMismatch").
 * chronicle.ts dispatches here for these event types.
 */

import type { SimEventData, SimState, TargetEventData } from '../model/index.ts';
import { TARGET_TEXT } from '../model/index.ts';
import type { ChronicleEvent, ChronicleEventOf, ChronicleLine, Tone } from './chronicle.ts';

type TargetEventType =
  | 'target/registered'
  | 'target/healthy'
  | 'target/unhealthy'
  | 'target/draining'
  | 'target/deregistered';

import {
  COMPARISON_WORDS,
  doorName,
  doorOfGate,
  gateName,
  gateNameOf,
  roadName,
  roadNameOf,
  stopName,
  type TargetRef,
  targetWords,
  watchedWords,
  watchtowerName,
} from './gate-names.ts';
import { byMode, capitalize, type NameMode } from './lexicon.ts';
import { planName } from './names.ts';

/** The gate's event types, and whether each writes a line. */
export const GATE_EVENT_TYPES: Readonly<Record<string, boolean>> = {
  'loadBalancer/created': true,
  'loadBalancer/active': true,
  'loadBalancer/deleted': true,
  'targetGroup/created': true,
  'targetGroup/deleted': true,
  'listener/created': true,
  'listener/modified': true,
  'listener/deleted': true,
  'rule/created': true,
  // A door's default rule changes with the door (listener/modified tells it); renovations tell theirs.
  'rule/modified': false,
  'rule/deleted': true,
  'target/registered': true,
  'target/healthy': true,
  'target/unhealthy': true,
  'target/draining': true,
  'target/deregistered': true,
  'traffic/changed': true,
  'traffic/window': true,
  'behavior/changed': true,
  'alarm/stateChanged': true,
};

const line = (text: string, tone: Tone): ChronicleLine => ({ text: capitalize(text), tone });
/** A line that starts with an action's name (sim:SetTraffic), kept as AWS spells it. */
const raw = (text: string, tone: Tone): ChronicleLine => ({ text, tone });

function targetOf(d: TargetEventData): TargetRef {
  return { targetGroupArn: d.targetGroupArn, targetId: d.targetId, port: d.port, taskArn: d.taskArn };
}

/** "1b-2's bakery (edition 2)" | "target i-0ab…:49153" | "1b-2's bakery (edition 2) (target i-0ab…:49153)". */
function stop(sim: SimState, t: TargetRef, mode: NameMode): string {
  return byMode(mode, stopName(sim, t), `target ${targetWords(t)}`);
}

/** Where a forward action sends travelers: "road blue", or "road blue 90%, road green 10%". */
export function forwardWords(sim: SimState, listenerArn: string, mode: NameMode): string {
  const action = sim.elb.listeners[listenerArn]?.DefaultActions.find((a) => a.Type === 'forward');
  if (!action) return byMode(mode, 'nowhere', 'no forward action');
  const groups = action.ForwardConfig?.TargetGroups ?? [
    { TargetGroupArn: action.TargetGroupArn ?? '', Weight: 1 },
  ];
  if (groups.length === 1) return roadName(sim, groups[0]?.TargetGroupArn ?? '', mode);
  const total = groups.reduce((a, g) => a + (g.Weight ?? 1), 0) || 1;
  return groups
    .map((g) => `${roadName(sim, g.TargetGroupArn, mode)} ${Math.round(((g.Weight ?? 1) * 100) / total)}%`)
    .join(', ');
}

/** What a behavior key names: a plan edition, an image, a spell's edition. */
function faultSubject(key: string, mode: NameMode): string {
  if (key.includes(':task-definition/')) {
    return byMode(mode, `plan ${planName(key, 'nozama')}`, `task definition ${planName(key, 'aws')}`);
  }
  const fn = /:function:([^:]+):(.+)$/.exec(key);
  if (fn) return byMode(mode, `spell ${fn[1]}, edition ${fn[2]}`, `function ${fn[1]} version ${fn[2]}`);
  return byMode(mode, `building design ${key}`, `image ${key}`);
}

function sourceName(sim: SimState, key: string, mode: NameMode): string {
  const fn = /^lambda:.*:function:([^:]+):(.+)$/.exec(key);
  if (fn) return byMode(mode, `the incantation ${fn[1]}:${fn[2]}`, `function ${fn[1]}:${fn[2]}`);
  return doorOfGate(sim, key, mode);
}

const pct = (part: number, whole: number) => (whole > 0 ? Math.round((part * 100) / whole) : 0);
const fmt = (k: number) => k.toLocaleString('en-US', { maximumFractionDigits: 1 });

/** The line for a gate event, null when it is deliberately silent, undefined when not a gate event. */
export function gateLine(
  event: ChronicleEvent,
  sim: SimState,
  mode: NameMode,
): ChronicleLine | null | undefined {
  const aws = mode === 'aws';
  switch (event.type) {
    case 'loadBalancer/created':
      return aws
        ? line(`Load balancer ${event.data.name} created (provisioning)`, 'info')
        : line(`${gateName(sim, event.data.loadBalancerArn, mode)} is being raised (provisioning)`, 'info');
    case 'loadBalancer/active':
      return aws
        ? line(`Load balancer ${gateNameOf(sim, event.data.loadBalancerArn)} is active`, 'good')
        : line(`${gateName(sim, event.data.loadBalancerArn, mode)} stands open (active)`, 'good');
    case 'loadBalancer/deleted':
      return aws
        ? line(`Load balancer ${gateNameOf(sim, event.data.loadBalancerArn)} deleted`, 'warn')
        : line(`${gateName(sim, event.data.loadBalancerArn, mode)} is torn down`, 'warn');
    case 'targetGroup/created':
      return aws
        ? line(`Target group ${event.data.name} created`, 'info')
        : line(`${roadName(sim, event.data.targetGroupArn, mode)} is laid`, 'info');
    case 'targetGroup/deleted':
      return aws
        ? line(`Target group ${roadNameOf(sim, event.data.targetGroupArn)} deleted`, 'info')
        : line(`${roadName(sim, event.data.targetGroupArn, mode)} is dug up`, 'info');
    case 'listener/created': {
      const arn = event.data.listenerArn;
      const to = forwardWords(sim, arn, mode);
      return aws
        ? line(`${doorOfGate(sim, arn, mode)} created: forward to ${to}`, 'info')
        : line(`${doorOfGate(sim, arn, mode)} is hung: travelers go to ${to}`, 'info');
    }
    case 'listener/modified': {
      const arn = event.data.listenerArn;
      const to = forwardWords(sim, arn, mode);
      return aws
        ? line(`${doorOfGate(sim, arn, mode)} modified: forward to ${to}`, 'info')
        : line(`${doorOfGate(sim, arn, mode)} now sends travelers to ${to}`, 'info');
    }
    case 'listener/deleted':
      return aws
        ? line(`${doorName(sim, event.data.listenerArn, mode)} deleted`, 'warn')
        : line(`${doorName(sim, event.data.listenerArn, mode)} is taken off its hinges`, 'warn');
    case 'rule/modified':
      return null;
    case 'rule/created':
    case 'rule/deleted': {
      const verb = event.type.slice(5);
      const door = doorOfGate(sim, event.data.listenerArn, mode);
      const priority = 'priority' in event.data ? ` ${String(event.data.priority)}` : '';
      const story = verb === 'created' ? 'written' : 'struck out';
      return aws
        ? line(`Rule${priority} of ${door} ${verb}`, 'info')
        : line(`A rule of ${door} is ${story}`, 'info');
    }
    case 'target/registered':
    case 'target/healthy':
    case 'target/unhealthy':
    case 'target/draining':
    case 'target/deregistered':
      return targetLine(event, sim, mode);
    case 'traffic/changed': {
      const rps = event.data.requestsPerSecond;
      const where = sourceName(sim, event.data.source, mode);
      if (aws) return raw(`sim:SetTraffic: ${where} at ${fmt(rps)} requests per second`, 'info');
      return rps > 0
        ? line(`Travelers now come to ${where}: ${fmt(rps)} a second`, 'info')
        : line(`Travelers stop coming to ${where}`, 'info');
    }
    case 'traffic/window':
      return windowLine(event.data, sim, mode);
    case 'behavior/changed': {
      const what = faultSubject(event.data.key, mode);
      const rate = Math.round(event.data.errorRate * 100);
      const ms = event.data.latencyMs;
      if (event.data.cleared === true)
        return aws
          ? raw(`sim:SetBehavior: ${what} behaves normally again`, 'good')
          : line(`${what} is sound again: its buildings answer every traveler`, 'good');
      return aws
        ? raw(`sim:SetBehavior: ${what} now fails ${rate}% of requests, ${fmt(ms)} ms latency`, 'warn')
        : line(`${what} is cursed: ${rate}% of its answers fail, each takes ${fmt(ms)} ms`, 'warn');
    }
    case 'alarm/stateChanged':
      return alarmLine(event.data, sim, mode);
    default:
      return undefined;
  }
}

function targetLine(event: ChronicleEventOf<TargetEventType>, sim: SimState, mode: NameMode): ChronicleLine {
  const t = targetOf(event.data);
  const tg = sim.elb.targetGroups[t.targetGroupArn];
  const road = roadName(sim, t.targetGroupArn, mode);
  const aws = mode === 'aws';
  const who = stop(sim, t, mode);
  const awsHead = `Target ${targetWords(t)} in target group ${roadNameOf(sim, t.targetGroupArn)}`;
  switch (event.type) {
    case 'target/registered':
      return aws
        ? line(`${awsHead} registered`, 'info')
        : line(`${who} joins ${road}; the herald will visit it`, 'info');
    case 'target/healthy':
      return aws
        ? line(`${awsHead} is healthy`, 'good')
        : line(`The herald found ${who} healthy on ${road}: travelers may go there`, 'good');
    case 'target/unhealthy': {
      const reason = event.data.reason;
      const checks = tg?.UnhealthyThresholdCount;
      const text = TARGET_TEXT[reason];
      if (aws) return line(`${awsHead} is unhealthy: ${reason}${text ? ` (${text})` : ''}`, 'bad');
      const why = /Timeout/.test(reason)
        ? 'no answer in time'
        : /ResponseCodeMismatch/.test(reason)
          ? 'wrong answers'
          : 'failing';
      const row = checks ? `, ${checks} checks in a row` : '';
      return line(
        `The herald found ${who} failing (${why}${row}) on ${road}: travelers no longer go there`,
        'bad',
      );
    }
    case 'target/draining': {
      const left = event.data.until - sim.now;
      const delay = tg?.attributes['deregistration_delay.timeout_seconds'];
      const secs = delay ?? (left > 0 ? String(left) : '');
      return aws
        ? line(`${awsHead} is draining${secs ? ` (deregistration delay ${secs} s)` : ''}`, 'info')
        : line(
            `${who} leaves ${road}: no new travelers; those inside finish${secs ? ` (up to ${secs} s)` : ''}`,
            'info',
          );
    }
    default:
      return aws ? line(`${awsHead} deregistered`, 'info') : line(`${who} is off ${road}`, 'info');
  }
}

function windowLine(d: SimEventData<'traffic/window'>, sim: SimState, mode: NameMode): ChronicleLine {
  const requests = d.requests;
  const errors = d.errors;
  const elb = d.elb5xx;
  const key = d.source;
  const where = sourceName(sim, key, mode);
  const share = pct(errors, requests);
  const tone: Tone = errors === 0 ? 'info' : share >= 20 ? 'bad' : 'warn';
  const lambda = key.startsWith('lambda:');
  if (mode === 'aws') {
    const head = `${capitalize(where)}: ${fmt(requests)} ${lambda ? 'invocations' : 'requests'} in the last minute`;
    const tail = lambda
      ? `, ${fmt(errors)} errors`
      : `, ${fmt(errors - elb)} target 5XX, ${fmt(elb)} ELB 5XX (${share}% failed)`;
    return line(`${head}${tail}`, tone);
  }
  const head = `${capitalize(where)}: ${fmt(requests)} travelers in the last minute`;
  if (errors === 0) return line(`${head}, all served`, tone);
  const away = elb > 0 ? `; ${fmt(elb)} found no road open` : '';
  return line(`${head}, ${fmt(errors)} turned away (${share}%)${away}`, tone);
}

function alarmLine(d: SimEventData<'alarm/stateChanged'>, sim: SimState, mode: NameMode): ChronicleLine {
  const name = d.alarmName;
  const to = d.to;
  const from = d.from;
  const reason = d.reason;
  const tone: Tone = to === 'ALARM' ? 'bad' : to === 'OK' ? 'good' : 'info';
  if (mode === 'aws') return line(`Alarm ${name} changed from ${from} to ${to}: ${reason}`, tone);
  const tower = watchtowerName(name, mode);
  const alarm = Object.values(sim.cloudwatch.alarms).find((a) => a.AlarmName === name);
  if (to === 'ALARM') {
    const seen = /\[(-?[\d.]+)/.exec(reason)?.[1];
    const what = alarm ? watchedWords(alarm) : 'what it watches';
    const op = alarm ? (COMPARISON_WORDS[alarm.ComparisonOperator] ?? 'past') : 'past';
    const limit = alarm?.Threshold !== undefined ? ` ${fmt(alarm.Threshold)}` : ' its threshold';
    const value = seen ? ` (seen: ${fmt(Number(seen))})` : '';
    return line(`${tower} lights its beacon: ${what} ${op}${limit}${value}`, tone);
  }
  if (to === 'OK')
    return line(
      from === 'ALARM' ? `${tower} puts out its beacon: all quiet again` : `${tower} watches: all quiet`,
      tone,
    );
  return line(`${tower} has no news yet (not enough data to judge)`, tone);
}

/**
 * ECS's load-balancer service events retold (AWS mode shows them verbatim); null when the message is
 * not one of them.
 */
export function gateServiceEvent(message: string, decree: string, sim: SimState): string | null {
  const group = /\(target-group ([^)]+)\)/.exec(message)?.[1];
  const road = group ? roadName(sim, group, 'nozama') : 'its road';
  const registered = /registered (\d+) targets in/.exec(message);
  if (registered && !/deregistered/.test(message)) {
    const k = Number(registered[1]);
    return `${decree}: ${k === 1 ? '1 development joins' : `${k} developments join`} ${road}`;
  }
  const deregistered = /deregistered (\d+) targets in/.exec(message);
  if (deregistered) {
    const k = Number(deregistered[1]);
    return `${decree}: ${k === 1 ? '1 development leaves' : `${k} developments leave`} ${road}`;
  }
  if (/is unhealthy in \(target-group/.test(message)) {
    const why = /\(reason ([^)]+)\)/.exec(message)?.[1];
    return `${decree}: the herald reports a failing development on ${road}${why ? ` (${why})` : ''}; the steward will replace it`;
  }
  const draining = /has begun draining connections on (\d+) tasks/.exec(message);
  if (draining) {
    const k = Number(draining[1]);
    return `${decree}: ${k === 1 ? '1 development stops' : `${k} developments stop`} taking new travelers (draining)`;
  }
  return null;
}
