/**
 * The city gate, its roads and travelers, the watchtowers and the spells, drawn in the kingdom's band
 * below the zones, from worlds built with real calls (test/e2e/gate-world.ts): the snapshot says what
 * is drawn (doors 80 and 8080, road weights, heralds, beacons, the spell's incantation), travelers
 * walk when traffic flows and failed requests turn back, clicks select the gate's parts, and the
 * event stream plays the herald's cross, the beacon's flare and the horn of rollback.
 *
 * Reference pictures (test/e2e/references/scene-gate-*.png) are compared by test/e2e/references.ts: the
 * canvas pinned to 960x600, the clock paused, reduced motion (static arrows and counts instead of
 * walking travelers), a tolerant pixel comparison. Other screenshots, at the page's 1280x800, are
 * for people to look at (test-results/screenshots/gate-*.png).
 */
import { expect, type Page } from '@playwright/test';
import type { KingdomScene } from '../../src/game/KingdomScene.ts';
import { buildGateWorld, type GateWorldInfo, type GateWorldOptions } from './gate-world.ts';
import {
  clickWorld,
  openGame,
  SCREENSHOTS,
  selection,
  snapshot,
  test,
  waitScene,
  waitSettled,
  worldShot,
} from './helpers.ts';
import { matchesReference, openPinned } from './references.ts';

async function openKingdom(page: Page): Promise<void> {
  await openPinned(page, 'kingdom');
  await waitScene(page, 'kingdom');
}

async function build(page: Page, o: GateWorldOptions): Promise<GateWorldInfo> {
  const info = await buildGateWorld(page, o);
  await waitScene(page, 'kingdom');
  return info;
}

// Each test builds a whole gate world and runs its clock for minutes of simulated time.
test.describe.configure({ timeout: 90_000 });

const FULL: GateWorldOptions = { errorRate: 0.3, alarms: true, spell: true, settle: 150 };

test('the gate: doors 80 and 8080, weighted roads, markets and heralds, watchtowers, a spell', async ({
  page,
  problems,
}) => {
  await openKingdom(page);
  const w = await build(page, FULL);
  const k = await snapshot(page);
  const g = k.gate;
  expect(g.band).not.toBeNull();
  // The zones make room: the band is below them, inside the world.
  for (const z of k.zones) expect(z.bounds.y + z.bounds.h).toBeLessThanOrEqual((g.band?.y ?? 0) + 0.5);
  expect(g.gates).toHaveLength(1);
  const gate = g.gates[0];
  expect(gate?.id).toBe(w.lbArn);
  expect(gate?.doors.map((d) => [d.port, d.label])).toEqual([
    [80, ':80 main door'],
    [8080, ':8080 test door'],
  ]);
  const main = gate?.doors[0];
  expect(main?.roads.map((r) => [r.targetGroupArn, r.percent])).toEqual([
    [w.blue, '90%'],
    [w.green, '10%'],
  ]);
  expect(main?.roads.map((r) => r.rps)).toEqual([90, 10]);
  expect(gate?.doors[1]?.roads.map((r) => [r.targetGroupArn, r.percent])).toEqual([[w.green, '100%']]);
  const blue = g.markets.find((m) => m.id === w.blue);
  const green = g.markets.find((m) => m.id === w.green);
  expect(blue?.targets.map((t) => t.herald)).toEqual(['tick', 'tick', 'tick']);
  expect(blue?.targets.every((t) => t.drawn)).toBe(true);
  expect(green?.targets.map((t) => t.taskArn)).toEqual(w.greenTasks);
  // Reduced motion: no walking travelers, the routes are shown by static arrows and counts.
  expect(g.travelers.mode).toBe('static');
  expect(g.travelers.drawn).toBe(0);
  expect(g.travelers.routes).toBeGreaterThan(0);
  // Watchtowers: 5xx on green is lit (30% of its requests fail), blue is far from a flood, the
  // third watches a metric nobody publishes.
  expect(g.towers.map((t) => [t.name, t.state, t.beacon])).toEqual([
    ['blue-flood', 'OK', 'dark'],
    ['green-5xx', 'ALARM', 'lit'],
    ['old-gate', 'INSUFFICIENT_DATA', 'unknown'],
  ]);
  expect(g.spells).toHaveLength(1);
  expect(g.spells[0]?.editions).toEqual(['1', '2']);
  expect(g.spells[0]?.incantations.map((i) => i.text)).toEqual(['live 90% v1 / 10% v2']);
  await matchesReference(page, 'gate-kingdom');

  // The Rosetta switch: AWS's words.
  await page.evaluate(() => window.__nozama?.store.getState().setNames('aws'));
  await waitScene(page, 'kingdom');
  const aws = (await snapshot(page)).gate;
  expect(aws.gates[0]?.doors.map((d) => d.label)).toEqual([':80 listener', ':8080 listener']);
  expect(aws.spells[0]?.incantations.map((i) => i.text)).toEqual(['alias live: 90% v1 / 10% v2']);
  await matchesReference(page, 'gate-kingdom-aws');
  expect(problems).toEqual([]);
});

test('travelers walk the roads in proportion to traffic, and failed requests turn back', async ({
  page,
  problems,
}) => {
  await openGame(page);
  await page.getByRole('button', { name: 'Pause' }).click();
  await buildGateWorld(page, FULL);
  await waitSettled(page);
  await page.evaluate(() => window.__nozama?.store.getState().setPaused(false));
  await page.waitForFunction(() => {
    const g = (window.__nozama!.game.scene.getScene('kingdom') as KingdomScene).snapshot().gate;
    return g.travelers.drawn >= 20 && g.travelers.failingRoutes > 0;
  });
  const g = (await snapshot(page)).gate;
  expect(g.travelers.mode).toBe('moving');
  expect(g.travelers.drawn).toBeLessThanOrEqual(160);
  await worldShot(page, 'gate-1-travelers');
  // Nothing walks without traffic.
  await page.evaluate(() => {
    const s = window.__nozama!.store.getState();
    for (const l of Object.keys(s.sim.traffic.sources))
      if (l.startsWith('arn:aws:elasticloadbalancing'))
        s.dispatch({ action: 'sim:SetTraffic', input: { ListenerArn: l, RequestsPerSecond: 0 } });
  });
  await page.waitForFunction(
    () =>
      (window.__nozama!.game.scene.getScene('kingdom') as KingdomScene).snapshot().gate.travelers.routes ===
      2,
  );
  expect(problems).toEqual([]);
});

test('clicking the gate, a door, a road market, a watchtower, a spell and its incantation selects them', async ({
  page,
  problems,
}) => {
  await openKingdom(page);
  const w = await build(page, { ...FULL, settle: 90 });
  const g = (await snapshot(page)).gate;
  const gate = g.gates[0];
  if (!gate) throw new Error('a gate is drawn');
  const door = gate.doors[1];
  if (!door) throw new Error('the test door is drawn');
  await clickWorld(page, door.bounds);
  expect(await selection(page)).toEqual({ kind: 'listener', id: w.listener8080 });
  // The wall beside the doors.
  await clickWorld(page, { ...gate.bounds, w: 6 });
  expect(await selection(page)).toEqual({ kind: 'loadBalancer', id: w.lbArn });
  const green = g.markets.find((m) => m.id === w.green);
  if (!green) throw new Error('the green market is drawn');
  await clickWorld(page, { ...green.bounds, h: green.bounds.h * 0.3 });
  expect(await selection(page)).toEqual({ kind: 'targetGroup', id: w.green });
  const tower = g.towers.find((t) => t.name === 'green-5xx');
  if (!tower) throw new Error('the green-5xx watchtower is drawn');
  await clickWorld(page, tower.bounds);
  expect(await selection(page)).toEqual({ kind: 'alarm', id: 'green-5xx' });
  const spell = g.spells[0];
  if (!spell) throw new Error('the spell is drawn');
  await clickWorld(page, { ...spell.bounds, w: 20 });
  expect(await selection(page)).toEqual({ kind: 'lambdaFunction', id: 'checkout' });
  const ribbon = await page.evaluate(() => {
    const s = window.__nozama!.game.scene.getScene('kingdom') as unknown as {
      stage: {
        spells: Map<string, { ribbons: Map<string, { x: number; y: number; w: number; h: number }> }>;
      };
    };
    return s.stage.spells.get('checkout')?.ribbons.get('live') ?? null;
  });
  if (!ribbon) throw new Error('the incantation ribbon is drawn');
  await clickWorld(page, ribbon);
  expect(await selection(page)).toEqual({ kind: 'lambdaAlias', id: 'checkout:live' });
  // The Inspector tells the incantation's weights and shows its real JSON and CLI.
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await expect(inspector).toContainText(/Incantation live\s*edition 1 90% · edition 2 10%/);
  await expect(inspector).toContainText('aws lambda get-alias');
  await waitScene(page, 'kingdom');
  await matchesReference(page, 'gate-selected-incantation');
  expect(problems).toEqual([]);
});

test('events: the herald cross pops, the beacon flares and the horn of rollback sounds', async ({
  page,
  problems,
}) => {
  await openKingdom(page);
  await build(page, { errorRate: 0, alarms: true, spell: false, settle: 90 });
  expect((await snapshot(page)).gate.horn.played).toBe(0);
  // A renovation of the green decree to an edition that fails most requests, watched by green-5xx
  // with rollback on: its targets fail the herald, the beacon is lit, the horn sounds. All of it in
  // one go: the scene sees the events only after all the ticks (its cursor keeps them).
  await page.evaluate(() => {
    const s = window.__nozama!.store.getState();
    const ok = (action: string, input: Record<string, unknown>) => {
      const r = window.__nozama!.store.getState().dispatch({ action, input });
      if ('error' in r) throw new Error(`${action}: ${r.error.message}`);
    };
    ok('ecs:RegisterTaskDefinition', {
      family: 'web',
      containerDefinitions: [
        {
          name: 'web',
          image: 'nginx:broken',
          cpu: 256,
          memory: 512,
          essential: true,
          portMappings: [{ containerPort: 80, hostPort: 0 }],
        },
      ],
    });
    ok('sim:SetBehavior', { TaskDefinition: 'web:3', ErrorRate: 0.6 });
    ok('ecs:UpdateService', {
      cluster: 'Royaume',
      service: 'web-green',
      taskDefinition: 'web:3',
      deploymentConfiguration: { alarms: { alarmNames: ['green-5xx'], enable: true, rollback: true } },
    });
    const rolledBack = () =>
      window.__nozama!.store.getState().events.recent.some((e) => e.type === 'deployment/rolledBack');
    for (let i = 0; i < 900 && !rolledBack(); i++) s.advance(1);
    if (!rolledBack()) throw new Error('no rollback in 900 s');
  });
  await page.waitForFunction(() => {
    const g = (window.__nozama!.game.scene.getScene('kingdom') as KingdomScene).snapshot().gate;
    return g.horn.played === 1 && g.horn.visible;
  });
  const g = (await snapshot(page)).gate;
  expect(g.heraldPops).toBeGreaterThanOrEqual(1);
  expect(g.beaconFlares).toBe(1);
  expect(g.towers.find((t) => t.name === 'green-5xx')?.beacon).toBe('lit');
  expect(g.horn.text).toContain('The horn of rollback!');
  expect(g.horn.text).toContain('web-green');
  expect(g.horn.text).toContain('green-5xx');
  await page.screenshot({ path: `${SCREENSHOTS}/gate-2-horn.png` });
  // It lasts a few seconds, then leaves the gate clear.
  await page.waitForFunction(
    () => !(window.__nozama!.game.scene.getScene('kingdom') as KingdomScene).snapshot().gate.horn.visible,
  );
  expect((await snapshot(page)).gate.horn.played).toBe(1);
  expect(problems).toEqual([]);
});
