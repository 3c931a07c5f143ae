/**
 * A thing of the world as the JSON AWS takes to recreate it: the input of its create call (what
 * `--cli-input-json` reads: register-task-definition for a plan, create-service for a decree), and for
 * a gate the ordered list of calls that rebuild it (the load balancer, the target groups its doors and
 * rules send to, the listeners, the rules that are not a listener's default), in the list form
 * bring/call-list.ts reads back. Pure.
 */
import type { Call, SimState } from '../model/index.ts';
import { cliCommand, createCallFor, type RosettaSelection } from './cli.ts';

export interface AwsExport {
  /** A file name for the download (`mill-2.json`, `gate-royal.json`). */
  readonly fileName: string;
  readonly text: string;
  /** How many calls it holds (1: the input of one call; more: a list of calls). */
  readonly calls: number;
}

/**
 * Calls as a list in a JSON file: each entry the CLI command and the input it takes with
 * `--cli-input-json` (so each runs as `aws <service> <command> --cli-input-json '<input>'`), the
 * region when it is not the world's own, and for a call that creates a thing named by an ARN, that ARN
 * (`arn`): later entries name it, and a world that runs the list mints new ARNs, which replace it
 * (bring/run-brought.ts).
 */
export function callListJson(calls: readonly { call: Call; arn?: string | undefined }[]): string {
  const entries = calls.map(({ call, arn }) => ({
    command: cliCommand(call),
    input: call.input ?? {},
    ...(call.region === undefined ? {} : { region: call.region }),
    ...(arn === undefined ? {} : { arn }),
  }));
  return `${JSON.stringify(entries, null, 4)}\n`;
}

const json = (v: unknown): string => `${JSON.stringify(v, null, 4)}\n`;
const safeName = (s: string): string =>
  s.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'thing';

/** The ARNs a rule or a listener's actions send travelers to. */
function targetGroupsOf(
  actions: readonly {
    TargetGroupArn?: string;
    ForwardConfig?: { TargetGroups: { TargetGroupArn: string }[] };
  }[],
): string[] {
  return actions.flatMap((a) => [
    ...(a.TargetGroupArn ? [a.TargetGroupArn] : []),
    ...(a.ForwardConfig?.TargetGroups.map((t) => t.TargetGroupArn) ?? []),
  ]);
}

function gateExport(sim: SimState, lbArn: string): AwsExport | null {
  const lb = sim.elb.loadBalancers[lbArn];
  const lbCall = createCallFor(sim, { kind: 'loadBalancer', id: lbArn });
  if (!lb || !lbCall) return null;
  const listeners = Object.values(sim.elb.listeners)
    .filter((l) => l.LoadBalancerArn === lbArn)
    .sort((a, b) => a.Port - b.Port);
  const rules = Object.values(sim.elb.rules)
    .filter((r) => !r.IsDefault && listeners.some((l) => l.ListenerArn === r.listenerArn))
    .sort((a, b) => Number(a.Priority) - Number(b.Priority));
  const used = new Set<string>([
    ...listeners.flatMap((l) => targetGroupsOf(l.DefaultActions)),
    ...rules.flatMap((r) => targetGroupsOf(r.Actions)),
    ...Object.values(sim.elb.targetGroups)
      .filter((tg) => tg.LoadBalancerArns.includes(lbArn))
      .map((tg) => tg.TargetGroupArn),
  ]);
  const groups = Object.values(sim.elb.targetGroups).filter((tg) => used.has(tg.TargetGroupArn));
  const calls = [
    { call: lbCall, arn: lbArn },
    ...groups.flatMap((tg) => {
      const call = createCallFor(sim, { kind: 'targetGroup', id: tg.TargetGroupArn });
      return call ? [{ call, arn: tg.TargetGroupArn }] : [];
    }),
    ...listeners.flatMap((l) => {
      const call = createCallFor(sim, { kind: 'listener', id: l.ListenerArn });
      return call ? [{ call, arn: l.ListenerArn }] : [];
    }),
    ...rules.flatMap((r) => {
      const call = createCallFor(sim, { kind: 'rule', id: r.RuleArn });
      return call ? [{ call, arn: r.RuleArn }] : [];
    }),
  ];
  return {
    fileName: `gate-${safeName(lb.LoadBalancerName)}.json`,
    text: callListJson(calls),
    calls: calls.length,
  };
}

/** The selected thing as AWS JSON to recreate it; null for what has no create call (a zone, a missing thing). */
export function exportFor(sim: SimState, sel: RosettaSelection): AwsExport | null {
  if (sel.kind === 'loadBalancer') {
    const lb =
      sim.elb.loadBalancers[sel.id] ??
      Object.values(sim.elb.loadBalancers).find((l) => l.LoadBalancerName === sel.id);
    return lb ? gateExport(sim, lb.LoadBalancerArn) : null;
  }
  const call = createCallFor(sim, sel);
  if (!call) return null;
  const input = call.input ?? {};
  const name =
    sel.kind === 'taskDefinition'
      ? `${String(input.family)}-${sim.taskDefinitions[sel.id]?.revision ?? 'plan'}`
      : String(input.serviceName ?? input.Name ?? input.clusterName ?? input.FunctionName ?? sel.kind);
  return { fileName: `${safeName(name)}.json`, text: json(input), calls: 1 };
}
