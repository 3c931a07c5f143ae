/**
 * Levels open on a settled world: no traveler was turned away before the player arrived (travelers
 * start by script once the mills are healthy). And level text shown to the player never leaks an unresolved reference (@lb/gate/1, @idle-instance/...):
 * each debrief line, read after the level's reference solution was replayed, names the world's real
 * ids; the text shown while playing (brief, goals, hints) holds no reference at all, or resolves at
 * the level's start.
 */
import { describe, expect, it } from 'vitest';
import { dueScriptedEvents, LEVELS, resolveText, resolveTextAfter } from '../../src/levels/index.ts';
import { createTracker } from '../../src/model/goals/goals.ts';
import { runLevel, startLevel } from '../../src/session/index.ts';

const LEFT = /@(instance|ci|task|idle-instance|tg|lb|listener|rule|lb-dim|tg-dim)\//;

describe('references in level text', () => {
  it('some debrief lines do use references (the test checks something)', () => {
    const withRefs = LEVELS.filter((l) => l.debrief.cli.some((line) => LEFT.test(line)));
    expect(withRefs.length).toBeGreaterThanOrEqual(4);
  });

  it.each(LEVELS.map((l) => [l.number, l.id, l] as const))(
    'level %i (%s): every debrief line resolves after its solution',
    (_n, _id, level) => {
      const state = runLevel(level).session.sim;
      for (const line of [...level.debrief.cli, ...level.debrief.text]) {
        const shown = resolveTextAfter(line, state);
        expect(shown, line).not.toMatch(LEFT);
      }
    },
  );

  it.each(LEVELS.map((l) => [l.number, l.id, l] as const))(
    'level %i (%s): the brief, goals and hints resolve in the starting world',
    (_n, _id, level) => {
      const state = startLevel(level).session.sim;
      const said = [...level.brief, ...level.goals.flatMap((g) => [g.text, g.aws]), ...level.hints];
      for (const text of said) expect(resolveText(text, state), text).not.toMatch(LEFT);
    },
  );

  it('names the real ids: the gate ARN, the listener ARN, the terminated idle territories', () => {
    const byId = (id: string) => {
      const l = LEVELS.find((x) => x.id === id);
      if (!l) throw new Error(id);
      return l;
    };
    const gate = byId('blue-green');
    const g = runLevel(gate).session.sim;
    const lbArn = Object.values(g.elb.loadBalancers).find(
      (b) => b.LoadBalancerName === 'gate',
    )?.LoadBalancerArn;
    expect(lbArn).toMatch(/^arn:aws:elasticloadbalancing:/);
    expect(gate.debrief.cli.map((l) => resolveTextAfter(l, g)).join('\n')).toContain(
      `--load-balancer-arn ${lbArn} `,
    );

    const pack = byId('pack-tightly');
    const p = runLevel(pack).session.sim;
    const gone = p.instances
      .values()
      .filter((i) => i.state === 'shutting-down' || i.state === 'terminated')
      .map((i) => i.instanceId)
      .sort();
    expect(gone).toHaveLength(2);
    const line = pack.debrief.cli
      .map((l) => resolveTextAfter(l, p))
      .find((l) => l.includes('terminate-instances'));
    const named = (line ?? '').replace('aws ec2 terminate-instances --instance-ids ', '').split(' ').sort();
    expect(named).toEqual(gone);
  });

  it('an unknown reference stays as written', () => {
    const state = startLevel(LEVELS[0] ?? LEVELS[1]!).session.sim;
    expect(resolveTextAfter('--load-balancer-arn @lb/nowhere/1', state)).toBe(
      '--load-balancer-arn @lb/nowhere/1',
    );
  });
});

describe('a level opens on a settled world', () => {
  it.each(LEVELS.map((l) => [l.number, l.id, l] as const))(
    'level %i (%s): no request failed before the player arrived',
    (_n, _id, level) => {
      const state = startLevel(level).session.sim;
      const t = createTracker(state);
      expect(t.errorsAtStart).toBe(0);
    },
  );

  it.each(['blue-green', 'canary', 'the-watchtower'])(
    '%s: travelers arrive at the first second, on three healthy mills',
    (id) => {
      const level = LEVELS.find((l) => l.id === id);
      if (!level) throw new Error(id);
      expect(level.scenario.setup.some((c) => c.action === 'sim:SetTraffic')).toBe(false);
      const state = startLevel(level).session.sim;
      const blue = Object.values(state.elb.targetGroups).find((g) => g.TargetGroupName === 'mill-blue');
      expect(Object.values(blue?.targets ?? {}).filter((x) => x.state === 'healthy')).toHaveLength(3);
      const t = createTracker(state);
      expect(dueScriptedEvents(level, { ...t, now: t.startedAt + 1 }, [])).toEqual([0]);
      expect(level.script?.[0]?.call.action).toBe('sim:SetTraffic');
      // Once played, travelers are served from the first second.
      const t10 = runLevel(level, [{ advance: 10 }]).session.level?.tracker;
      if (!t10) throw new Error('no level run');
      expect(t10.requests - t10.requestsAtStart).toBeGreaterThan(100);
      expect(t10.errors - t10.errorsAtStart).toBe(0);
    },
  );
});
