/**
 * Share links: a world goes into a URL fragment and comes back the same; every kind of bad link
 * (cut short, tampered, too long, a newer format, calls the model refuses, an unknown level) is refused
 * with a message naming what is wrong, and the world on screen is untouched. A link of every released
 * format keeps opening (test/fixtures/links/format-N.txt).
 */
import { readFileSync } from 'node:fs';
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { levelById } from '../../src/levels/index.ts';
import { createGameStore, type GameStore } from '../../src/store/create-game-store.ts';
import { openLink } from '../../src/store/open-link.ts';
import {
  decodeLink,
  encodeLink,
  LINK_FORMAT,
  LINK_LIMITS,
  type LinkWorld,
  linkPayload,
  linkUrl,
  linkWorldOf,
} from '../../src/store/share-link.ts';
import { buildKingdom } from '../support/link-world.ts';

function sandboxWorld(seed = 42): { store: GameStore; world: LinkWorld } {
  const store = createGameStore({ seed });
  buildKingdom(store);
  return { store, world: linkWorldOf(store.getState().save(), null, store.getState().ui.region) };
}

/** A link carrying any JSON value, as a tamperer would write it. */
const forged = (value: unknown, format = LINK_FORMAT) =>
  `#world=${format}.${LZString.compressToEncodedURIComponent(JSON.stringify(value))}`;

function expectRefused(fragment: string, words: RegExp) {
  const { store } = sandboxWorld(7);
  const before = store.getState();
  const r = openLink(store, fragment);
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.message).toMatch(words);
  // Untouched: the very same world, log, level and generation.
  const after = store.getState();
  expect(after.sim).toBe(before.sim);
  expect(after.log).toBe(before.log);
  expect(after.generation).toBe(before.generation);
  expect(after.origin).toBeNull();
}

describe('share links', () => {
  it('carry a sandbox world to another store, the same to the last field', () => {
    const { store, world } = sandboxWorld();
    const fragment = `#${encodeLink(world)}`;
    expect(fragment).toMatch(/^#world=2\.[A-Za-z0-9+\-$]+$/);
    const other = createGameStore({ seed: 1 });
    const r = openLink(other, fragment);
    expect(r).toMatchObject({ ok: true });
    expect(other.getState().sim).toEqual(store.getState().sim);
    expect(other.getState().log).toEqual(store.getState().log);
    expect(other.getState().origin).toEqual({ elapsed: world.elapsed, calls: world.calls.length });
    expect(other.getState().ui.place).toEqual({ scene: 'kingdom', zone: null });
  });

  it('carry a level world, its goals evaluated as in the original', () => {
    const level = levelById('decree-of-one');
    if (!level) throw new Error('no level');
    const store = createGameStore({ seed: 1 });
    store.getState().startLevel(level);
    store.getState().showMe();
    for (let i = 0; i < 400 && store.getState().level?.demo; i++) store.getState().advance(5);
    expect(store.getState().log.length).toBeGreaterThan(store.getState().setupCount);
    expect(store.getState().level?.done).toBe(true);
    const world = linkWorldOf(store.getState().save(), level.id, store.getState().ui.region);
    const other = createGameStore({ seed: 3 });
    expect(openLink(other, encodeLink(world))).toMatchObject({ ok: true });
    expect(other.getState().level?.id).toBe(level.id);
    expect(other.getState().sim).toEqual(store.getState().sim);
    expect(other.getState().level?.progress).toEqual(store.getState().level?.progress);
  });

  it('build a full URL with the world in the fragment, and find it among other fragment parts', () => {
    const { world } = sandboxWorld();
    const url = linkUrl('https://example.org/nozama/?sandbox=1#old', world);
    expect(url.startsWith('https://example.org/nozama/?sandbox=1#world=2.')).toBe(true);
    expect(linkPayload(`#x=1&${encodeLink(world)}`)).toBe(encodeLink(world).slice('world='.length));
    expect(linkPayload('#nothing')).toBeNull();
  });

  it('open a fixture link of every released format (formats 1 and 2)', () => {
    for (let format = 1; format <= LINK_FORMAT; format++) {
      const fragment = readFileSync(`test/fixtures/links/format-${format}.txt`, 'utf8').trim();
      const store = createGameStore({ seed: 1 });
      expect(openLink(store, fragment)).toMatchObject({ ok: true });
      const { sim, log } = store.getState();
      expect(sim.now - sim.startedAt).toBe(89);
      expect(log.length).toBe(5);
      expect(Object.values(sim.clusters).map((c) => c.clusterName)).toEqual(['Royaume']);
      expect(sim.tasks.values().filter((t) => t.lastStatus === 'RUNNING')).toHaveLength(3);
      // Format 1 opens in the world's own region; format 2 where its maker was looking.
      expect(store.getState().ui.region).toBe(format === 1 ? 'za-southwest-1' : 'za-northeast-1');
    }
  });

  it('carry the region on screen: a link made while looking at another region opens there', () => {
    const { store } = sandboxWorld();
    store.getState().visit('za-central-1');
    const link = encodeLink(linkWorldOf(store.getState().save(), null, store.getState().ui.region));
    const other = createGameStore({ seed: 1 });
    expect(openLink(other, link)).toMatchObject({ ok: true });
    expect(other.getState().ui.region).toBe('za-central-1');
    expect(other.getState().sim.defaultRegion).toBe('za-southwest-1');
    expect(other.getState().ui.place).toEqual({ scene: 'kingdom', zone: null });
  });

  it('a view region Nozama does not have is refused', () =>
    expectRefused(forged({ ...sandboxWorld().world, view: 'us-east-1' }), /view: is not a region/));
});

describe('bad links are refused with a message, and the world on screen is untouched', () => {
  const good = `#${encodeLink(sandboxWorld().world)}`;

  it('a link cut short', () => expectRefused(good.slice(0, good.length - 40), /damaged or cut short/));
  it('a link that is not one', () => expectRefused('#world=hello', /not a Nozama world link/));
  it('a link too long', () =>
    expectRefused(`#world=1.${'A'.repeat(LINK_LIMITS.linkChars)}`, /too long \(60002 characters/));
  it('a link of a newer format', () => expectRefused(`#world=3.${good.slice(9)}`, /newer version.*format 3/));
  it('a world with a field of the wrong kind', () =>
    expectRefused(forged({ ...sandboxWorld().world, seed: 'x' }), /damaged \(seed: /));
  it('a world with an unknown field', () =>
    expectRefused(forged({ ...sandboxWorld().world, admin: true }), /damaged \(admin: /));
  it('a seed out of range', () =>
    expectRefused(forged({ ...sandboxWorld().world, seed: 2 ** 40 }), /damaged \(seed: /));
  it('a region Nozama does not have', () =>
    expectRefused(forged({ ...sandboxWorld().world, region: 'us-east-1' }), /region: is not a region/));
  it('a clock beyond a week', () =>
    expectRefused(forged({ ...sandboxWorld().world, elapsed: 8 * 86400 }), /damaged \(elapsed: /));
  it('too many calls', () => {
    const { world } = sandboxWorld();
    const first = world.calls[0];
    if (!first) throw new Error('no calls');
    const calls = Array.from({ length: LINK_LIMITS.calls + 1 }, () => first);
    expectRefused(forged({ ...world, calls }), /more than 2000 calls/);
  });
  it('calls out of time order', () => {
    const { world } = sandboxWorld();
    expectRefused(forged({ ...world, calls: [...world.calls].reverse() }), /out of time order/);
  });
  it('a call the model refuses, named by its place and its AWS error', () => {
    const { world } = sandboxWorld();
    const calls = world.calls.map((c, i) =>
      i === 4 ? { ...c, call: { ...c.call, input: { ...c.call.input, cluster: 'Nowhere' } } } : c,
    );
    expectRefused(
      forged({ ...world, calls }),
      /refused call 5 of 5 \(ecs:CreateService at 00:00:44\): ClusterNotFoundException/,
    );
  });
  it('an action the model does not know', () => {
    const { world } = sandboxWorld();
    const calls = [...world.calls, { t: world.elapsed, call: { action: 'ecs:Teleport', input: {} } }];
    expectRefused(forged({ ...world, calls }), /refused call 6 of 6 \(ecs:Teleport/);
  });
  it('a level this version does not have', () =>
    expectRefused(forged({ ...sandboxWorld().world, level: 'no-such-level' }), /level .*"no-such-level"/));
  it('a level link whose setup was changed', () => {
    const level = levelById('arrival');
    if (!level) throw new Error('no level');
    expectRefused(forged({ ...sandboxWorld().world, level: level.id }), /cannot be rebuilt/);
  });
  it('decodeLink never throws on junk', () => {
    for (const junk of [
      '',
      '#',
      '#world=',
      '#world=1.',
      '#world=1.%%%',
      '#world=999999.abc',
      '#world=0.abc',
    ]) {
      expect(decodeLink(junk).ok).toBe(false);
    }
  });
});
