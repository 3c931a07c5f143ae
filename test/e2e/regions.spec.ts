/**
 * The whole planet: a player builds a kingdom in the world's own region, flies to a second region
 * chosen on the planet (a click on the canvas), builds there through the same forms (their calls and
 * CLI lines carry --region), and flies back to find the first kingdom as it was: one world, several
 * regions. Screenshots at 1280x800 and at a phone's 390x844.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { KingdomScene } from '../../src/game/KingdomScene.ts';
import type { PlanetScene, PlanetSnapshot } from '../../src/game/PlanetScene.ts';
import type { RegionScene, RegionSnapshot } from '../../src/game/RegionScene.ts';
import {
  buildSection,
  clickCanvas,
  pressForCanvas,
  SCREENSHOTS,
  stepUntil,
  test,
  waitBridge,
  waitScene,
} from './helpers.ts';

const HOME = 'za-southwest-1';
const NE = 'za-northeast-1';

async function planet(page: Page): Promise<PlanetSnapshot> {
  return page.evaluate(() => (window.__nozama!.game.scene.getScene('planet') as PlanetScene).snapshot());
}

async function region(page: Page): Promise<RegionSnapshot> {
  return page.evaluate(() => (window.__nozama!.game.scene.getScene('region') as RegionScene).snapshot());
}

/** Clicks a region's place on the planet, like a player, and waits for its portals. */
async function flyTo(page: Page, regionName: string): Promise<void> {
  await waitScene(page, 'planet');
  const place = (await planet(page)).places.find((p) => p.regionName === regionName);
  if (!place) throw new Error(`no ${regionName} on the planet`);
  await clickCanvas(page, place.x, place.y);
  await waitScene(page, 'region');
  expect((await region(page)).region).toBe(regionName);
}

/** Escape on the canvas until the planet shows. */
async function backToPlanet(page: Page): Promise<void> {
  await page.locator('#world-canvas canvas').focus();
  for (let i = 0; i < 2; i++) {
    if ((await page.evaluate(() => window.__nozama?.store.getState().ui.place.scene)) === 'planet') break;
    await pressForCanvas(page, 'Escape');
  }
  await waitScene(page, 'planet');
}

/** Founds the kingdom Royaume and erects one territory in the first open portal, through the form. */
async function buildKingdom(page: Page): Promise<Locator> {
  const territory = await buildSection(page, 'territory');
  await territory.getByRole('button', { name: 'Found the kingdom Royaume' }).click();
  await expect(territory.getByRole('status')).toContainText('The kingdom Royaume is founded.');
  await territory.getByRole('button', { name: 'Erect the territory' }).click();
  await expect(territory.getByRole('status')).toContainText('surveyed');
  return territory;
}

test('a kingdom in a second region, chosen on the planet; the first region keeps its kingdom', async ({
  page,
  problems,
}) => {
  test.setTimeout(120_000);
  await page.goto('/?sandbox=1&place=planet');
  await waitBridge(page);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();

  // Every region opens; the world's own is the near one.
  const first = await planet(page);
  expect(first.places.map((p) => [p.regionName, p.open, p.current])).toEqual([
    [HOME, true, true],
    [NE, true, false],
    ['za-central-1', true, false],
  ]);

  // Home: a kingdom with one territory, its castle registered.
  await flyTo(page, HOME);
  const home = await buildKingdom(page);
  await expect(home.locator('.cli')).not.toContainText('--region');
  await stepUntil(page, '(sim) => sim.containerInstances.values().length === 1');
  const homeWorld = await page.evaluate(() => {
    const { sim } = window.__nozama!.store.getState();
    return {
      instances: sim.instances.values().map((i) => [i.instanceId, i.region, i.state]),
      clusters: Object.values(sim.clusters).map((c) => c.clusterArn),
    };
  });

  // Fly to NE Nozama: four portals, the breadcrumb says where, nothing built there yet.
  await backToPlanet(page);
  const far = (await planet(page)).places.find((p) => p.regionName === NE);
  expect(far?.current).toBe(false);
  await flyTo(page, NE);
  expect((await region(page)).portals.map((p) => p.code)).toEqual(['1a', '1b', '1c', '1d']);
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText(NE);
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('kingdom yet');
  await page.screenshot({ path: `${SCREENSHOTS}/regions-ne-portals.png` });

  // The territory form offers NE's zones; a size NE's newest portal does not offer is said so.
  const territory = await buildSection(page, 'territory');
  const zone = territory.getByRole('combobox', { name: 'Portal' });
  await expect(zone.locator('option')).toHaveCount(5);
  await territory.getByRole('combobox', { name: 'Size of the land' }).selectOption('r5.xlarge');
  await expect(zone.locator('option', { hasText: 'no r5.xlarge here' })).toHaveCount(1);
  await zone.selectOption(`${NE}d`);
  await territory.getByRole('button', { name: 'Erect the territory' }).click();
  await expect(territory.getByRole('status')).toContainText('Unsupported');
  await expect(territory.getByRole('status')).toContainText(`choosing ${NE}a, ${NE}b, ${NE}c.`);
  await territory.getByRole('combobox', { name: 'Size of the land' }).selectOption('t3.medium');
  await zone.selectOption(`${NE}a`);

  // Build there: the calls go to NE and their lines carry --region.
  await buildKingdom(page);
  await expect(territory.locator('.cli')).toContainText(`--region ${NE}`);
  await stepUntil(page, '(sim) => sim.containerInstances.values().length === 2');
  const ne = await page.evaluate(() => {
    const s = window.__nozama!.store.getState();
    return {
      calls: s.log.filter((c) => c.call.region).map((c) => [c.call.action, c.call.region]),
      arns: s.sim.containerInstances.values().map((c) => c.containerInstanceArn.split(':')[3]),
    };
  });
  expect(ne.calls).toEqual([
    ['ecs:CreateCluster', NE],
    ['ec2:RunInstances', NE],
  ]);
  expect(ne.arns.sort()).toEqual([NE, HOME]);
  await page.locator('#world-canvas canvas').focus();
  await pressForCanvas(page, 'Enter');
  await waitScene(page, 'kingdom');
  const neKingdom = await page.evaluate(() =>
    (window.__nozama!.game.scene.getScene('kingdom') as KingdomScene).snapshot(),
  );
  expect(neKingdom.zones.map((z) => z.name)).toEqual([`${NE}a`, `${NE}b`, `${NE}c`, `${NE}d`]);
  expect(neKingdom.territories.map((t) => t.name)).toEqual(['1a-1']);
  await page.screenshot({ path: `${SCREENSHOTS}/regions-ne-kingdom.png` });

  // Back home: the first kingdom is as it was, and its scene draws its own territory only.
  await backToPlanet(page);
  const back = await planet(page);
  expect(back.places.find((p) => p.current)?.regionName).toBe(NE);
  await page.screenshot({ path: `${SCREENSHOTS}/regions-planet-from-ne.png` });
  await flyTo(page, HOME);
  await page.locator('#world-canvas canvas').focus();
  await pressForCanvas(page, 'Enter');
  await waitScene(page, 'kingdom');
  const homeKingdom = await page.evaluate(() =>
    (window.__nozama!.game.scene.getScene('kingdom') as KingdomScene).snapshot(),
  );
  expect(homeKingdom.zones.map((z) => z.name)).toEqual([`${HOME}a`, `${HOME}b`, `${HOME}c`]);
  expect(homeKingdom.territories).toHaveLength(1);
  expect(homeKingdom.territories[0]?.castle).not.toBeNull();
  const after = await page.evaluate(() => {
    const { sim } = window.__nozama!.store.getState();
    return sim.instances
      .values()
      .filter((i) => i.region === 'za-southwest-1')
      .map((i) => [i.instanceId, i.region, i.state]);
  });
  expect(after).toEqual(homeWorld.instances);
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText(HOME);
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('Royaume');
  expect(problems).toEqual([]);
});

test('on a phone, the planet and a second region fit the screen', async ({ page, problems }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/?sandbox=1&place=planet');
  await waitBridge(page);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await waitScene(page, 'planet');
  const p = await planet(page);
  for (const place of p.places) {
    expect(place.label.x).toBeGreaterThanOrEqual(0);
    expect(place.label.x + place.label.w).toBeLessThanOrEqual(p.width);
  }
  await page.screenshot({ path: `${SCREENSHOTS}/regions-planet-phone.png` });
  await flyTo(page, 'za-central-1');
  expect((await region(page)).portals).toHaveLength(6);
  await page.screenshot({ path: `${SCREENSHOTS}/regions-central-phone.png` });
  expect(problems).toEqual([]);
});

test('?place= a zone of another region opens that region on the zone', async ({ page, problems }) => {
  await page.goto(`/?sandbox=1&place=${NE}b`);
  await waitBridge(page);
  await waitScene(page, 'kingdom');
  const ui = await page.evaluate(() => {
    const s = window.__nozama!.store.getState();
    return { region: s.ui.region, place: s.ui.place, home: s.sim.defaultRegion };
  });
  expect(ui).toEqual({ region: NE, place: { scene: 'kingdom', zone: `${NE}b` }, home: HOME });
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText(NE);
  expect(problems).toEqual([]);
});
