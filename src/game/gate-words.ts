/**
 * The words the gate band shows, in the Rosetta switch's mode (store ui.names): Nozama's story words
 * (gate, doors, roads, travelers, herald, watchtower, spell, edition, incantation) or AWS's names
 * (load balancer, listener :80, target group, alarm, function, version, alias), or both.
 */
import { wordAndName } from '../i18n/gate-names.ts';
import { byMode, type NameMode } from '../i18n/lexicon.ts';
import type { DoorModel, IncantationModel, WatchtowerModel } from './gate-model.ts';

export interface GateWords {
  gateSection: string;
  towerSection: string;
  spellSection: string;
  gate(name: string): string;
  /** The word under a door's port: "main door", "test door" (or "listener"). */
  door(d: Pick<DoorModel, 'kind'>): string;
  market(name: string): string;
  marketCaption(targets: number): string;
  rate(rps: number): string;
  beacon(t: Pick<WatchtowerModel, 'state'>): string;
  spell(name: string): string;
  edition(version: string): string;
  incantation(i: IncantationModel): string;
  invocations(rps: number): string;
  horn: string;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function rateNumber(rps: number): string {
  if (rps <= 0) return '0';
  if (rps < 10) return String(Math.round(rps * 10) / 10);
  return String(Math.round(rps));
}

export function gateWords(mode: NameMode): GateWords {
  const m = (nozama: string, aws: string) => byMode(mode, nozama, aws);
  const aws = mode === 'aws';
  return {
    gateSection: m('city gate', 'load balancer'),
    towerSection: m('watchtowers', 'CloudWatch alarms'),
    spellSection: m('spells', 'Lambda functions'),
    // A gate named gate is labelled "gate", not "gate gate" (see wordAndName).
    gate: (name) => {
      const story = wordAndName('gate', name, '');
      return aws ? `ALB ${name}` : mode === 'both' ? `${story} (ALB)` : story;
    },
    door: (d) => {
      const story = d.kind === 'main' ? 'main door' : d.kind === 'test' ? 'test door' : 'door';
      return byMode(mode, story, 'listener');
    },
    market: (name) => name,
    marketCaption: (n) =>
      aws
        ? plural(n, 'target', 'targets')
        : mode === 'both'
          ? `${plural(n, 'development', 'developments')} (targets)`
          : plural(n, 'development', 'developments'),
    rate: (rps) => (aws ? `${rateNumber(rps)} req/s` : `${rateNumber(rps)} travelers/s`),
    beacon: (t) => {
      const story = t.state === 'ALARM' ? 'beacon lit' : t.state === 'OK' ? 'beacon dark' : 'no news';
      return aws ? t.state : mode === 'both' ? `${story} (${t.state})` : story;
    },
    spell: (name) => {
      const story = wordAndName('spell', name, '');
      return aws ? `function ${name}` : mode === 'both' ? `${story} (function)` : story;
    },
    edition: (v) => `v${v}`,
    incantation: (i) => {
      const weights = i.weights.map((w) => `${w.percent} v${w.version}`).join(' / ');
      return aws ? `alias ${i.name}: ${weights}` : `${i.name} ${weights}`;
    },
    invocations: (rps) => (aws ? `${rateNumber(rps)} invocations/s` : `${rateNumber(rps)} casts/s`),
    horn: m('the horn of rollback', 'rollback'),
  };
}
