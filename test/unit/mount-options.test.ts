/**
 * The full game's page turns its query parameters into typed mount options (src/app/mount-options.ts):
 * only what is present and valid becomes an option; the rest keeps mount()'s defaults.
 */
import { describe, expect, it } from 'vitest';
import { type MountOptions, optionsFromQuery } from '../../src/app/mount-options.ts';

describe('optionsFromQuery', () => {
  const cases: [string, MountOptions][] = [
    ['', {}],
    ['?seed=42', { seed: 42 }],
    ['?seed=-1', {}],
    ['?seed=1.5', {}],
    ['?seed=4294967296', {}],
    ['?seed=', {}],
    ['?renderer=canvas', { renderer: 'canvas' }],
    ['?renderer=webgl', { renderer: 'webgl' }],
    ['?renderer=svg', {}],
    ['?place=planet', { place: { scene: 'planet' } }],
    ['?place=region', { place: { scene: 'region' } }],
    ['?place=kingdom', { place: { scene: 'kingdom', zone: null } }],
    ['?place=za-southwest-1b', { place: { scene: 'kingdom', zone: 'za-southwest-1b' } }],
    ['?place=za-southwest-1z', {}],
    ['?level=canary', { level: 'canary' }],
    ['?sandbox=1', { sandbox: true }],
    ['?sandbox=0', {}],
    ['?campaign=1', { campaign: true }],
    ['?seed=7&level=arrival&renderer=canvas', { seed: 7, level: 'arrival', renderer: 'canvas' }],
  ];
  it.each(cases)('%s', (search, expected) => {
    expect(optionsFromQuery(search)).toEqual(expected);
  });
});
