import { describe, expect, it } from 'vitest';
import {
  byMode,
  charterName,
  LEXICON,
  landKind,
  landSize,
  lexiconEntry,
  term,
} from '../../src/i18n/lexicon.ts';
import { AMIS, amiId, INSTANCE_TYPES } from '../../src/model/ec2/catalog.ts';
import { REGION, World } from '../support/world.ts';

describe('the lexicon of PRODUCT.md as data', () => {
  it.each([
    ['cluster', 'kingdom', 'ECS cluster'],
    ['instance', 'territory', 'EC2 instance'],
    ['containerInstance', 'castle', 'container instance'],
    ['agent', 'lord', 'ECS container agent'],
    ['taskDefinition', 'architectural plan', 'task definition'],
    ['revision', 'edition', 'revision'],
    ['container', 'building', 'container'],
    ['image', 'building design', 'container image'],
    ['task', 'development', 'task'],
    ['service', 'decree', 'service'],
    ['scheduler', 'royal steward', 'ECS scheduler'],
    ['zone', 'portal', 'Availability Zone'],
    ['region', 'region', 'Region'],
    ['fargate', 'managed lands', 'Fargate'],
    ['placementStrategy', 'settlement preference', 'placement strategy'],
    ['placementConstraint', 'settlement rule', 'placement constraint'],
    ['loadBalancer', 'city gate', 'Application Load Balancer'],
    ['healthCheck', 'herald', 'health check'],
    ['alarm', 'watchtower beacon', 'CloudWatch alarm'],
    ['rollback', 'horn of rollback', 'rollback'],
    ['lambdaFunction', 'spell', 'Lambda function'],
    ['lambdaAlias', 'named incantation', 'Lambda alias'],
  ])('term(%s) reads %s / %s', (key, nozama, aws) => {
    expect(term(key, 'nozama')).toBe(nozama);
    expect(term(key, 'aws')).toBe(aws);
    expect(term(key, 'both')).toBe(nozama === aws ? nozama : `${nozama} (${aws})`);
    expect(lexiconEntry(key)).toMatchObject({ key, nozama, aws });
  });

  it('renders "both" as the Nozama word with the AWS one in parentheses, and plurals', () => {
    expect(term('instance', 'both')).toBe('territory (EC2 instance)');
    expect(term('instance', 'nozama', { plural: true })).toBe('territories');
    expect(term('task', 'both', { plural: true })).toBe('developments (tasks)');
    expect(term('fargate', 'nozama', { plural: true })).toBe('managed lands');
    expect(term('nope', 'aws')).toBe('nope');
    expect(byMode('both', 'same', 'same')).toBe('same');
  });

  it('keys are unique and every entry has both names and a kind', () => {
    const keys = LEXICON.map((e) => e.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const e of LEXICON) {
      expect(e.aws.length).toBeGreaterThan(0);
      expect(e.nozama.length).toBeGreaterThan(0);
      expect(e.kind).toMatch(
        /^(world|compute|workload|scheduling|traffic|delivery|serverless|land|charter)$/,
      );
    }
  });

  it('every instance type of the catalog is a kind of land, each with its own name', () => {
    const lands = LEXICON.filter((e) => e.kind === 'land');
    expect(lands.map((e) => e.aws).sort()).toEqual(INSTANCE_TYPES.map((t) => t.instanceType).sort());
    expect(new Set(lands.map((e) => e.nozama)).size).toBe(lands.length);
    expect(landKind('t2.micro')).toBe('small plot');
    expect(landKind('m5.large')).toBe('estate');
    expect(landKind('r5.large')).toBe('granary-rich land');
    expect(landKind('c5.large')).toBe('workshop land');
    expect(landKind('t3.medium', 'both')).toBe('homestead (t3.medium)');
    expect(landKind('x9.huge')).toBe('estate');
    expect(landSize('t3.medium')).toBe('2 vCPU, 4 GiB');
  });

  it('AMIs are charters: the ECS-optimized one is the royal charter, the plain one a bare charter', () => {
    expect(LEXICON.filter((e) => e.kind === 'charter')).toHaveLength(AMIS.length);
    const w = new World(1);
    expect(charterName(REGION, w.ami(true))).toBe('the royal charter');
    expect(charterName(REGION, w.ami(false))).toBe('a bare charter');
    expect(charterName(REGION, amiId(REGION, 'ecs-al2023'), 'both')).toBe(
      'the royal charter (ECS-optimized AMI (Amazon Linux 2023))',
    );
    expect(charterName(REGION, 'ami-0000', 'aws')).toBe('ami-0000');
  });
});
