/**
 * The embed's options, read the same way from `<nozama-demo>` attributes and from `embed.html`'s query:
 * `demo` (a gallery id), `level`, `world` (a share link or its `#world=...` part), `seed`, `autoplay`,
 * `speed` (1, 4, 16, 64), `controls` (none | play | full), `words` (nozama | aws | both), `height` (a
 * CSS length). What is given wrong is named in `problems` and replaced by its default.
 */
import type { NameMode, Speed } from '../store/create-game-store.ts';
import type { DemoSource } from '../store/demo-session.ts';

export type Controls = 'none' | 'play' | 'full';

export interface EmbedOptions {
  source: DemoSource;
  autoplay: boolean;
  speed: Speed;
  controls: Controls;
  words: NameMode;
  /** A CSS length for the demo's height, or null for the default (from its width, at least 240 px). */
  height: string | null;
}

export const EMBED_ATTRIBUTES = [
  'demo',
  'level',
  'world',
  'seed',
  'autoplay',
  'speed',
  'controls',
  'words',
  'height',
];

const SPEEDS: readonly number[] = [1, 4, 16, 64];
const CONTROLS: readonly string[] = ['none', 'play', 'full'];
const WORDS: readonly string[] = ['nozama', 'aws', 'both'];

/** Reads options through `get` (an attribute or a query parameter; null when absent). */
export function readEmbedOptions(get: (name: string) => string | null): {
  options: EmbedOptions;
  problems: string[];
} {
  const problems: string[] = [];
  const seedText = get('seed');
  let seed = 1;
  if (seedText !== null) {
    const n = Number(seedText);
    if (Number.isInteger(n) && n >= 0 && n <= 0xffffffff) seed = n;
    else problems.push(`seed "${seedText}" is not a whole number from 0 to 4294967295`);
  }
  const world = get('world');
  const level = get('level');
  const demo = get('demo');
  const source: DemoSource =
    world !== null
      ? { kind: 'world', link: world.includes('world=') ? world.slice(world.indexOf('world=')) : world }
      : level !== null
        ? { kind: 'level', id: level }
        : demo !== null
          ? { kind: 'demo', id: demo }
          : { kind: 'sandbox', seed };

  const speedText = get('speed') ?? '1';
  const speed = (SPEEDS.includes(Number(speedText)) ? Number(speedText) : 1) as Speed;
  if (String(speed) !== speedText) problems.push(`speed "${speedText}" is not one of ${SPEEDS.join(', ')}`);

  const controlsText = get('controls') ?? 'play';
  const controls = (CONTROLS.includes(controlsText) ? controlsText : 'play') as Controls;
  if (controls !== controlsText) problems.push(`controls "${controlsText}" is not none, play or full`);

  const wordsText = get('words') ?? 'nozama';
  const words = (WORDS.includes(wordsText) ? wordsText : 'nozama') as NameMode;
  if (words !== wordsText) problems.push(`words "${wordsText}" is not nozama, aws or both`);

  const heightText = get('height');
  let height: string | null = null;
  if (heightText !== null) {
    if (/^\d{2,4}$/.test(heightText)) height = `${heightText}px`;
    else if (/^\d{1,4}(\.\d+)?(px|em|rem|vh|%)$/.test(heightText)) height = heightText;
    else problems.push(`height "${heightText}" is not a length such as 400px`);
  }
  const autoplayText = get('autoplay');
  const autoplay = autoplayText !== null && autoplayText !== 'false';
  return { options: { source, autoplay, speed, controls, words, height }, problems };
}
