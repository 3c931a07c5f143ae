/**
 * Chronicle lines for renovations and spells: ECS deployments (lifecycle stages, steps, completion,
 * failure, the horn of rollback), CodeDeploy (guilds, crews, lifecycle events, traffic steps,
 * rollback), CodeDeploy's task sets, Lambda (spells, editions, incantations and their weights, the
 * seed's linear shift). In AWS mode the lines use the services' own words
 * ("(service mill) lifecycle stage PRODUCTION_TRAFFIC_SHIFT: step 3/10, 30% of production traffic").
 *
 * Silent on purpose: deployment/trafficShifted (the step's stageChanged line and the rollback line
 * already say where the travelers go).
 */
import type { HookRule, HookVerdict, SimState } from '../model/index.ts';
import type { ChronicleEvent, ChronicleLine, Tone } from './chronicle.ts';
import { hookRuleWords, hookVerdictWords } from './hook-words.ts';
import { byMode, capitalize, type NameMode } from './lexicon.ts';
import { planName } from './names.ts';
import {
  aliasRollbackCard,
  codeDeployRollbackCard,
  ecsRollbackCard,
  lifecycleWords,
  pct,
  stageWords,
} from './renovation.ts';
import {
  aliasRollbackFacts,
  codeDeployRollbackFacts,
  ecsRollbackFacts,
  serviceByName,
} from './renovation-facts.ts';
import { aliasShares, sharePercent } from './spell-editions.ts';

export const RENOVATION_EVENT_TYPES: Readonly<Record<string, boolean>> = {
  'deployment/stageChanged': true,
  'deployment/trafficShifted': false,
  'deployment/completed': true,
  'deployment/failed': true,
  'deployment/rolledBack': true,
  'deployment/stopRequested': true,
  'deployment/hookInvoked': true,
  'codedeploy/applicationCreated': true,
  'codedeploy/deploymentGroupCreated': true,
  'codedeploy/created': true,
  'codedeploy/started': true,
  'codedeploy/lifecycle': true,
  'codedeploy/hookInvoked': true,
  'codedeploy/trafficShifted': true,
  'codedeploy/continued': true,
  'codedeploy/succeeded': true,
  'codedeploy/failed': true,
  'codedeploy/stopped': true,
  'codedeploy/rolledBack': true,
  'taskSet/created': true,
  'taskSet/deleted': true,
  'lambda/functionCreated': true,
  'lambda/codeUpdated': true,
  'lambda/configurationUpdated': true,
  'lambda/versionPublished': true,
  'lambda/functionDeleted': true,
  'lambda/invoked': true,
  'lambda/hookRuleSet': true,
  'alias/created': true,
  'alias/deleted': true,
  'alias/weightsChanged': true,
  'alias/deploymentStarted': true,
  'alias/deploymentSucceeded': true,
  'alias/deploymentRolledBack': true,
};

const s = (v: unknown): string => (typeof v === 'string' ? v : '');
const n = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const line = (text: string, tone: Tone): ChronicleLine => ({ text: capitalize(text), tone });

/** One line for a renovation or spell event; undefined when the type is not one of them. */
export function renovationLine(
  event: ChronicleEvent,
  sim: SimState,
  mode: NameMode,
): ChronicleLine | null | undefined {
  const type = event.type;
  if (!(type in RENOVATION_EVENT_TYPES)) return undefined;
  if (!RENOVATION_EVENT_TYPES[type]) return null;
  const at = (event as { time?: number }).time;
  const region = (event as { region?: string }).region;
  if (type.startsWith('deployment/')) return ecsLine(type, event.data, sim, mode, at, region);
  if (type.startsWith('codedeploy/') || type.startsWith('taskSet/'))
    return codeDeployLine(type, event.data, sim, mode, at);
  return lambdaLine(type, event.data, mode);
}

function ecsLine(
  type: string,
  d: Record<string, unknown>,
  sim: SimState,
  mode: NameMode,
  at?: number,
  region?: string,
): ChronicleLine {
  const name = s(d.serviceName);
  const aws = mode === 'aws';
  const decree = byMode(mode, `decree ${name}`, `service ${name}`);
  switch (type) {
    case 'deployment/stageChanged': {
      const stage = s(d.stage);
      if (stage === 'PRODUCTION_TRAFFIC_SHIFT' && n(d.step) > 0) {
        const where = `step ${n(d.step)}/${n(d.steps)}`;
        return aws
          ? line(
              `(service ${name}) lifecycle stage ${stage}: ${where}, ${pct(n(d.weightPercent))}% of production traffic to the new revision`,
              'info',
            )
          : line(
              `${decree}: step ${n(d.step)} of ${n(d.steps)}, ${pct(n(d.weightPercent))}% of travelers now go to the new edition`,
              'info',
            );
      }
      return aws
        ? line(`(service ${name}) lifecycle stage ${stage}`, 'info')
        : line(`${decree}'s renovation: ${stageWords(stage, mode)}`, 'info');
    }
    case 'deployment/completed': {
      const td = serviceByName(sim, name, region)?.taskDefinition;
      const plan = td ? planName(td, mode) : '';
      return aws
        ? line(
            `(service ${name}) (deployment ${s(d.deploymentId)}) deployment completed${plan ? `: ${plan}` : ''} (${s(d.strategy)})`,
            'good',
          )
        : line(`${decree} is renovated${plan ? `: every development now follows ${plan}` : ''}`, 'good');
    }
    case 'deployment/failed': {
      const reason = s(d.reason);
      if (aws)
        return line(
          `(service ${name}) (deployment ${s(d.deploymentId)}) deployment failed: ${s(d.detail)}`,
          'bad',
        );
      if (reason === 'circuitBreaker')
        return line(
          `The steward's circuit breaker tripped on ${decree}: new developments kept failing`,
          'bad',
        );
      if (reason === 'lifecycleHook') return line(`A gatekeeper spell stopped ${decree}'s renovation`, 'bad');
      return line(`Watchtower ${reason} lit its beacon during ${decree}'s renovation`, 'bad');
    }
    case 'deployment/rolledBack': {
      const card = ecsRollbackCard(
        ecsRollbackFacts(sim, d, undefined, at, region),
        mode === 'both' ? 'nozama' : mode,
      );
      const head = aws
        ? `(service ${name}) rolling back to deployment ${s(d.toDeploymentId)}: `
        : 'Horn of rollback! ';
      return line(`${head}${card.headline}`, 'bad');
    }
    case 'deployment/hookInvoked': {
      const verdict = s(d.verdict) as HookVerdict;
      const tone: Tone = verdict === 'SUCCEEDED' ? 'good' : verdict === 'IN_PROGRESS' ? 'info' : 'bad';
      const step = n(d.step) > 0 ? ` step ${n(d.step)}/${n(d.steps)}` : '';
      const again =
        verdict === 'IN_PROGRESS' && typeof d.nextInvokeAt === 'number' && at !== undefined
          ? aws
            ? ` (invoked again in ${d.nextInvokeAt - at} s)`
            : `; cast again in ${d.nextInvokeAt - at} s`
          : '';
      return aws
        ? line(
            `(service ${name}) lifecycle hook ${s(d.functionName)} invoked at ${s(d.lifecycleStage)}${step} (invocation ${n(d.invocation)}): ${hookVerdictWords(verdict, 'aws')}${again}`,
            tone,
          )
        : line(
            `${decree}'s renovation asks gatekeeper spell ${s(d.functionName)} (${stageWords(s(d.lifecycleStage), mode)}${step ? `,${step}` : ''}): “${hookVerdictWords(verdict, 'nozama')}”${again}`,
            tone,
          );
    }
    default:
      return aws
        ? line(`StopServiceDeployment (${s(d.stopType)}) for service ${name}: rollback requested`, 'warn')
        : line(`You sound the horn of rollback for ${decree}`, 'warn');
  }
}

function codeDeployLine(
  type: string,
  d: Record<string, unknown>,
  sim: SimState,
  mode: NameMode,
  at?: number,
): ChronicleLine {
  const aws = mode === 'aws';
  const id = s(d.deploymentId);
  const dep = sim.codedeploy.deployments[id];
  const lambda = dep?.computePlatform === 'Lambda';
  const reno = byMode(mode, `${lambda ? 'shift' : 'renovation'} ${id}`, `deployment ${id}`);
  const who = lambda ? 'casts' : 'travelers';
  switch (type) {
    case 'codedeploy/applicationCreated':
      return aws
        ? line(`CodeDeploy application ${s(d.applicationName)} created (${s(d.computePlatform)})`, 'info')
        : line(
            `The guild of master builders ${s(d.applicationName)} is founded, for ${s(d.computePlatform) === 'Lambda' ? 'spells' : 'decrees'}`,
            'info',
          );
    case 'codedeploy/deploymentGroupCreated':
      return aws
        ? line(
            `Deployment group ${s(d.deploymentGroupName)} created in application ${s(d.applicationName)}`,
            'info',
          )
        : line(
            `Crew ${s(d.deploymentGroupName)} of guild ${s(d.applicationName)} is ready to renovate`,
            'info',
          );
    case 'codedeploy/created':
      return aws
        ? line(`Deployment ${id} created (${s(d.deploymentConfigName)})`, 'info')
        : line(`${reno} ordered from crew ${s(d.deploymentGroupName)}: ${s(d.deploymentConfigName)}`, 'info');
    case 'codedeploy/started':
      return aws
        ? line(`Deployment ${id} started (${s(d.computePlatform)})`, 'info')
        : line(`${reno} begins`, 'info');
    case 'codedeploy/lifecycle': {
      const ev = s(d.event);
      const st = s(d.status);
      const tone: Tone = st === 'Failed' ? 'bad' : st === 'Ready' ? 'warn' : 'info';
      if (aws) return line(`Deployment ${id}: lifecycle event ${ev} ${st}`, tone);
      const how =
        st === 'Skipped'
          ? ' (nothing to do)'
          : st === 'Failed'
            ? ': it failed'
            : st === 'Succeeded'
              ? ': done'
              : '';
      return line(`${reno}: ${lifecycleWords(ev, mode, lambda)}${how}`, tone);
    }
    case 'codedeploy/hookInvoked':
      return aws
        ? line(`Deployment ${id}: ${s(d.event)} hook ${s(d.functionName)} invoked`, 'info')
        : line(
            `${reno}: the ${s(d.event)} check ${s(d.functionName)} is called; the renovation waits for its answer`,
            'info',
          );
    case 'codedeploy/trafficShifted':
      return aws
        ? line(
            `Deployment ${id}: AllowTraffic step ${n(d.step)}/${n(d.steps)}, ${pct(n(d.percent))}% of production traffic to the ${lambda ? 'target version' : 'replacement task set'}`,
            'info',
          )
        : line(
            `${reno}: step ${n(d.step)} of ${n(d.steps)}, ${pct(n(d.percent))}% of ${who} go to the new edition`,
            'info',
          );
    case 'codedeploy/continued':
      return aws
        ? line(`ContinueDeployment ${id} (${s(d.deploymentWaitType)})`, 'info')
        : line(`You give the word: ${reno} goes on`, 'info');
    case 'codedeploy/succeeded':
      return aws ? line(`Deployment ${id} succeeded`, 'good') : line(`${reno} is complete`, 'good');
    case 'codedeploy/failed':
      return aws
        ? line(`Deployment ${id} failed: ${s(d.code)}: ${s(d.message)}`, 'bad')
        : line(`${reno} failed (${s(d.code)})`, 'bad');
    case 'codedeploy/stopped':
      return aws
        ? line(`Deployment ${id} stopped: ${s(d.code)}: ${s(d.message)}`, 'warn')
        : line(`${reno} is stopped (${s(d.code)})`, 'warn');
    case 'codedeploy/rolledBack': {
      const card = codeDeployRollbackCard(
        codeDeployRollbackFacts(sim, d, undefined, at),
        mode === 'both' ? 'nozama' : mode,
      );
      return line(
        `${aws ? `Deployment ${id} rolled back by ${s(d.rollbackDeploymentId)}: ` : 'Horn of rollback! '}${card.headline}`,
        'bad',
      );
    }
    case 'taskSet/created':
      return aws
        ? line(
            `(service ${s(d.serviceName)}) task set ${s(d.taskSetId)} created for deployment ${id}`,
            'info',
          )
        : line(
            `A second company of developments is raised for decree ${s(d.serviceName)} (task set ${s(d.taskSetId)})`,
            'info',
          );
    default:
      return aws
        ? line(`(service ${s(d.serviceName)}) task set ${s(d.taskSetId)} deleted`, 'info')
        : line(
            `The old company of decree ${s(d.serviceName)} is disbanded (task set ${s(d.taskSetId)})`,
            'info',
          );
  }
}

function weightsText(d: Record<string, unknown>, aws: boolean): string {
  const w = (d.weights ?? {}) as Record<string, number>;
  const extra = Object.entries(w);
  const main = s(d.functionVersion);
  if (aws)
    return `FunctionVersion ${main}${extra.length ? `, AdditionalVersionWeights ${extra.map(([v, x]) => `${v}=${x}`).join(', ')}` : ''}`;
  return aliasShares(main, w)
    .map((x) => `edition ${x.version} ${sharePercent(x.share)}`)
    .join(', ');
}

function lambdaLine(type: string, d: Record<string, unknown>, mode: NameMode): ChronicleLine {
  const aws = mode === 'aws';
  const fn = s(d.functionName);
  const spell = byMode(mode, `spell ${fn}`, `function ${fn}`);
  const inc = byMode(mode, `incantation ${fn}:${s(d.alias)}`, `alias ${s(d.alias)} of ${fn}`);
  switch (type) {
    case 'lambda/functionCreated':
      return aws
        ? line(`Function ${fn} created ($LATEST)`, 'info')
        : line(`${spell} is written in the wizard's tower`, 'info');
    case 'lambda/codeUpdated':
      return aws
        ? line(`Function ${fn} code updated ($LATEST)`, 'info')
        : line(`${spell} is rewritten (its draft, not yet an edition)`, 'info');
    case 'lambda/configurationUpdated':
      return aws
        ? line(`Function ${fn} configuration updated ($LATEST)`, 'info')
        : line(`${spell}'s instructions are amended (its draft, not yet an edition)`, 'info');
    case 'lambda/versionPublished':
      return aws
        ? line(`Function ${fn} version ${s(d.version)} published`, 'info')
        : line(`${spell}: edition ${s(d.version)} published`, 'info');
    case 'lambda/functionDeleted':
      return aws ? line(`Function ${fn} deleted`, 'info') : line(`${spell} is struck from the books`, 'info');
    case 'lambda/invoked': {
      const failed = d.failed === true;
      const through = s(d.qualifier) || '$LATEST';
      return aws
        ? line(
            `Invoke ${fn}:${through}: executed version ${s(d.executedVersion)}${failed ? ', FunctionError Unhandled' : ''}`,
            failed ? 'warn' : 'info',
          )
        : line(
            `${spell} cast through ${through}: edition ${s(d.executedVersion)} answered${failed ? ', and failed' : ''}`,
            failed ? 'warn' : 'info',
          );
    }
    case 'lambda/hookRuleSet': {
      const rule = (d.rule ?? { kind: 'none' }) as HookRule | { kind: 'none' };
      if (rule.kind === 'none')
        return aws
          ? line(`sim:SetHookRule ${fn}: no rule (no hookStatus returned)`, 'info')
          : line(`${spell} no longer gives a gatekeeper's verdict`, 'info');
      const said = hookRuleWords(rule, aws ? 'aws' : 'nozama');
      return aws
        ? line(`sim:SetHookRule ${fn}: ${said}`, 'info')
        : line(`${spell} is given its verdict as a gatekeeper: it ${said}`, 'info');
    }
    case 'alias/created':
      return aws
        ? line(`Alias ${s(d.alias)} of ${fn} created -> version ${s(d.functionVersion)}`, 'info')
        : line(`${inc} is named: it casts edition ${s(d.functionVersion)}`, 'info');
    case 'alias/deleted':
      return aws ? line(`Alias ${s(d.alias)} of ${fn} deleted`, 'info') : line(`${inc} is forgotten`, 'info');
    case 'alias/weightsChanged': {
      const step =
        n(d.step) > 0
          ? aws
            ? ` (step ${n(d.step)}/${n(d.steps)})`
            : ` (step ${n(d.step)} of ${n(d.steps)})`
          : '';
      const why =
        d.rollback === true
          ? aws
            ? ' (rollback)'
            : ' — back to the old edition'
          : d.finalized === true
            ? aws
              ? ' (finalized)'
              : ' — the shift is complete'
            : '';
      return aws
        ? line(`UpdateAlias ${fn}:${s(d.alias)}: ${weightsText(d, true)}${step}${why}`, 'info')
        : line(`${inc} now casts ${weightsText(d, false)}${step}${why}`, 'info');
    }
    case 'alias/deploymentStarted':
      return aws
        ? line(
            `Linear alias deployment ${s(d.id)} started on ${fn}:${s(d.alias)}: ${n(d.steps)} steps every ${n(d.interval)} s`,
            'info',
          )
        : line(
            `${inc} begins a linear shift: ${n(d.steps)} steps, one every ${n(d.interval)} s, with a health check`,
            'info',
          );
    case 'alias/deploymentSucceeded':
      return aws
        ? line(
            `Alias deployment ${s(d.deploymentId)} succeeded: ${fn}:${s(d.alias)} -> version ${s(d.newVersion)}`,
            'good',
          )
        : line(`${inc} now casts edition ${s(d.newVersion)} alone: the shift is complete`, 'good');
    default: {
      const card = aliasRollbackCard(aliasRollbackFacts(d), mode === 'both' ? 'nozama' : mode);
      return line(`${aws ? '' : 'Horn of rollback! '}${card.headline}`, 'bad');
    }
  }
}
