/**
 * Chronicle lines for the city gate (load balancing), travelers (traffic), faults and watchtowers
 * (alarms): the herald's verdicts on each stop of a road, doors hung and turned, travelers counted
 * each minute, and beacons lit or put out. In AWS mode the lines use ELB's and CloudWatch's words
 * ("Target i-0ab12c3d…:49153 in target group bakery-blue is unhealthy: Target.ResponseCodeMismatch").
 * chronicle.ts dispatches here for these event types.
 */

import type { SimState } from '../model/index.ts';
import { TARGET_TEXT } from '../model/index.ts';
import type { ChronicleEvent, ChronicleLine, Tone } from './chronicle.ts';
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

const s = (v: unknown): string => (typeof v === 'string' ? v : '');
const n = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const line = (text: string, tone: Tone): ChronicleLine => ({ text: capitalize(text), tone });
/** A line that starts with an action's name (sim:SetTraffic), kept as AWS spells it. */
const raw = (text: string, tone: Tone): ChronicleLine => ({ text, tone });

function targetOf(d: Record<string, unknown>): TargetRef {
  return {
    targetGroupArn: s(d.targetGroupArn),
    targetId: s(d.targetId),
    port: n(d.port),
    taskArn: typeof d.taskArn === 'string' ? d.taskArn : null,
  };
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
  const d: Readonly<Record<string, unknown>> = event.data;
  const aws = mode === 'aws';
  switch (event.type) {
    case 'loadBalancer/created':
      return aws
        ? line(`Load balancer ${s(d.name)} created (provisioning)`, 'info')
        : line(`${gateName(sim, s(d.loadBalancerArn), mode)} is being raised (provisioning)`, 'info');
    case 'loadBalancer/active':
      return aws
        ? line(`Load balancer ${gateNameOf(sim, s(d.loadBalancerArn))} is active`, 'good')
        : line(`${gateName(sim, s(d.loadBalancerArn), mode)} stands open (active)`, 'good');
    case 'loadBalancer/deleted':
      return aws
        ? line(`Load balancer ${gateNameOf(sim, s(d.loadBalancerArn))} deleted`, 'warn')
        : line(`${gateName(sim, s(d.loadBalancerArn), mode)} is torn down`, 'warn');
    case 'targetGroup/created':
      return aws
        ? line(`Target group ${s(d.name)} created`, 'info')
        : line(`${roadName(sim, s(d.targetGroupArn), mode)} is laid`, 'info');
    case 'targetGroup/deleted':
      return aws
        ? line(`Target group ${roadNameOf(sim, s(d.targetGroupArn))} deleted`, 'info')
        : line(`${roadName(sim, s(d.targetGroupArn), mode)} is dug up`, 'info');
    case 'listener/created': {
      const arn = s(d.listenerArn);
      const to = forwardWords(sim, arn, mode);
      return aws
        ? line(`${doorOfGate(sim, arn, mode)} created: forward to ${to}`, 'info')
        : line(`${doorOfGate(sim, arn, mode)} is hung: travelers go to ${to}`, 'info');
    }
    case 'listener/modified': {
      const arn = s(d.listenerArn);
      const to = forwardWords(sim, arn, mode);
      return aws
        ? line(`${doorOfGate(sim, arn, mode)} modified: forward to ${to}`, 'info')
        : line(`${doorOfGate(sim, arn, mode)} now sends travelers to ${to}`, 'info');
    }
    case 'listener/deleted':
      return aws
        ? line(`${doorName(sim, s(d.listenerArn), mode)} deleted`, 'warn')
        : line(`${doorName(sim, s(d.listenerArn), mode)} is taken off its hinges`, 'warn');
    case 'rule/modified':
      return null;
    case 'rule/created':
    case 'rule/deleted': {
      const verb = event.type.slice(5);
      const door = doorOfGate(sim, s(d.listenerArn), mode);
      const priority = d.priority === undefined ? '' : ` ${String(d.priority)}`;
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
      return targetLine(event.type, d, sim, mode);
    case 'traffic/changed': {
      const rps = n(d.requestsPerSecond);
      const where = sourceName(sim, s(d.source), mode);
      if (aws) return raw(`sim:SetTraffic: ${where} at ${fmt(rps)} requests per second`, 'info');
      return rps > 0
        ? line(`Travelers now come to ${where}: ${fmt(rps)} a second`, 'info')
        : line(`Travelers stop coming to ${where}`, 'info');
    }
    case 'traffic/window':
      return windowLine(d, sim, mode);
    case 'behavior/changed': {
      const what = faultSubject(s(d.key), mode);
      const rate = Math.round(n(d.errorRate) * 100);
      const ms = n(d.latencyMs);
      if (d.cleared === true)
        return aws
          ? raw(`sim:SetBehavior: ${what} behaves normally again`, 'good')
          : line(`${what} is sound again: its buildings answer every traveler`, 'good');
      return aws
        ? raw(`sim:SetBehavior: ${what} now fails ${rate}% of requests, ${fmt(ms)} ms latency`, 'warn')
        : line(`${what} is cursed: ${rate}% of its answers fail, each takes ${fmt(ms)} ms`, 'warn');
    }
    case 'alarm/stateChanged':
      return alarmLine(d, sim, mode);
    default:
      return undefined;
  }
}

function targetLine(type: string, d: Record<string, unknown>, sim: SimState, mode: NameMode): ChronicleLine {
  const t = targetOf(d);
  const tg = sim.elb.targetGroups[t.targetGroupArn];
  const road = roadName(sim, t.targetGroupArn, mode);
  const aws = mode === 'aws';
  const who = stop(sim, t, mode);
  const awsHead = `Target ${targetWords(t)} in target group ${roadNameOf(sim, t.targetGroupArn)}`;
  switch (type) {
    case 'target/registered':
      return aws
        ? line(`${awsHead} registered`, 'info')
        : line(`${who} joins ${road}; the herald will visit it`, 'info');
    case 'target/healthy':
      return aws
        ? line(`${awsHead} is healthy`, 'good')
        : line(`The herald found ${who} healthy on ${road}: travelers may go there`, 'good');
    case 'target/unhealthy': {
      const reason = s(d.reason);
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
      const left = n(d.until) - n(sim.now);
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

function windowLine(d: Record<string, unknown>, sim: SimState, mode: NameMode): ChronicleLine {
  const requests = n(d.requests);
  const errors = n(d.errors);
  const elb = n(d.elb5xx);
  const key = s(d.source);
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

function alarmLine(d: Record<string, unknown>, sim: SimState, mode: NameMode): ChronicleLine {
  const name = s(d.alarmName);
  const to = s(d.to);
  const from = s(d.from);
  const reason = s(d.reason);
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
