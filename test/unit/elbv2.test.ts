import { describe, expect, it } from 'vitest';
import { listenerShares, routableTargets } from '../../src/model/elbv2/elb-routing.ts';
import type { Target, TargetGroup } from '../../src/model/sim/types.ts';
import { alb, createTargetGroup, forward, subnets, VPC, weighted } from '../support/elb.ts';
import { kingdom, World } from '../support/world.ts';

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe('CreateLoadBalancer', () => {
  it('answers the ELBv2 shape, provisioning then active after a fixed time', () => {
    const w = new World();
    const lb = w.ok('elbv2:CreateLoadBalancer', { Name: 'shop', Subnets: subnets('a', 'b') })
      .LoadBalancers[0];
    expect(lb).toMatchObject({
      LoadBalancerName: 'shop',
      Scheme: 'internet-facing',
      Type: 'application',
      State: { Code: 'provisioning' },
      VpcId: VPC,
      IpAddressType: 'ipv4',
    });
    expect(lb.LoadBalancerArn).toMatch(
      /^arn:aws:elasticloadbalancing:za-southwest-1:123456789012:loadbalancer\/app\/shop\/[0-9a-f]{16}$/,
    );
    expect(lb.DNSName).toMatch(/^shop-\d{10}\.za-southwest-1\.elb\.amazonaws\.com$/);
    expect(lb.CreatedTime).toMatch(ISO);
    expect(lb.AvailabilityZones.map((z: any) => z.ZoneName)).toEqual(['za-southwest-1a', 'za-southwest-1b']);
    w.tick(29);
    expect(w.ok('elbv2:DescribeLoadBalancers', {}).LoadBalancers[0].State.Code).toBe('provisioning');
    w.tick(1);
    expect(w.ok('elbv2:DescribeLoadBalancers', {}).LoadBalancers[0].State.Code).toBe('active');
  });

  it.each([
    ['one zone', { Name: 'x', Subnets: subnets('a') }, 'ValidationError', /two subnets in two different/],
    [
      'two subnets, one zone',
      { Name: 'x', Subnets: [...subnets('a'), ...subnets('a')] },
      'InvalidConfigurationRequest',
      /same Availability Zone/,
    ],
    [
      'unknown subnet',
      { Name: 'x', Subnets: ['subnet-nope', ...subnets('a')] },
      'SubnetNotFound',
      /subnet-nope/,
    ],
    [
      'name too long',
      { Name: 'x'.repeat(33), Subnets: subnets('a', 'b') },
      'ValidationError',
      /'32' characters/,
    ],
    ['bad characters', { Name: 'my_lb', Subnets: subnets('a', 'b') }, 'ValidationError', /alphanumeric/],
    ['internal- prefix', { Name: 'internal-x', Subnets: subnets('a', 'b') }, 'ValidationError', /internal-/],
    ['no name', { Subnets: subnets('a', 'b') }, 'ValidationError', /Member must not be null/],
    [
      'network type',
      { Name: 'x', Type: 'network', Subnets: subnets('a', 'b') },
      'ValidationError',
      /application/,
    ],
  ])('%s -> %s', (_case, input, code, message) => {
    const w = new World();
    const before = w.state;
    const e = w.err('elbv2:CreateLoadBalancer', input);
    expect(e.name).toBe(code);
    expect(e.message).toMatch(message);
    expect(w.state).toBe(before);
  });

  it('DuplicateLoadBalancerName for the same name with other settings, idempotent otherwise', () => {
    const w = new World();
    const a = w.ok('elbv2:CreateLoadBalancer', { Name: 'shop', Subnets: subnets('a', 'b') }).LoadBalancers[0];
    const b = w.ok('elbv2:CreateLoadBalancer', { Name: 'shop', Subnets: subnets('a', 'b') }).LoadBalancers[0];
    expect(b.LoadBalancerArn).toBe(a.LoadBalancerArn);
    expect(w.err('elbv2:CreateLoadBalancer', { Name: 'shop', Subnets: subnets('a', 'c') }).name).toBe(
      'DuplicateLoadBalancerName',
    );
  });

  it('DeleteLoadBalancer removes its listeners and frees its target groups', () => {
    const w = new World();
    const a = alb(w);
    w.ok('elbv2:DeleteLoadBalancer', { LoadBalancerArn: a.lbArn });
    expect(Object.keys(w.state.elb.listeners)).toEqual([]);
    expect(Object.keys(w.state.elb.rules)).toEqual([]);
    expect(w.state.elb.targetGroups[a.blue]?.LoadBalancerArns).toEqual([]);
    expect(w.err('elbv2:DescribeListeners', { LoadBalancerArn: a.lbArn }).name).toBe('LoadBalancerNotFound');
    w.ok('elbv2:DeleteTargetGroup', { TargetGroupArn: a.blue });
  });
});

describe('CreateTargetGroup', () => {
  it('has the ALB defaults (timeout 5: see the file header)', () => {
    const w = new World();
    const tg = w.ok('elbv2:CreateTargetGroup', { Name: 'blue', Protocol: 'HTTP', Port: 80, VpcId: VPC })
      .TargetGroups[0];
    expect(tg).toMatchObject({
      TargetGroupName: 'blue',
      TargetType: 'instance',
      HealthCheckProtocol: 'HTTP',
      HealthCheckPort: 'traffic-port',
      HealthCheckEnabled: true,
      HealthCheckIntervalSeconds: 30,
      HealthCheckTimeoutSeconds: 5,
      HealthyThresholdCount: 5,
      UnhealthyThresholdCount: 2,
      HealthCheckPath: '/',
      Matcher: { HttpCode: '200' },
      LoadBalancerArns: [],
      ProtocolVersion: 'HTTP1',
    });
    expect(tg.TargetGroupArn).toMatch(/:targetgroup\/blue\/[0-9a-f]{16}$/);
    const attrs = Object.fromEntries(
      w
        .ok('elbv2:DescribeTargetGroupAttributes', { TargetGroupArn: tg.TargetGroupArn })
        .Attributes.map((a: any) => [a.Key, a.Value]),
    );
    expect(attrs).toMatchObject({
      'deregistration_delay.timeout_seconds': '300',
      'stickiness.enabled': 'false',
      'stickiness.type': 'lb_cookie',
      'load_balancing.algorithm.type': 'round_robin',
    });
  });

  const base = { Name: 'blue', Protocol: 'HTTP', Port: 80, VpcId: VPC };
  it.each([
    [{ HealthCheckIntervalSeconds: 4 }, /greater than or equal to 5/],
    [{ HealthCheckIntervalSeconds: 301 }, /less than or equal to 300/],
    [{ HealthCheckTimeoutSeconds: 1 }, /greater than or equal to 2/],
    [{ HealthyThresholdCount: 11 }, /less than or equal to 10/],
    [{ UnhealthyThresholdCount: 1 }, /greater than or equal to 2/],
    [
      { HealthCheckIntervalSeconds: 10, HealthCheckTimeoutSeconds: 10 },
      /interval must be greater than the timeout/,
    ],
    [{ Matcher: { HttpCode: '600' } }, /200-499/],
    [{ HealthCheckPath: 'health' }, /begin with a '\/'/],
    [{ Name: 'a'.repeat(33) }, /cannot be longer than '32' characters/],
    [{ Name: 'blue_1' }, /alphanumeric characters or hyphens/],
    [{ Name: '-blue' }, /cannot begin or end with '-'/],
    [{ VpcId: 'vpc-other' }, /vpc-other/],
    [{ Port: 0 }, /greater than or equal to 1/],
    [{ Port: undefined }, /port must be specified/],
    [{ Protocol: 'TCP' }, /HTTP or HTTPS/],
  ])('rejects %j with a ValidationError', (extra, message) => {
    const w = new World();
    const e = w.err('elbv2:CreateTargetGroup', { ...base, ...extra });
    expect(e.name).toBe('ValidationError');
    expect(e.message).toMatch(message);
  });

  it('is idempotent for the same settings; DuplicateTargetGroupName otherwise', () => {
    const w = new World();
    const a = createTargetGroup(w, 'blue');
    expect(createTargetGroup(w, 'blue')).toBe(a);
    expect(w.err('elbv2:CreateTargetGroup', { ...base, Port: 8080 }).name).toBe('DuplicateTargetGroupName');
  });

  it.each([
    ['deregistration_delay.timeout_seconds', '3601', false],
    ['deregistration_delay.timeout_seconds', '0', true],
    ['deregistration_delay.timeout_seconds', '3600', true],
    ['stickiness.enabled', 'yes', false],
    ['stickiness.type', 'app_cookie', true],
    ['load_balancing.algorithm.type', 'least_outstanding_requests', true],
    ['load_balancing.algorithm.type', 'fastest', false],
    ['no.such.key', '1', false],
  ])('ModifyTargetGroupAttributes %s=%s ok=%s', (Key, Value, ok) => {
    const w = new World();
    const tg = createTargetGroup(w, 'blue');
    const r = w.call('elbv2:ModifyTargetGroupAttributes', {
      TargetGroupArn: tg,
      Attributes: [{ Key, Value }],
    });
    if (ok) expect(w.state.elb.targetGroups[tg]?.attributes[Key]).toBe(Value);
    else expect('error' in r && r.error.name).toBe('ValidationError');
  });

  it('ModifyTargetGroup changes health-check settings; unknown groups are TargetGroupNotFound', () => {
    const w = new World();
    const tg = createTargetGroup(w, 'blue');
    const out = w.ok('elbv2:ModifyTargetGroup', {
      TargetGroupArn: tg,
      HealthCheckIntervalSeconds: 10,
      HealthyThresholdCount: 2,
    });
    expect(out.TargetGroups[0]).toMatchObject({ HealthCheckIntervalSeconds: 10, HealthyThresholdCount: 2 });
    expect(w.err('elbv2:ModifyTargetGroup', { TargetGroupArn: `${tg}x`, HealthyThresholdCount: 3 })).toEqual({
      name: 'TargetGroupNotFound',
      message: 'One or more target groups not found',
    });
  });
});

describe('listeners and rules', () => {
  it('a listener has a default rule with a stable ARN, Priority "default", IsDefault true', () => {
    const w = new World();
    const a = alb(w);
    const rules = w.ok('elbv2:DescribeRules', { ListenerArn: a.listener80 }).Rules;
    expect(rules).toEqual([
      {
        RuleArn: a.rule80,
        Priority: 'default',
        Conditions: [],
        IsDefault: true,
        Actions: [
          {
            Type: 'forward',
            TargetGroupArn: a.blue,
            ForwardConfig: {
              TargetGroups: [{ TargetGroupArn: a.blue, Weight: 1 }],
              TargetGroupStickinessConfig: { Enabled: false },
            },
          },
        ],
      },
    ]);
    w.ok('elbv2:ModifyListener', { ListenerArn: a.listener80, DefaultActions: forward(a.green) });
    const after = w.ok('elbv2:DescribeRules', { ListenerArn: a.listener80 }).Rules;
    expect(after[0].RuleArn).toBe(a.rule80);
    expect(after[0].Actions[0].TargetGroupArn).toBe(a.green);
    expect(w.state.elb.targetGroups[a.blue]?.LoadBalancerArns).toEqual([]);
  });

  it.each([
    [
      'duplicate port',
      (a: any) => ({ LoadBalancerArn: a.lbArn, Protocol: 'HTTP', Port: 80, DefaultActions: forward(a.blue) }),
      'DuplicateListener',
    ],
    [
      'weight 1000',
      (a: any) => ({
        LoadBalancerArn: a.lbArn,
        Protocol: 'HTTP',
        Port: 81,
        DefaultActions: weighted([a.blue, 1000]),
      }),
      'ValidationError',
    ],
    [
      'weight -1',
      (a: any) => ({
        LoadBalancerArn: a.lbArn,
        Protocol: 'HTTP',
        Port: 81,
        DefaultActions: weighted([a.blue, -1]),
      }),
      'ValidationError',
    ],
    [
      'six groups',
      (a: any) => ({
        LoadBalancerArn: a.lbArn,
        Protocol: 'HTTP',
        Port: 81,
        DefaultActions: weighted(
          ...Array.from({ length: 6 }, (_, i) => [`${a.blue}${i}`, 1] as [string, number]),
        ),
      }),
      'ValidationError',
    ],
    [
      'unknown group',
      (a: any) => ({
        LoadBalancerArn: a.lbArn,
        Protocol: 'HTTP',
        Port: 81,
        DefaultActions: forward(`${a.blue}0`),
      }),
      'TargetGroupNotFound',
    ],
    [
      'unknown load balancer',
      (a: any) => ({
        LoadBalancerArn: `${a.lbArn}0`,
        Protocol: 'HTTP',
        Port: 81,
        DefaultActions: forward(a.blue),
      }),
      'LoadBalancerNotFound',
    ],
    [
      'no actions',
      (a: any) => ({ LoadBalancerArn: a.lbArn, Protocol: 'HTTP', Port: 81, DefaultActions: [] }),
      'ValidationError',
    ],
    [
      'port 70000',
      (a: any) => ({
        LoadBalancerArn: a.lbArn,
        Protocol: 'HTTP',
        Port: 70000,
        DefaultActions: forward(a.blue),
      }),
      'ValidationError',
    ],
    [
      'two terminal actions',
      (a: any) => ({
        LoadBalancerArn: a.lbArn,
        Protocol: 'HTTP',
        Port: 81,
        DefaultActions: [
          ...forward(a.blue),
          { Type: 'fixed-response', FixedResponseConfig: { StatusCode: '200' } },
        ],
      }),
      'InvalidLoadBalancerAction',
    ],
  ])('CreateListener: %s -> %s', (_case, make, code) => {
    const w = new World();
    const a = alb(w);
    const before = w.state;
    expect(w.err('elbv2:CreateListener', make(a)).name).toBe(code);
    expect(w.state).toBe(before);
  });

  it('a target group serves one load balancer only (TargetGroupAssociationLimit)', () => {
    const w = new World();
    const a = alb(w);
    const other = w.ok('elbv2:CreateLoadBalancer', { Name: 'other', Subnets: subnets('a', 'b') })
      .LoadBalancers[0];
    const e = w.err('elbv2:CreateListener', {
      LoadBalancerArn: other.LoadBalancerArn,
      Protocol: 'HTTP',
      Port: 80,
      DefaultActions: forward(a.blue),
    });
    expect(e.name).toBe('TargetGroupAssociationLimit');
  });

  it('rules: unique priorities 1-50000, at least one condition, ordered with the default last', () => {
    const w = new World();
    const a = alb(w);
    const cond = [{ Field: 'path-pattern', Values: ['/api/*'] }];
    const r5 = w.ok('elbv2:CreateRule', {
      ListenerArn: a.listener80,
      Priority: 5,
      Conditions: cond,
      Actions: forward(a.green),
    }).Rules[0];
    const r2 = w.ok('elbv2:CreateRule', {
      ListenerArn: a.listener80,
      Priority: 2,
      Conditions: cond,
      Actions: forward(a.green),
    }).Rules[0];
    expect(r5).toMatchObject({ Priority: '5', IsDefault: false });
    expect(
      w.err('elbv2:CreateRule', {
        ListenerArn: a.listener80,
        Priority: 5,
        Conditions: cond,
        Actions: forward(a.blue),
      }).name,
    ).toBe('PriorityInUse');
    for (const p of [0, 50001])
      expect(
        w.err('elbv2:CreateRule', {
          ListenerArn: a.listener80,
          Priority: p,
          Conditions: cond,
          Actions: forward(a.blue),
        }).name,
      ).toBe('ValidationError');
    expect(
      w.err('elbv2:CreateRule', {
        ListenerArn: a.listener80,
        Priority: 9,
        Conditions: [],
        Actions: forward(a.blue),
      }).name,
    ).toBe('ValidationError');
    expect(
      w.err('elbv2:CreateRule', {
        ListenerArn: `${a.listener80}0`,
        Priority: 9,
        Conditions: cond,
        Actions: forward(a.blue),
      }).name,
    ).toBe('ListenerNotFound');
    const order = () =>
      w.ok('elbv2:DescribeRules', { ListenerArn: a.listener80 }).Rules.map((r: any) => r.Priority);
    expect(order()).toEqual(['2', '5', 'default']);
    w.ok('elbv2:SetRulePriorities', { RulePriorities: [{ RuleArn: r2.RuleArn, Priority: 7 }] });
    expect(order()).toEqual(['5', '7', 'default']);
    expect(
      w.err('elbv2:SetRulePriorities', { RulePriorities: [{ RuleArn: r2.RuleArn, Priority: 5 }] }).name,
    ).toBe('PriorityInUse');
    expect(
      w.err('elbv2:SetRulePriorities', { RulePriorities: [{ RuleArn: a.rule80, Priority: 1 }] }).name,
    ).toBe('OperationNotPermitted');
    expect(w.err('elbv2:DeleteRule', { RuleArn: a.rule80 }).name).toBe('OperationNotPermitted');
    w.ok('elbv2:DeleteRule', { RuleArn: r5.RuleArn });
    expect(order()).toEqual(['7', 'default']);
    expect(w.err('elbv2:DescribeRules', { RuleArns: [r5.RuleArn] }).name).toBe('RuleNotFound');
  });

  it('DeleteTargetGroup is ResourceInUse while a listener forwards to it', () => {
    const w = new World();
    const a = alb(w);
    expect(w.err('elbv2:DeleteTargetGroup', { TargetGroupArn: a.blue }).name).toBe('ResourceInUse');
    w.ok('elbv2:ModifyListener', { ListenerArn: a.listener80, DefaultActions: forward(a.green) });
    w.ok('elbv2:DeleteTargetGroup', { TargetGroupArn: a.blue });
    expect(w.err('elbv2:DescribeTargetGroups', { TargetGroupArns: [a.blue] }).name).toBe(
      'TargetGroupNotFound',
    );
  });
});

describe('routing (elb-routing.ts)', () => {
  it('listenerShares splits by weight and the ModifyListener swap is instant, draining nothing', () => {
    const w = kingdom();
    const a = alb(w);
    const ids = w.state.instances.keys();
    w.ok('elbv2:RegisterTargets', { TargetGroupArn: a.blue, Targets: ids.map((Id) => ({ Id })) });
    w.tick(10);
    w.ok('elbv2:ModifyListener', {
      ListenerArn: a.listener80,
      DefaultActions: weighted([a.blue, 10], [a.green, 20]),
    });
    expect(listenerShares(w.state, a.listener80)).toEqual([
      { targetGroupArn: a.blue, share: 1 / 3 },
      { targetGroupArn: a.green, share: 2 / 3 },
    ]);
    const before = w.events.length;
    w.ok('elbv2:ModifyListener', {
      ListenerArn: a.listener80,
      DefaultActions: weighted([a.blue, 0], [a.green, 1]),
    });
    expect(listenerShares(w.state, a.listener80)).toEqual([{ targetGroupArn: a.green, share: 1 }]);
    w.tick(1);
    const after = w.events.slice(before).map((e) => e.type);
    expect(after).not.toContain('target/draining');
    expect(Object.values(w.state.elb.targetGroups[a.blue]?.targets ?? {}).map((t) => t.state)).toEqual([
      'healthy',
      'healthy',
      'healthy',
    ]);
  });

  it('a matching rule wins over the default action', () => {
    const w = new World();
    const a = alb(w);
    w.ok('elbv2:CreateRule', {
      ListenerArn: a.listener80,
      Priority: 1,
      Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: ['/*'] } }],
      Actions: forward(a.green),
    });
    expect(listenerShares(w.state, a.listener80)).toEqual([{ targetGroupArn: a.green, share: 1 }]);
  });

  const target = (Id: string, state: Target['state']): Target => ({
    Id,
    Port: 80,
    AvailabilityZone: 'za-southwest-1a',
    state,
    reason: null,
    description: null,
    streak: 0,
    nextCheckAt: 0,
    registeredAt: 0,
    drainUntil: null,
    taskArn: null,
  });
  const group = (...ts: Target[]) =>
    ({ targets: Object.fromEntries(ts.map((t) => [`${t.Id}:80`, t])) }) as unknown as TargetGroup;
  it.each([
    [['healthy', 'unhealthy', 'draining'], ['a']],
    [
      ['unhealthy', 'unhealthy', 'draining'],
      ['a', 'b'],
    ],
    [['initial', 'draining', 'unused'], ['a']],
    [['draining', 'unused', 'unused'], []],
  ])('routableTargets(%j) -> %j (fail-open when all are unhealthy)', (st, expected) => {
    const tg = group(...(st as Target['state'][]).map((s, i) => target(['a', 'b', 'c'][i] as string, s)));
    expect(routableTargets(tg).map((t) => t.Id)).toEqual(expected);
  });
});
